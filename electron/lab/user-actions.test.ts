// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { connect, recordActions, startEngine, waitFor } from './testing';

/** The user's Close and Reset of one connection, recorded as a record of its own. */
describe("the user's Close and Reset", () => {
  it('Close takes the socket out of the lists, sends a FIN, and records it as the user’s', async () => {
    const { server, port } = await startEngine();
    const records: { actions: { kind: string; phase: string }[] }[] = [];
    server.on('iteration', (r) => records.push(r));
    const client = await connect(port);
    await waitFor(server, () => server.snapshot().connections.length === 1, 'the accept');
    expect(server.closeConnection(1, 'close').ok).toBe(true);
    const ended = await client.ended;
    expect(ended.length).toBe(0);
    expect(server.snapshot().inputs).toEqual([0]);
    const record = records.at(-1);
    expect(record?.actions.map((a) => `${a.phase} ${a.kind}`)).toEqual([
      'user user-close',
      'user inputs-remove',
      'user close',
    ]);
  });

  it('Reset aborts with an RST: the client sees ECONNRESET', async () => {
    const { server, port } = await startEngine();
    const client = await connect(port);
    const error = new Promise<string>((resolve) =>
      client.socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? '')),
    );
    await waitFor(server, () => server.snapshot().connections.length === 1, 'the accept');
    expect(server.closeConnection(1, 'reset').ok).toBe(true);
    expect(await error).toBe('ECONNRESET');
  });

  it('counts queued bytes as lost, and is refused halfway through an iteration', async () => {
    const { server, port } = await startEngine();
    const actions = recordActions(server);
    server.setMode('step');
    const client = await connect(port);
    await waitFor(server, () => server.pending()?.readable.includes(0) ?? false, 'a pending accept');
    await server.step();
    client.socket.write('hello');
    await waitFor(server, () => server.pending()?.readable.includes(1) ?? false, 'hello');
    await server.stepAction(); // select(): an iteration is open
    const refused = server.closeConnection(1, 'close');
    expect(!refused.ok && refused.error.code).toBe('MID_ITERATION');
    await server.step(); // the rest of it: hello is queued, #1 in outputs
    expect(server.closeConnection(99, 'close').ok).toBe(false);
    expect(server.closeConnection(1, 'close').ok).toBe(true);
    expect(actions.filter((a) => a.phase === 'user').map((a) => a.kind)).toEqual([
      'user-close',
      'outputs-remove',
      'inputs-remove',
      'lost',
      'close',
    ]);
    expect(server.snapshot().totals.bytesLost).toBe(5);
  });
});
