import type { IterationRecord, SocketId } from '../shared/engine';

/**
 * One pass of the seed's loop as both servers can tell it: the lists passed to
 * select() and what it returned, by descriptor, then the socket calls in order.
 * The engine's own bookkeeping (queue puts, list edits) is left out: the lists
 * passed to the next select() show it.
 */
export interface Pass {
  inputs: number[];
  outputs: number[];
  returned: { readable: number[]; writable: number[]; exceptional: number[] } | { raises: string };
  /** "accept 4 c1", "recv 4 5", "recv 4 b''", "send 4 5/5", "recv 4 raises ConnectionResetError", "close 4", "crash KeyError". */
  calls: string[];
}

/** A client's name from its port, as the lockstep clients reported it. */
export type PeerName = (port: number) => string;

export const peerPort = (peer: string): number => Number(/:(\d+)$/.exec(peer)?.[1] ?? NaN);

/** The engine's record of one iteration as a Pass; `fds` maps its socket ids to descriptors as they are accepted. */
export function passOfRecord(record: IterationRecord, fds: Map<SocketId, number>, peerName: PeerName): Pass {
  const fd = (id: SocketId): number => fds.get(id) ?? -1;
  const calls: string[] = [];
  for (const action of record.actions) {
    switch (action.kind) {
      case 'accept':
        fds.set(action.id, action.fd);
        calls.push(`accept ${action.fd} ${peerName(peerPort(action.peer))}`);
        break;
      case 'recv':
        calls.push(`recv ${fd(action.id)} ${action.bytes}`);
        break;
      case 'eof':
        calls.push(`recv ${fd(action.id)} b''`);
        break;
      case 'send':
        calls.push(`send ${fd(action.id)} ${action.sent}/${action.of}`);
        break;
      case 'raise':
        calls.push(`${action.call} ${fd(action.id)} raises ${action.exception}`);
        break;
      case 'close':
        calls.push(`close ${fd(action.id)}`);
        break;
      case 'crash':
        calls.push(`crash ${action.exception}`);
        break;
    }
  }
  const raisedAtSelect = record.actions[0]?.kind === 'crash' && record.actions[0].phase === 'select';
  const { readable, writable, exceptional } = record.sets;
  return {
    inputs: record.inputs.map(fd),
    outputs: record.outputs.map(fd),
    returned: raisedAtSelect
      ? { raises: 'ValueError' }
      : { readable: readable.map(fd), writable: writable.map(fd), exceptional: exceptional.map(fd) },
    calls,
  };
}
