// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { packDelta, unpackDelta, VIEW_FIELDS } from './delta-wire';
import { connection, emptyDelta, record } from './fixtures';

const ids = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('a batch packed for the WebSocket', () => {
  it('comes back equal, through JSON, every field of every view included', () => {
    const view = connection(7, {
      queuedMessages: 2,
      queuedBytes: 2048,
      bytesIn: 9,
      bytesOut: 8,
      bytesLost: 1,
      recvBuffered: 3,
      sendBuffered: 4,
      eof: true,
      readClosed: true,
      error: 'ECONNRESET',
      backpressure: 'queue-cap',
      openedAt: 1234,
    });
    const delta = emptyDelta(4, {
      engine: { iteration: 12, inputs: [0, 7] },
      connections: [view, connection(8)],
      removed: [3],
      iterations: [
        record(11, [{ kind: 'recv', id: 7, bytes: 5, phase: 'readable' }], { inputs: [0, 7], outputs: [7] }),
        record(12, [], { inputs: [0, 7], queues: [[7, 2, 2048]] }),
      ],
      coalesced: 5,
      notices: [{ level: 'info', code: 'X', message: 'y', at: 1 }],
    });
    const unpacked = unpackDelta(
      JSON.parse(JSON.stringify(packDelta(delta))) as ReturnType<typeof packDelta>,
    );
    expect(unpacked).toEqual(delta);
    expect(Object.keys(view).sort()).toEqual([...VIEW_FIELDS].sort());
  });

  it('sends a list the records repeat once, and the records share it after', () => {
    const inputs = ids(10_000);
    const records = [1, 2, 3, 4].map((n) => ({
      ...record(n, []),
      inputs: [...inputs],
      after: { inputs: [...inputs], outputs: [n], queues: [] },
    }));
    const packed = packDelta(emptyDelta(1, { iterations: records }));
    expect(packed.lists.filter((list) => list.length === 10_000)).toHaveLength(1);
    const plain = JSON.stringify(emptyDelta(1, { iterations: records })).length;
    expect(JSON.stringify(packed).length).toBeLessThan(plain / 5);
    const back = unpackDelta(packed);
    expect(back.iterations).toEqual(records);
    expect(back.iterations[3]!.inputs).toBe(back.iterations[0]!.after.inputs);
  });

  it('refuses a record that names a list the batch does not carry', () => {
    const packed = packDelta(emptyDelta(1, { iterations: [record(1, [])] }));
    packed.iterations[0]!.inputs = 9;
    expect(() => unpackDelta(packed)).toThrow(/id list 9/);
  });
});
