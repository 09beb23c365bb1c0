import { DEFAULT_HOST, DEFAULT_OPTIONS, DEFAULT_PORT, type Action } from './engine';

/** The values the seed's text shows: the lab's live ones, so the code panel is the program the engine runs. */
export interface SeedValues {
  host: string;
  port: number;
  backlog: number;
  recvSize: number;
}

export const SEED_DEFAULTS: SeedValues = {
  host: DEFAULT_HOST,
  port: DEFAULT_PORT,
  backlog: DEFAULT_OPTIONS.backlog,
  recvSize: DEFAULT_OPTIONS.recvSize,
};

/**
 * The tutorial's select() echo server, ported to Python 3 (`queue` for
 * `Queue`), line for line, with `values` where the tutorial has its literals
 * ('localhost', 50000, listen(5), recv(1024); AF_INET6 for an IPv6 host). The
 * engine follows it; the code panel shows it; the differential tests run it.
 * Every value leaves the line numbers as they are.
 */
export function seedSource(values: SeedValues = SEED_DEFAULTS): string {
  const family = values.host.includes(':') ? 'AF_INET6' : 'AF_INET';
  return `import queue, select, socket

server = socket.socket(socket.${family}, socket.SOCK_STREAM)
server.setblocking(0)
server.bind((${pythonString(values.host)}, ${values.port}))
server.listen(${values.backlog})
inputs = [server]
outputs = []
message_queues = {}

while inputs:
    readable, writable, exceptional = select.select(inputs, outputs, inputs)
    for s in readable:
        if s is server:
            connection, client_address = s.accept()
            connection.setblocking(0)
            inputs.append(connection)
            message_queues[connection] = queue.Queue()
        else:
            data = s.recv(${values.recvSize})
            if data:
                message_queues[s].put(data)
                if s not in outputs:
                    outputs.append(s)
            else:
                if s in outputs:
                    outputs.remove(s)
                inputs.remove(s)
                s.close()
                del message_queues[s]

    for s in writable:
        try:
            next_msg = message_queues[s].get_nowait()
        except queue.Empty:
            outputs.remove(s)
        else:
            s.send(next_msg)

    for s in exceptional:
        inputs.remove(s)
        if s in outputs:
            outputs.remove(s)
        s.close()
        del message_queues[s]
`;
}

/** A Python string literal for `text`. */
const pythonString = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The seed with the lab's defaults. Line numbers are the same for any values. */
export const SEED_SOURCE = seedSource();

export const SEED_LINES: readonly string[] = SEED_SOURCE.split('\n');

/** 1-based number of the first line at or after `from` that contains `text`. */
function lineOf(text: string, from = 1): number {
  const index = SEED_LINES.findIndex((line, i) => i + 1 >= from && line.includes(text));
  if (index < 0) throw new Error(`seed has no line containing ${JSON.stringify(text)}`);
  return index + 1;
}

const L = {
  select: lineOf('select.select('),
  forReadable: lineOf('for s in readable:'),
  accept: lineOf('s.accept()'),
  queueNew: lineOf('= queue.Queue()'),
  recv: lineOf('s.recv('),
  ifData: lineOf('if data:'),
  put: lineOf('.put(data)'),
  notInOutputs: lineOf('if s not in outputs:'),
  append: lineOf('outputs.append(s)'),
  elseEof: lineOf('else:', lineOf('outputs.append(s)')),
  readableOutputsRemove: lineOf('outputs.remove(s)', lineOf('if data:')),
  readableInputsRemove: lineOf('inputs.remove(s)'),
  readableClose: lineOf('s.close()'),
  readableDel: lineOf('del message_queues[s]'),
  forWritable: lineOf('for s in writable:'),
  get: lineOf('get_nowait()'),
  empty: lineOf('except queue.Empty:'),
  writableOutputsRemove: lineOf('outputs.remove(s)', lineOf('except queue.Empty:')),
  send: lineOf('s.send(next_msg)'),
  forExceptional: lineOf('for s in exceptional:'),
  exceptionalInputsRemove: lineOf('inputs.remove(s)', lineOf('for s in exceptional:')),
  exceptionalOutputsRemove: lineOf('outputs.remove(s)', lineOf('for s in exceptional:')),
  exceptionalClose: lineOf('s.close()', lineOf('for s in exceptional:')),
  exceptionalDel: lineOf('del message_queues[s]', lineOf('for s in exceptional:')),
} as const;

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The seed's lines (1-based) that an action ran, for the code panel. */
export function seedLines(action: Action): number[] {
  const { phase } = action;
  // The user's Close and Reset are not the seed's doing: no line of it ran.
  if (phase === 'user') return [];
  switch (action.kind) {
    case 'select':
      return [L.select];
    case 'accept':
      return range(L.accept, L.queueNew);
    case 'reject':
      return [L.accept];
    case 'recv':
      return [L.recv];
    case 'put':
      return [L.ifData, L.put];
    case 'outputs-add':
      return [L.notInOutputs, L.append];
    case 'eof':
      return [L.ifData, L.elseEof];
    case 'outputs-remove':
      if (phase === 'writable') return [L.empty, L.writableOutputsRemove];
      if (phase === 'exceptional') return [L.exceptionalOutputsRemove - 1, L.exceptionalOutputsRemove];
      return [L.readableOutputsRemove - 1, L.readableOutputsRemove];
    case 'inputs-remove':
      return [phase === 'exceptional' ? L.exceptionalInputsRemove : L.readableInputsRemove];
    case 'close':
      if (phase === 'exceptional') return [L.exceptionalClose, L.exceptionalDel];
      if (phase === 'writable') return [L.writableOutputsRemove];
      return [L.readableClose, L.readableDel];
    case 'get':
      return [L.get];
    case 'send':
    case 'requeue':
      return [L.send];
    case 'lost':
      if (action.why === 'partial-send') return [L.send];
      return [phase === 'exceptional' ? L.exceptionalDel : L.readableDel];
    case 'raise':
      return [action.call === 'recv' ? L.recv : L.send];
    case 'crash':
      if (action.exception === 'KeyError') return [L.get];
      if (phase === 'select') return [L.select];
      if (phase === 'exceptional') return [L.exceptionalInputsRemove];
      return [phase === 'readable' ? L.recv : L.send];
    case 'fd-setsize':
      return [L.accept];
    case 'skip':
      if (phase === 'writable') return [L.forWritable];
      if (phase === 'exceptional') return [L.forExceptional];
      return [L.forReadable];
    case 'backpressure':
      return [L.select];
    case 'user-close':
    case 'halt':
      return [];
  }
}
