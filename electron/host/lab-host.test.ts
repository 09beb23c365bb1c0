// @vitest-environment node
import fc from 'fast-check';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { argSchemas, COMMAND_NAMES, type CommandName } from '../../shared/contract';
import { FleetController } from '../fleet/controller';
import { nodeLauncher } from '../fleet/node-launcher';
import { SelectServer } from '../lab/select-server';
import { LabHost } from './lab-host';
import { connectClient, echoOnce, waitUntil } from './test-support';

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

function newHost(): { engine: SelectServer; host: LabHost } {
  const engine = new SelectServer();
  const host = new LabHost(engine);
  cleanup.push(() => host.dispose());
  return { engine, host };
}

function track(socket: net.Socket): net.Socket {
  cleanup.push(() => void socket.destroy());
  return socket;
}

/** The engine's state as a comparable string (wall-clock-free). */
const stateOf = (engine: SelectServer): string =>
  JSON.stringify({ ...engine.snapshot(), history: engine.history() });

describe('LabHost commands', () => {
  it('runs every command with valid arguments', async () => {
    const { engine, host } = newHost();
    const started = await host.command('startServer', { host: '127.0.0.1', port: 0 });
    expect(started).toMatchObject({ ok: true, value: { state: 'listening' } });
    const port = started.ok ? started.value.port : 0;

    expect(await host.command('setMode', { mode: 'step' })).toEqual({ ok: true, value: null });
    const client = track(await connectClient(port));
    await waitUntil(
      () => (engine.snapshot().pending?.readable ?? []).includes(0),
      'a pending accept',
      (check) => engine.on('state', check),
    );
    expect(await host.command('stepAction', {})).toMatchObject({ ok: true, value: { kind: 'select' } });
    expect(await host.command('step', {})).toMatchObject({ ok: true, value: { n: 1 } });
    expect(await host.command('inspect', { id: 1 })).toMatchObject({ ok: true, value: { id: 1 } });
    expect(await host.command('setFidelity', { fidelity: 'tutorial' })).toEqual({ ok: true, value: null });
    expect(await host.command('setOptions', { recvSize: 512 })).toMatchObject({
      ok: true,
      value: { recvSize: 512 },
    });
    const snapshot = await host.command('snapshot', {});
    expect(snapshot).toMatchObject({ ok: true, value: { engine: { fidelity: 'tutorial', mode: 'step' } } });
    expect(await host.command('setMode', { mode: 'run' })).toEqual({ ok: true, value: null });
    expect((await echoOnce(client, Buffer.from('hello'))).toString()).toBe('hello');

    // No fleet in this host: the client commands answer FLEET_DOWN, as values.
    const spec = {
      count: 1,
      behaviour: 'echo',
      messageSize: 8,
      intervalMs: 0,
      connectRate: 10,
      lifetimeMs: 0,
      reconnect: false,
    };
    expect(await host.command('spawnClients', spec)).toMatchObject({
      ok: false,
      error: { code: 'FLEET_DOWN' },
    });
    expect(await host.command('stopClients', {})).toMatchObject({ ok: false, error: { code: 'FLEET_DOWN' } });
    const send = { clientId: 1, data: 'hi', encoding: 'text' };
    expect(await host.command('sendFromClient', send)).toMatchObject({
      ok: false,
      error: { code: 'FLEET_DOWN' },
    });

    expect(await host.command('stopServer', {})).toMatchObject({ ok: true, value: { state: 'stopped' } });
  });

  it('runs the client commands against a real fleet', async () => {
    const engine = new SelectServer();
    const fleet = new FleetController(nodeLauncher());
    const host = new LabHost(engine, fleet);
    cleanup.push(() => host.dispose());
    expect(await host.command('startServer', { host: '127.0.0.1', port: 0 })).toMatchObject({ ok: true });
    const spec = {
      count: 2,
      behaviour: 'idle',
      messageSize: 8,
      intervalMs: 0,
      connectRate: 100,
      lifetimeMs: 0,
      reconnect: false,
    };
    const spawned = await host.command('spawnClients', spec);
    expect(spawned).toMatchObject({ ok: true, value: { ids: [expect.any(Number), expect.any(Number)] } });
    const id = spawned.ok ? (spawned.value.ids[0] ?? 0) : 0;
    await waitUntil(
      () => fleet.clients().filter((client) => client.state === 'open').length === 2,
      'two open fleet clients',
      (check) => fleet.on('change', check),
    );
    expect(await host.command('sendFromClient', { clientId: id, data: '68 69', encoding: 'hex' })).toEqual({
      ok: true,
      value: null,
    });
    expect(
      await host.command('sendFromClient', { clientId: id, data: 'xyz', encoding: 'hex' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT' },
    });
    expect(await host.command('stopClients', {})).toEqual({ ok: true, value: null });
    expect((await host.command('snapshot', {})).ok).toBe(true);
  });

  it('spawned clients can target another server on this machine, verified as against the lab; never another machine', async () => {
    // Disposing the fleet may reset its clients before they close: a reset at teardown is expected here.
    const other = net.createServer((socket) => socket.on('error', () => undefined).pipe(socket));
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    cleanup.push(() => new Promise<void>((done) => other.close(() => done())));
    const port = (other.address() as net.AddressInfo).port;
    const fleet = new FleetController(nodeLauncher());
    const host = new LabHost(new SelectServer(), fleet);
    cleanup.push(() => host.dispose());
    const spec = {
      count: 3,
      behaviour: 'echo',
      messageSize: 100,
      intervalMs: 0,
      connectRate: 100,
      lifetimeMs: 0,
      reconnect: false,
    } as const;
    // The lab's own server is not even started: the target is the other one.
    expect(
      await host.command('spawnClients', { ...spec, target: { host: '127.0.0.1', port } }),
    ).toMatchObject({ ok: true });
    await waitUntil(
      () => fleet.summary().verified >= 3,
      'three clients verified against the other server',
      (check) => fleet.on('change', check),
    );
    const refused = await host.command('spawnClients', { ...spec, target: { host: '10.0.0.1', port } });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: /this machine only/ },
    });
    await host.command('stopClients', {});
  });

  it('rejects arbitrary payloads without throwing and leaves the engine unchanged', async () => {
    const { engine, host } = newHost();
    await host.command('startServer', { host: '127.0.0.1', port: 0 });
    const before = stateOf(engine);
    const invalid = (name: CommandName) =>
      fc
        .anything({
          withBigInt: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withTypedArray: true,
        })
        .filter((args) => !argSchemas[name].safeParse(args).success)
        .map((args) => ({ name, args }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(...COMMAND_NAMES.map(invalid)), async ({ name, args }) => {
        const result = await host.command(name, args);
        expect(result).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
        expect(stateOf(engine)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('answers unknown commands, including prototype names, with UNKNOWN_COMMAND', async () => {
    const { host } = newHost();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')),
        fc.anything(),
        async (name, args) => {
          fc.pre(!(COMMAND_NAMES as string[]).includes(name));
          const result = await host.command(name, args);
          expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
        },
      ),
      { numRuns: 200 },
    );
  });
});
