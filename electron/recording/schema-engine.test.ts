// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { platform } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActionKind, Fidelity, IterationRecord } from '../../shared/engine';
import { BEHAVIOURS } from '../../shared/fleet';
import { parseLine } from '../../shared/recording/lines';
import { actionSchema } from '../../shared/recording/schema';
import { EngineUnderTest } from '../../differential/engine-under-test';
import { LockstepClients } from '../../differential/lockstep-clients';
import { runScenario } from '../../differential/run-scenario';
import { SCENARIOS } from '../../differential/scenarios';
import { spec, startFleet, waitForFleet } from '../fleet/testing';
import { connectClients } from '../host/test-support';
import type { SelectServer } from '../lab/select-server';
import { startEngine, waitFor } from '../lab/testing';
import { RecordEncoder } from './record-codec';
import { MemberBuffer } from './member-buffer';

/**
 * The recording's schema accepts every record the engine makes (and the writer's encoding
 * for its disk thread gives each one back whole): the differential scripts
 * (the seed's everyday paths and each of its bugs), the fleet's every behaviour in both
 * modes, the connection limit, the queue caps and the 1,024-descriptor wall. Each record
 * goes through the reader's own line parser, as a file's lines do.
 */
const ALL_KINDS = actionSchema.options.map((o) => o.shape.kind.value) as ActionKind[];
const seen = new Set<ActionKind>();

function expectValid(records: IterationRecord[]): void {
  expect(records.length).toBeGreaterThan(0);
  // The writer hands records to its disk thread as numbers, and it writes them as version 2 lines.
  const encoder = new RecordEncoder();
  for (const record of records) encoder.add(record);
  const { numbers, strings } = encoder.take();
  // The disk thread writes their lines straight from the numbers; the reader gets each record back.
  const member = new MemberBuffer();
  expect(member.pushRecords(numbers, strings)).toBe(records.length);
  const sealed = member.seal();
  expect(sealed?.info).toMatchObject({
    lines: records.length,
    firstN: records[0]?.n,
    lastN: records.at(-1)?.n,
  });
  const lines = Buffer.from(sealed?.text ?? [])
    .toString()
    .split('\n');
  expect(lines.pop()).toBe('');
  for (const [index, line] of lines.entries()) {
    // Canonical JSON: what JSON.stringify would write for the same array.
    expect(JSON.stringify(JSON.parse(line))).toBe(line);
    const parsed = parseLine(line, index + 1);
    if (!parsed.ok) throw new Error(`${parsed.error.message}\n${line}`);
    expect(parsed.value).toEqual({ type: 'iteration', record: records[index] });
  }
  for (const [index, record] of records.entries()) {
    const parsed = parseLine(JSON.stringify(record), index + 1);
    if (!parsed.ok) throw new Error(`${parsed.error.message}\n${JSON.stringify(record)}`);
    expect(parsed.value).toEqual({ type: 'iteration', record });
    for (const action of record.actions) seen.add(action.kind);
  }
}

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version']);
    return platform() === 'linux';
  } catch {
    return false;
  }
}

/** Every record the engine makes from now on. */
function recordsOf(server: SelectServer): IterationRecord[] {
  const records: IterationRecord[] = [];
  server.on('iteration', (record) => records.push(record));
  return records;
}

/** The kinds of action the engine runs from now on, kept as they come (re-scanning records on every event would be quadratic). */
function kindsOf(server: SelectServer): Set<ActionKind> {
  const kinds = new Set<ActionKind>();
  server.on('action', (a) => kinds.add(a.kind));
  return kinds;
}

