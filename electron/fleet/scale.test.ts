// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { startEngine } from '../lab/testing';
import { spec, startFleet, waitForFleet } from './testing';

describe('at scale (issue 5, test 3)', () => {
  it('5,000 clients connect, echo and verify', { timeout: 120_000 }, async () => {
    // A backlog that admits 2,500 connections a second (listen(5) drops most of them, as the seed's does).
    const { server, port } = await startEngine({ backlog: 511 });
    const fleet = startFleet();
    const spawned = await fleet.spawn(
      spec({ count: 5000, messageSize: 200, intervalMs: 250, connectRate: 2500 }),
      {
        host: '127.0.0.1',
        port,
      },
    );
    expect(spawned.ok).toBe(true);
    await waitForFleet(fleet, () => fleet.summary().verified === 5000, '5,000 verified clients', 90_000);
    const summary = fleet.summary();
    expect(summary).toMatchObject({ clients: 5000, mismatches: 0, bytesLost: 0, errors: {} });
    expect(summary.byState.open).toBe(5000);
    expect(server.snapshot().connections).toHaveLength(5000);
  });
});
