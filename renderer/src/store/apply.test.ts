import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../../shared/engine';
import { connection, delta, keyErrorCrash, record, snapshot } from '../test/fixtures';
import { applyDelta, fromSnapshot, MAX_NOTICES, type LabData } from './apply';

const apply = (data: LabData, d: Parameters<typeof applyDelta>[1]): LabData => ({
  ...data,
  ...applyDelta(data, d),
});

describe('fromSnapshot', () => {
  it('splits connections into a Map and keeps the rest of the engine state', () => {
    const data = fromSnapshot(snapshot({ inputs: [0, 1, 2], connections: [connection(1), connection(2)] }));
    expect([...data.connections.keys()]).toEqual([1, 2]);
    expect(data.engine?.inputs).toEqual([0, 1, 2]);
    expect(data.engine).not.toHaveProperty('connections');
  });

  it('keeps only as much history as the engine retains', () => {
    const history = Array.from({ length: 5 }, (_, i) => record(i + 1, []));
    const data = fromSnapshot(snapshot({ options: { ...DEFAULT_OPTIONS, historySize: 3 } }, history));
    expect(data.history.map((r) => r.n)).toEqual([3, 4, 5]);
  });
});

describe('applyDelta', () => {
  const base = fromSnapshot(snapshot({ inputs: [0, 1, 2], connections: [connection(1), connection(2)] }));

  it('replaces the connections Map with changed entries and without removed ones', () => {
    const next = apply(base, delta({ connections: [connection(2, { queuedMessages: 3 })], removed: [1] }));
    expect(next.connections).not.toBe(base.connections);
    expect(base.connections.size).toBe(2); // the old Map is untouched
    expect([...next.connections.keys()]).toEqual([2]);
    expect(next.connections.get(2)?.queuedMessages).toBe(3);
  });

  it('remembers a closed connection for views of the past', () => {
    const next = apply(base, delta({ removed: [1] }));
    expect(next.departed.get(1)?.peer).toBe('127.0.0.1:40001');
  });

  it('keeps the identity of everything a batch does not touch', () => {
    const patch = applyDelta(base, delta({ seq: 7 }));
    expect(patch).toEqual({ lastSeq: 7 });
  });

  it('merges changed engine fields and keeps the others by reference', () => {
    const next = apply(base, delta({ engine: { outputs: [2], iteration: 9 } }));
    expect(next.engine?.outputs).toEqual([2]);
    expect(next.engine?.iteration).toBe(9);
    expect(next.engine?.inputs).toBe(base.engine?.inputs);
  });

  it('appends new iteration records once, oldest dropped past the history size', () => {
    const small = fromSnapshot(
      snapshot({ options: { ...DEFAULT_OPTIONS, historySize: 3 } }, [record(1, [])]),
    );
    let data = apply(small, delta({ iterations: [record(1, []), record(2, []), record(3, [])] }));
    expect(data.history.map((r) => r.n)).toEqual([1, 2, 3]);
    data = apply(data, delta({ iterations: [record(3, []), record(4, [])], coalesced: 5 }));
    expect(data.history.map((r) => r.n)).toEqual([2, 3, 4]);
    expect(data.coalesced).toBe(5);
  });

  it('starts the history afresh when the server restarts (a new run)', () => {
    const running = fromSnapshot(snapshot({ iteration: 9 }, [record(8, []), record(9, [])]));
    const next = apply(running, delta({ engine: { run: 2, iteration: 1 }, iterations: [record(1, [])] }));
    expect(next.history.map((r) => r.n)).toEqual([1]);
    // Even when the new run is past the old count by the time the window hears of it.
    const later = apply(running, delta({ engine: { run: 2, iteration: 12 }, iterations: [record(12, [])] }));
    expect(later.history.map((r) => r.n)).toEqual([12]);
  });

  it('keeps the newest notices only', () => {
    const notices = Array.from({ length: MAX_NOTICES + 5 }, (_, i) => ({
      level: 'info' as const,
      code: `N${i}`,
      message: 'm',
      at: i,
    }));
    const next = apply(base, delta({ notices }));
    expect(next.notices).toHaveLength(MAX_NOTICES);
    expect(next.notices.at(-1)?.code).toBe(`N${MAX_NOTICES + 4}`);
  });

  it('remembers where the original would have crashed', () => {
    const crash = keyErrorCrash;
    const next = apply(base, delta({ iterations: [record(4, [crash])] }));
    expect(next.crashes).toEqual([{ n: 4, action: crash }]);
  });

  it('patches clients and the fleet summary for the clients panel', () => {
    const client = {
      id: 1,
      behaviour: 'echo' as const,
      state: 'open' as const,
      error: null,
      localPort: 40001,
      bytesSent: 5,
      bytesEchoed: 5,
      verification: { state: 'ok' as const },
      rttP50: 1,
      rttP99: 2,
    };
    const next = apply(base, delta({ clients: [client] }));
    expect(next.clients.get(1)).toEqual(client);
    expect(apply(next, delta({ clientsRemoved: [1] })).clients.size).toBe(0);
  });
});
