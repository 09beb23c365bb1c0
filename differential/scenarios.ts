import type { ClientCommand } from './lockstep-clients';

/** What a client does; the runner gives `connect` the server's port. */
type ClientStep = Exclude<ClientCommand, { port: number }> | { op: 'connect'; names: string[] };

/** One line of a lockstep script. */
export type Step =
  | ClientStep
  /** Run passes of the loop until select() would block (or the server dies). */
  | { op: 'drain' }
  /** Note the accept queue: connections waiting for accept(), and those waiting past it. */
  | { op: 'accept-queue' }
  | { op: 'wait-accept-queue'; atLeast: number };

export interface Scenario {
  name: string;
  steps: Step[];
  /**
   * Accepts name no client: which of a burst's clients a SYN retry lets in first is up to
   * the kernel's timer wheel, in the seed's run as in the lab's.
   */
  anonymous?: boolean;
}

const connect = (...names: string[]): Step => ({ op: 'connect', names });
const send = (name: string, text: string): Step => ({ op: 'send', name, text });
const sendBytes = (name: string, size: number): Step => ({ op: 'send', name, size });
const recv = (name: string, size: number): Step => ({ op: 'recv', name, size });
const drain: Step = { op: 'drain' };

/** Six at a time: what listen(5) queues, so none waits for a SYN retry. */
function idleConnections(count: number): Step[] {
  const steps: Step[] = [];
  for (let first = 0; first < count; first += 6) {
    const names = Array.from({ length: Math.min(6, count - first) }, (_, i) => `c${first + i}`);
    steps.push(connect(...names), drain);
  }
  return steps;
}

/** The scripts both servers run: the seed's everyday paths, then each place its bugs live. */
export const SCENARIOS: Scenario[] = [
  {
    name: 'one client: connect, echo, close',
    steps: [
      connect('c1'),
      drain,
      send('c1', 'hello'),
      drain,
      recv('c1', 5),
      { op: 'close', name: 'c1' },
      drain,
    ],
  },
  {
    name: 'three clients take turns',
    steps: [
      connect('a', 'b', 'c'),
      drain,
      send('b', 'bee'),
      send('a', 'ay'),
      drain,
      send('c', 'sea'),
      send('a', 'ay again'),
      drain,
      recv('b', 3),
      recv('a', 10),
      recv('c', 3),
      { op: 'close', name: 'b' },
      drain,
      { op: 'close', name: 'a' },
      { op: 'close', name: 'c' },
      drain,
    ],
  },
  {
    name: 'a 3,000-byte message: recv(1024) chunks it',
    steps: [
      connect('c1'),
      drain,
      sendBytes('c1', 3000),
      drain,
      recv('c1', 3000),
      { op: 'close', name: 'c1' },
      drain,
    ],
  },
  {
    name: 'send, then shut the write side at once: KeyError',
    steps: [connect('c1'), drain, send('c1', 'hello'), { op: 'shutdown', name: 'c1' }, drain],
  },
  {
    name: 'send 3,000 bytes, then close: BrokenPipeError',
    steps: [connect('c1'), drain, sendBytes('c1', 3000), { op: 'close', name: 'c1' }, drain],
  },
  {
    name: 'a reset after the echo: ConnectionResetError',
    steps: [
      connect('c1'),
      drain,
      send('c1', 'hello'),
      drain,
      recv('c1', 5),
      { op: 'reset', name: 'c1' },
      drain,
    ],
  },
  {
    name: 'data and a reset together',
    steps: [connect('c1'), drain, send('c1', 'last words'), { op: 'reset', name: 'c1' }, drain],
  },
  {
    name: 'data that arrived before accept()',
    steps: [connect('c1'), connect('c2'), send('c1', 'one'), send('c2', 'two'), drain],
  },
  {
    name: 'listen(5) and 20 simultaneous connects',
    anonymous: true,
    steps: [
      connect(...Array.from({ length: 20 }, (_, i) => `c${i}`)),
      { op: 'accept-queue' },
      drain,
      // Their SYN retry, a second later: six find room again.
      { op: 'wait-accept-queue', atLeast: 6 },
      { op: 'accept-queue' },
      drain,
    ],
  },
  {
    name: 'the 1,024-descriptor wall: 1,100 idle connections',
    steps: idleConnections(1100),
  },
];
