// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/engine';
import type { ScenarioId } from '../../shared/scenarios';
import { startFleet } from '../fleet/testing';
import { SelectServer } from '../lab/select-server';
import { ScenarioRunner } from './run-scenario';

/**
 * Each scenario, set up twice on the same server and fleet (the second run must not see the
 * first's clients), then its effect: the state its paragraph promises, reached by Step.
 */
async function setUp(id: ScenarioId) {
  const engine = new SelectServer();
  const fleet = startFleet();
  const actions: Action[] = [];
  engine.on('action', (a) => actions.push(a));
  const runner = new ScenarioRunner(engine, fleet);
  const run = async () => {
    const result = await runner.run({ scenario: id, host: '127.0.0.1', port: 0 });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  await run();
  const report = await run();
  actions.length = 0;
  const step = async () => {
    const result = await engine.step();
    if (!result.ok) throw new Error(result.error.message);
    return result.value.actions;
  };
  return { engine, fleet, report, actions, step, stop: () => engine.stop() };
}

describe('scenarios', () => {
  it('One client: a pending accept, then the echo', async () => {
    const lab = await setUp('one-client');
    expect(lab.engine.snapshot().pending).toEqual({ readable: [0], writable: [], exceptional: [] });
    expect((await lab.step()).map((a) => a.kind)).toEqual(['select', 'accept']);
    await lab.stop();
  });

  it('Three clients take turns: one select() returns all three readable', async () => {
    const lab = await setUp('three-clients');
    expect(lab.engine.snapshot().pending?.readable).toEqual([1, 2, 3]);
    const recvs = (await lab.step()).filter((a) => a.kind === 'recv').map((a) => a.id);
    expect(recvs).toEqual([1, 2, 3]);
    await lab.stop();
  });

  it('recv(1024) chunks a message: 1024, 1024, 952', async () => {
    const lab = await setUp('recv-chunks');
    const sizes: number[] = [];
    for (let i = 0; i < 3; i++) for (const a of await lab.step()) if (a.kind === 'recv') sizes.push(a.bytes);
    expect(sizes).toEqual([1024, 1024, 952]);
    await lab.stop();
  });

  it('KeyError on a half-close', async () => {
    const lab = await setUp('half-close');
    const crash = (await lab.step()).find((a) => a.kind === 'crash');
    expect(crash).toMatchObject({ exception: 'KeyError', id: 1 });
    expect(lab.engine.snapshot().totals.bytesLost).toBe(16);
    await lab.stop();
  });

  it('A reset: recv() raises ConnectionResetError first', async () => {
    const lab = await setUp('reset');
    const crash = (await lab.step()).find((a) => a.kind === 'crash');
    expect(crash).toMatchObject({ exception: 'ConnectionResetError', id: 1 });
    await lab.stop();
  });

  it('A partial send loses bytes: halted, with the lost bytes counted', async () => {
    const lab = await setUp('partial-send');
    const snapshot = lab.engine.snapshot();
    expect(snapshot.mode).toBe('step');
    expect(snapshot.halt?.reason).toMatch(/B are lost/);
    expect(snapshot.totals.bytesLost).toBeGreaterThan(0);
    await lab.stop();
  }, 60_000);

  it('The listen(5) queue: six queued, fourteen waiting', async () => {
    const lab = await setUp('listen-queue');
    expect(lab.engine.snapshot().listener).toMatchObject({ queued: 6, waiting: 14 });
    await lab.stop();
  });

  it('The 1,024-descriptor wall: halted at ValueError, fd 1024 in the lists', async () => {
    const lab = await setUp('fd-wall');
    const snapshot = lab.engine.snapshot();
    expect(snapshot.halt?.reason).toMatch(/ValueError/);
    expect(Math.max(...snapshot.connections.map((c) => c.fd))).toBe(1024);
    await lab.stop();
  }, 120_000);

  it("Nagle's algorithm: two rates, far apart", async () => {
    const lab = await setUp('nagle');
    const [off, on] = lab.report.measurements;
    expect(off?.value).toBeGreaterThan(0);
    // Delayed ACKs (40 ms at least on Linux) bound the rate with Nagle on; without, it is CPU-bound.
    expect(on?.value ?? 0).toBeGreaterThan(2 * (off?.value ?? Infinity));
    expect(lab.engine.snapshot().options.noDelay).toBe(true);
    await lab.stop();
  }, 60_000);
});
