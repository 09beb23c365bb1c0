/**
 * "The tutorial", as Help → The tutorial shows it: the select() echo server that Socket Lab
 * runs, explained in our own words, section by section. The code itself is SEED_SOURCE
 * (shared/seed.ts); a section with `code: true` is followed by it.
 */

/** One section of the tutorial: a heading, its paragraphs, and whether the seed's code follows. */
export interface TutorialSection {
  heading: string;
  paragraphs: readonly string[];
  code?: boolean;
}

/** The tutorial's title. */
export const TUTORIAL_TITLE = 'The select() echo server, step by step';

/** The tutorial's sections, in reading order. */
export const TUTORIAL_SECTIONS: readonly TutorialSection[] = [
  {
    heading: 'What the server does',
    paragraphs: [
      'It is a TCP echo server: whatever a client sends, it sends back. Unlike the simplest ' +
        'echo server, it serves many clients at once from a single thread, with no thread per ' +
        'client. The trick is select(): instead of waiting on one socket, the program hands the ' +
        'operating system lists of sockets and asks which of them are ready.',
      'Here is the whole program, in Python 3 (the original used Python 2’s Queue module). ' +
        'Socket Lab runs exactly this loop on real sockets and shows its state as it goes.',
    ],
    code: true,
  },
  {
    heading: 'Setting up',
    paragraphs: [
      'The listening socket is created as usual, with one difference: setblocking(0) makes it ' +
        'non-blocking, so a call that cannot complete at once returns straight away instead of ' +
        'waiting. That matters when one thread has many sockets to look after.',
      'The server keeps three pieces of state. inputs holds the sockets to watch for reading; ' +
        'it starts with the listening socket alone. outputs holds the sockets that have something ' +
        'to send; it starts empty. message_queues maps each connection to a queue of the data ' +
        'received from it and not yet echoed back.',
    ],
  },
  {
    heading: 'One pass of the loop',
    paragraphs: [
      'Each pass starts with select.select(inputs, outputs, inputs). The call blocks (no timeout ' +
        'is given) until at least one of the sockets is ready, then returns three lists: readable, ' +
        'the sockets from inputs that can be read without blocking; writable, the sockets from ' +
        'outputs that can be written; and exceptional, the sockets from inputs with an ' +
        '“exceptional condition”. The loop then deals with each list in turn.',
    ],
  },
  {
    heading: 'Readable sockets',
    paragraphs: [
      'When the listening socket is readable, a new client is waiting: accept() returns its ' +
        'connection, which is made non-blocking, added to inputs and given an empty queue.',
      'When a connection is readable, recv(1024) returns up to 1024 bytes. If data came, it is ' +
        'put on the connection’s queue and the connection joins outputs, so that the next ' +
        'select() reports when it can be written. If recv() returns nothing, the client has ' +
        'closed its side: the connection leaves inputs and outputs, is closed, and its queue is ' +
        'dropped.',
    ],
  },
  {
    heading: 'Writable sockets',
    paragraphs: [
      'For each writable connection the loop takes the next message from its queue with ' +
        'get_nowait() and sends it. If the queue is empty, the connection leaves outputs: a socket ' +
        'with room in its send buffer is nearly always writable, and leaving it in outputs would ' +
        'make select() return at once, over and over, with nothing to do.',
    ],
  },
  {
    heading: 'Exceptional sockets',
    paragraphs: [
      'The loop removes a socket in exceptional from inputs and outputs, closes it and drops its ' +
        'queue. The original text reads exceptional as “an error on the socket”, and that is wrong ' +
        'on Linux, macOS and Windows alike: for TCP, the only exceptional condition is urgent ' +
        '(out-of-band) data, sent with MSG_OOB, which almost nothing uses.',
      'An error such as a reset makes a socket readable (and writable): select() returns it in ' +
        'readable, and the next recv() raises ConnectionResetError (send() raises BrokenPipeError ' +
        'once the peer is gone). The seed catches neither, so one client that resets kills the ' +
        'whole server. Socket Lab models Linux’s select() on every system it runs on.',
    ],
  },
  {
    heading: 'What the short version leaves out',
    paragraphs: [
      'send() may write only part of a message when the send buffer is nearly full, and it returns ' +
        'how much it wrote. The loop ignores that number, so the rest of the message is silently ' +
        'lost. Socket Lab’s Tutorial mode shows those lost bytes; Safe mode puts the remainder back ' +
        'at the head of the queue.',
      'A connection closed in the readable loop can still be listed in writable during the same ' +
        'pass; the original then looks up a queue that no longer exists and dies with KeyError. ' +
        'The commonest client makes it happen: one that sends and then shuts its side at once, so ' +
        'the FIN comes with the data. The bytes still queued are lost with the queue. Tutorial mode ' +
        'marks where that happens; Safe mode skips such sockets and echoes the queue first.',
      'listen(5) lets at most six connections wait to be accepted (Linux allows one more than the ' +
        'backlog); a client that finds the queue full has its SYN dropped and tries again a second ' +
        'later, then three, then seven. And select() can only watch descriptors below 1024: the ' +
        'original dies with ValueError once a connection gets descriptor 1024. A server for more ' +
        'clients uses poll(), epoll or the selectors module.',
    ],
  },
  {
    heading: 'Trying it in Socket Lab',
    paragraphs: [
      'Click Start Server, then spawn clients or connect your own (nc 127.0.0.1 50000) and watch ' +
        'the sockets move between inputs, outputs and exceptional. In Step mode the loop halts ' +
        'before each select(): Step runs one pass, Step action runs one line, and the code panel ' +
        'highlights the line that ran.',
      'select() is how readiness works at the lowest level, and it scans every socket on every ' +
        'call. Real programs usually build on something higher-level (asyncio, Twisted, Tornado, ' +
        'ZeroMQ) or on the operating system’s faster interfaces (epoll, kqueue, IOCP).',
    ],
  },
];
