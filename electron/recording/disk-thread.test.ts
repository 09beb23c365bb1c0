// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEngine } from '../lab/testing';
import { tempDir } from './testing';
import { RecordingWriter } from './writer';

/** This process's threads and each one's scheduling policy (field 41 of its stat; 5 is SCHED_IDLE). */
function policies(): Map<string, number> {
  const threads = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      threads.set(tid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[38]));
    } catch {
      // The thread ended while we looked.
    }
  }
  return threads;
}

const SCHED_IDLE = 5;
const linuxWithChrt = process.platform === 'linux' && ['/usr/bin/chrt', '/bin/chrt'].some(existsSync);

describe('the recording disk thread', () => {
  it.runIf(linuxWithChrt)(
    'runs only when a core would otherwise idle (SCHED_IDLE), never the engine',
    async () => {
      const { server } = await startEngine();
      const before = policies();
      const writer = await RecordingWriter.start(server, join(await tempDir(), 'idle.slrec.gz'));
      if (!writer.ok) throw new Error(writer.error.message);
      const idle = (): string[] =>
        [...policies()]
          .filter(([tid, policy]) => !before.has(tid) && policy === SCHED_IDLE)
          .map(([tid]) => tid);
      // Ready means loaded and lowered: the bench measures recording's cost from here.
      await writer.value.ready;
      expect(idle()).toHaveLength(1);
      // The engine's own thread (this one) keeps its policy.
      expect(policies().get(String(process.pid))).toBe(0);
      expect((await writer.value.stop()).ok).toBe(true);
      await server.stop();
    },
  );
});
