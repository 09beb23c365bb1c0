/**
 * The scenarios: one click sets up a situation (fidelity, mode, options, clients) and says
 * what to watch. The window lists them, lessons name them by title, and the host sets each
 * one up (electron/teaching/scenarios/), deterministically, by waiting on conditions.
 */

export const SCENARIO_IDS = [
  'one-client',
  'three-clients',
  'recv-chunks',
  'partial-send',
  'half-close',
  'reset',
  'fd-wall',
  'listen-queue',
  'nagle',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export interface ScenarioInfo {
  id: ScenarioId;
  title: string;
  /** One paragraph: what the setup did and what to watch. */
  watch: string;
}

export const SCENARIOS: readonly ScenarioInfo[] = [
  {
    id: 'one-client',
    title: 'One client',
    watch:
      'One echo client has connected and waits in the accept queue, so select() would return the listening socket #0 readable. Step: accept() gives the client #1 (fd 4) and puts it in inputs. Step: its message makes #1 readable; recv() queues it and outputs.append(#1). Step: #1 is writable; send() echoes it and the client verifies every byte. Step once more: the queue is empty, so #1 leaves outputs.',
  },
  {
    id: 'three-clients',
    title: 'Three clients take turns',
    watch:
      'Three clients were accepted (#1, #2, #3), and then each sent a line. The next select() returns all three readable, and one pass of the loop serves them in turn: recv #1, recv #2, recv #3. The pass after that finds all three writable and echoes them in the same order. One thread, no waiting on any one client: that is what select() buys.',
  },
  {
    id: 'recv-chunks',
    title: 'recv(1024) chunks a message',
    watch:
      'A client sent one 3,000-byte message, and all of it waits in the kernel for #1. recv(1024) returns at most 1,024 bytes, so #1 stays readable: three passes read 1,024, 1,024 and 952 bytes, and each chunk is queued and echoed as a message of its own. TCP is a byte stream: message boundaries are the program’s business. Open the Log and filter by recv.',
  },
  {
    id: 'partial-send',
    title: 'A partial send loses bytes',
    watch:
      'Tutorial mode. A slow reader sends steadily and reads one chunk every 100 ms, so the send buffer fills up. The loop ran at full speed until the first send() that wrote less than the message, and halted there: the seed ignores send()’s return value, so the rest of the message is lost. The lost bytes are counted beside the counters and in #1’s detail; Safe mode would put them back at the head of the queue.',
  },
  {
    id: 'half-close',
    title: 'KeyError on a half-close',
    watch:
      'Tutorial mode. A client sent its message and shut its write side at once: the FIN came with the data. #1’s message is queued and #1 is in outputs, so the next select() returns it readable (the EOF) and writable (its queue). Step: the readable loop reads b’’, closes #1 and deletes its queue (the bytes are lost); the writable loop then looks up message_queues[#1] and the original dies of KeyError.',
  },
  {
    id: 'reset',
    title: 'A reset: ConnectionResetError',
    watch:
      'Tutorial mode. A client got its echo and then aborted the connection with an RST. An error is not exceptional: the kernel marks #1 readable (and writable). Step: recv() raises ConnectionResetError, which the seed never catches, so the original dies at that line. Safe mode catches it and closes the socket.',
  },
  {
    id: 'fd-wall',
    title: 'The 1,024-descriptor wall',
    watch:
      'Tutorial mode, listen backlog 2048. 1,021 idle clients connect; each accept() takes the lowest free descriptor, so the last one gets fd 1024. select() cannot watch a descriptor past 1023 (FD_SETSIZE): the loop ran until the original died with ValueError at the next select(), and halted. A real server needs poll(), epoll or selectors past this wall.',
  },
  {
    id: 'listen-queue',
    title: 'The listen(5) queue',
    watch:
      'Step mode, listen(5). Twenty idle clients connected at once. The accept queue holds backlog + 1 = 6 (the listening socket’s chip says queue 6/6); the other fourteen had their SYN dropped and wait for their retry, 1 s, 3 s, 7 s… later. Step: each pass accepts one. Watch the waiting ones join the queue a second after they came.',
  },
  {
    id: 'nagle',
    title: "Nagle's algorithm",
    watch:
      'One echo client ping-pongs a 16 KiB message as fast as the echo comes back. recv(1024) cuts it into 16 sends of 1 KiB; with TCP_NODELAY off (as in the seed), Nagle’s algorithm holds each small send until the last one is acknowledged, and the client delays its ACKs: the exchange crawls. The lab measured both rates, then left TCP_NODELAY on: switch it off in Socket options and watch the round-trip chart drop.',
  },
];

/** The scenario by id (always found: ids are a closed list). */
export const scenarioInfo = (id: ScenarioId): ScenarioInfo =>
  SCENARIOS.find((s) => s.id === id) as ScenarioInfo;

/** A measurement a scenario took while it set up (Nagle's two rates). */
export interface Measurement {
  label: string;
  value: number;
  unit: string;
}

/** What a scenario reports once it is set up. */
export interface ScenarioReport {
  id: ScenarioId;
  measurements: Measurement[];
}
