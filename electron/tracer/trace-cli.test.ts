// @vitest-environment node
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { IterationRecord } from '../../shared/engine';
import { connect } from '../lab/testing';
import { python3, seedFile } from './testing';
import { parseTraceArgs } from './trace-args';

const hasPython = python3() !== null;

describe('npm run trace arguments', () => {
  it('flags first, then python3 and the program, or the program alone; bad ones say why', () => {
    expect(parseTraceArgs(['--log', 'jsonl', 'python3', 'server.py', '-v'])).toMatchObject({
      ok: true,
      value: { log: 'jsonl', python: 'python3', args: ['server.py', '-v'] },
    });
    expect(parseTraceArgs(['--step', 'server.py'])).toMatchObject({
      ok: true,
      value: { step: true, python: 'python3', args: ['server.py'] },
    });
    expect(parseTraceArgs([])).toMatchObject({ ok: false, error: { message: /Name the program/ } });
    expect(parseTraceArgs(['python3'])).toMatchObject({
      ok: false,
      error: { message: /Name the Python program/ },
    });
    expect(parseTraceArgs(['--log', 'xml', 'a.py'])).toMatchObject({
      ok: false,
      error: { message: /text or jsonl/ },
    });
    expect(parseTraceArgs(['--bogus', 'a.py'])).toMatchObject({
      ok: false,
      error: { message: /Unknown argument/ },
    });
  });
});

describe.skipIf(!hasPython)('npm run trace -- --log jsonl', () => {
  it('logs the real seed’s loop as the engine’s iteration records, one per line, until Ctrl-C', async () => {
    const seed = seedFile();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/tracer/trace-cli.ts', '--log', 'jsonl', seed],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const records: IterationRecord[] = [];
      createInterface({ input: child.stdout }).on('line', (line) =>
        records.push(JSON.parse(line) as IterationRecord),
      );
      const [banner] = (await once(createInterface({ input: child.stderr }), 'line')) as [string];
      const port = Number(/listens on 127\.0\.0\.1:(\d+)/.exec(banner)?.[1]);
      const client = await connect(port);
      client.socket.write('traced');
      expect((await client.receivedAtLeast(6)).toString()).toBe('traced');
      child.kill('SIGINT');
      await once(child, 'exit');
      const kinds = records.flatMap((r) => r.actions.map((a) => a.kind));
      expect(kinds).toEqual(expect.arrayContaining(['select', 'accept', 'recv', 'send']));
      expect(records.map((r) => r.n)).toEqual(records.map((_, i) => i + 1));
    } finally {
      child.kill('SIGKILL');
    }
  });
});
