// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { about, connect, recordActions, startEngine, waitFor } from './testing';

describe('Step mode', () => {
  it('walks hello through readable, writable and the empty queue, one iteration per step', async () => {
    const { server, port } = await startEngine();
    expect(server.setMode('step').ok).toBe(true);
    const client = await connect(port);
    await waitFor(
      server,
      () => server.pending()?.readable.includes(0) ?? false,
      'the listening socket to be readable',
    );
    const accepted = await server.step();
    expect(accepted.ok && accepted.value.actions.map((a) => a.kind)).toEqual(['select', 'accept']);

    client.socket.write('hello');
    await waitFor(server, () => server.pending()?.readable.includes(1) ?? false, '#1 to be readable');
    const step1 = await server.step();
    if (!step1.ok) throw new Error(step1.error.message);
    expect(step1.value.sets.readable).toEqual([1]);
    expect(step1.value.actions.slice(1)).toEqual([
      { kind: 'recv', id: 1, bytes: 5, phase: 'readable' },
      { kind: 'put', id: 1, bytes: 5, phase: 'readable' },
      { kind: 'outputs-add', id: 1, phase: 'readable' },
    ]);
    expect(server.snapshot().outputs).toEqual([1]);

    const step2 = await server.step();
    if (!step2.ok) throw new Error(step2.error.message);
    expect(step2.value.sets.writable).toEqual([1]);
    expect(step2.value.actions.slice(1)).toEqual([
      { kind: 'get', id: 1, bytes: 5, phase: 'writable' },
      { kind: 'send', id: 1, sent: 5, of: 5, phase: 'writable' },
    ]);

    const step3 = await server.step();
    if (!step3.ok) throw new Error(step3.error.message);
    expect(step3.value.sets.writable).toEqual([1]);
    expect(step3.value.actions.slice(1)).toEqual([
      { kind: 'outputs-remove', id: 1, reason: 'queue-empty', phase: 'writable' },
    ]);
    expect(server.snapshot().outputs).toEqual([]);

    expect((await client.receivedAtLeast(5)).toString()).toBe('hello');
  });

  it('Step action runs one action at a time, and select() would block when nothing is ready', async () => {
    const { server, port } = await startEngine();
    server.setMode('step');
    const nothing = await server.step();
    expect(!nothing.ok && nothing.error.code).toBe('NOTHING_READY');
    const actions = recordActions(server);
    const client = await connect(port);
    client.socket.write('abc');
    await waitFor(server, () => server.pending()?.readable.includes(0) ?? false, 'a pending accept');
    const kinds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const one = await server.stepAction();
      if (!one.ok) throw new Error(one.error.message);
      kinds.push(one.value.kind);
    }
    expect(kinds).toEqual(['select', 'accept']);
    expect(server.snapshot().cursor?.done).toBe(2);
    await waitFor(server, () => (server.connectionView(1)?.recvBuffered ?? 0) === 3, 'abc to arrive');
    const next = await server.stepAction();
    expect(next.ok && next.value.kind).toBe('select');
    const recv = await server.stepAction();
    expect(recv.ok && recv.value).toMatchObject({ kind: 'recv', id: 1, bytes: 3 });
    expect(about(actions, 1).map((a) => a.kind)).toEqual(['accept', 'recv']);
    expect(server.snapshot().cursor).toMatchObject({ iteration: 2, done: 2 });
  });

  it('refuses to step outside Step mode, and switching back to Run finishes the open iteration', async () => {
    const { server, port } = await startEngine();
    const refused = await server.step();
    expect(!refused.ok && refused.error.code).toBe('NOT_STEPPING');
    server.setMode('step');
    const client = await connect(port);
    await waitFor(server, () => server.pending()?.readable.includes(0) ?? false, 'a pending accept');
    await server.stepAction();
    server.setMode('run');
    client.socket.write('ping');
    expect((await client.receivedAtLeast(4)).toString()).toBe('ping');
  });
});