/** Steps the engine (Step mode) until `done` holds; a step that finds nothing ready waits for an event. */
async function stepUntil(server: SelectServer, done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) {
    const stepped = await server.step();
    if (!stepped.ok && stepped.error.code !== 'NOTHING_READY') throw new Error(stepped.error.message);
    if (!stepped.ok)
      await waitFor(
        server,
        () =>
          server.pending() !== null &&
          server.pending()!.readable.length + server.pending()!.writable.length > 0,
        'something ready',
      );
  }
  expect(done()).toBe(true);
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the schema accepts every record the engine makes (issue 12)', () => {
  describe.skipIf(!hasPython())(
    'the differential scripts, in Tutorial mode (python3 drives the clients)',
    () => {
      for (const scenario of SCENARIOS) {
        it(scenario.name, { timeout: 120_000 }, async () => {
          const clients = new LockstepClients();
          cleanups.push(() => clients.quit());
          const engine = await EngineUnderTest.start(clients);
          cleanups.push(() => engine.stop());
          const records: IterationRecord[] = [];
          engine.server.on('iteration', (record) => records.push(record));
          await runScenario(scenario, engine, clients, async () => engine.server.snapshot().listener.waiting);
          expectValid(records);
        });
      }
    },
  );

  for (const fidelity of ['safe', 'tutorial'] as Fidelity[]) {
    it(`the fleet's every behaviour, the connection limit and the queue caps, ${fidelity}`, async () => {
      const { server, port } = await startEngine({ maxConnections: 8, queueCap: 8 * 1024 }, fidelity);
      const records = recordsOf(server);
      const fleet = startFleet();
      const target = { host: '127.0.0.1', port };
      for (const behaviour of BEHAVIOURS) {
        await fleet.spawn(spec({ behaviour, messageSize: 20_000, intervalMs: 10, lifetimeMs: 1500 }), target);
      }
      await fleet.spawn(spec({ count: 3, behaviour: 'echo', messageSize: 100, lifetimeMs: 1500 }), target);
      const ended = () => fleet.clients().every((c) => c.state === 'closed' || c.state === 'error');
      await waitForFleet(fleet, ended, 'every client to end');
      await waitFor(server, () => server.snapshot().connections.length === 0, 'every connection closed');
      expectValid(records);
    });
  }

  it('a descriptor past FD_SETSIZE, Safe', { timeout: 60_000 }, async () => {
    const { server, port } = await startEngine({ backlog: 2048 }, 'safe');
    const records = recordsOf(server);
    const sockets = await connectClients(port, 1021);
    cleanups.push(async () => sockets.forEach((s) => s.destroy()));
    await waitFor(
      server,
      () => records.some((r) => r.actions.some((a) => a.kind === 'fd-setsize')),
      'fd 1024',
    );
    expectValid(records);
  });

  it('the connection limit: a connection past it is rejected', async () => {
    const { server, port } = await startEngine({ maxConnections: 1 }, 'safe');
    const records = recordsOf(server);
    const sockets = await connectClients(port, 2);
    cleanups.push(async () => sockets.forEach((s) => s.destroy()));
    const kinds = kindsOf(server);
    await waitFor(server, () => kinds.has('reject'), 'a reject');
    expectValid(records);
  });

  it('Safe skips a socket a reset closed earlier in the same iteration', async () => {
    const { server, port } = await startEngine({}, 'safe');
    server.setMode('step');
    const records = recordsOf(server);
    const [socket] = await connectClients(port, 1);
    if (!socket) throw new Error('no client');
    await stepUntil(server, () => server.snapshot().connections.length === 1);
    socket.write('x');
    await stepUntil(server, () => server.snapshot().outputs.length === 1);
    socket.resetAndDestroy();
    await waitFor(server, () => server.snapshot().connections[0]?.error !== null, 'the reset to arrive');
    await stepUntil(server, () => server.snapshot().connections.length === 0);
    expect(records.at(-1)?.actions.map((a) => a.kind)).toContain('skip');
    expectValid(records);
  });

  it('a client that never reads: partial sends, requeues, and the queue cap stops reading it', async () => {
    const { server, port } = await startEngine({ queueCap: 64 * 1024 }, 'safe');
    const records = recordsOf(server);
    const [socket] = await connectClients(port, 1);
    if (!socket) throw new Error('no client');
    socket.pause();
    socket.write(Buffer.alloc(32 * 1024 * 1024, 120));
    const kinds = kindsOf(server);
    await waitFor(
      server,
      () => kinds.has('backpressure') && kinds.has('requeue'),
      'backpressure and a requeue',
    );
    socket.destroy();
    expectValid(records);
  });

  it('Run until halts where a socket enters outputs; the user closes one connection and resets another', async () => {
    const { server, port } = await startEngine({}, 'safe');
    const records = recordsOf(server);
    const sockets = await connectClients(port, 3);
    cleanups.push(async () => sockets.forEach((s) => s.destroy()));
    await waitFor(server, () => server.snapshot().connections.length === 3, 'three connections');
    expect(server.runUntil({ kind: 'enters', list: 'outputs' }).ok).toBe(true);
    sockets[0]?.write('halt here');
    await waitFor(server, () => (server.snapshot().halt ?? null) !== null, 'Run until to halt');
    const [first, second] = server.snapshot().connections.map((c) => c.id);
    expect(server.closeConnection(first ?? -1, 'close').ok).toBe(true);
    expect(server.closeConnection(second ?? -1, 'reset').ok).toBe(true);
    const kinds = new Set(records.flatMap((r) => r.actions.map((a) => a.kind)));
    expect([...kinds]).toEqual(expect.arrayContaining(['halt', 'user-close']));
    expectValid(records);
  });

  it('…so that every kind of action was seen, and checked', () => {
    const missing = ALL_KINDS.filter((kind) => !seen.has(kind));
    expect(missing).toEqual(hasPython() ? [] : missing);
    expect(ALL_KINDS).toHaveLength(21);
  });
});
