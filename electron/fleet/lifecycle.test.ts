// @vitest-environment node
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alive, startEngine } from '../lab/testing';
import { limitedLauncher, spec, startFleetWith, waitForFleet } from './testing';

/** Re-checks `condition` every 50 ms (another process gives no event to wait on), at most `ms`. */
async function eventually(condition: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describe('the fleet process', () => {
  it('out of file descriptors: EMFILE per client, summarised, the others connect', async () => {
    const { port } = await startEngine();
    const fleet = startFleetWith(limitedLauncher(64));
    await fleet.spawn(spec({ count: 100, behaviour: 'idle', connectRate: 10_000 }), {
      host: '127.0.0.1',
      port,
    });
    await waitForFleet(
      fleet,
      () => fleet.clients().every((c) => c.state === 'open' || c.state === 'error'),
      'every client settled',
    );
    const summary = fleet.summary();
    expect(summary.alive).toBe(true);
    expect(summary.errors['EMFILE']).toBeGreaterThan(0);
    expect(summary.byState.open).toBeGreaterThan(0);
    expect(summary.byState.open + summary.byState.error).toBe(100);
  });

  it('leaves no orphan when its parent dies', async () => {
    const { port } = await startEngine();
    const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const fixture = fileURLToPath(new URL('./orphan-parent.fixture.ts', import.meta.url));
    const parent = spawn(process.execPath, ['--import', loader, fixture, String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      parent.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      parent.once('exit', () => reject(new Error(`parent exited early: ${out}`)));
    });
    const pid = Number(/^fleet (\d+)$/.exec(line)?.[1]);
    expect(alive(pid)).toBe(true);
    parent.kill('SIGKILL');
    expect(await eventually(() => !alive(pid), 5000)).toBe(true);
  });
});
