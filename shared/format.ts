import { FD_SETSIZE, type Action, type IterationRecord, type SelectSets, type SocketId } from './engine';

const ids = (list: SocketId[]): string => `[${list.map((id) => `#${id}`).join(', ')}]`;

export const formatSets = (sets: SelectSets): string =>
  `readable=${ids(sets.readable)} writable=${ids(sets.writable)} exceptional=${ids(sets.exceptional)}`;

/** One action as a line, in the words the tutorial's prints would use. */
export function formatAction(action: Action): string {
  switch (action.kind) {
    case 'select':
      return `select() -> ${formatSets(action)}`;
    case 'accept':
      return `accept #${action.id} (fd ${action.fd}) from ${action.peer}`;
    case 'reject':
      return `reject #${action.id} from ${action.peer} (limit of ${action.limit} connections reached)`;
    case 'recv':
      return `recv #${action.id} ${action.bytes} B`;
    case 'put':
      return `queue #${action.id} put ${action.bytes} B`;
    case 'outputs-add':
      return `outputs += #${action.id}`;
    case 'eof':
      return `recv #${action.id} -> b'' (EOF)`;
    case 'outputs-remove':
      return `outputs -= #${action.id} (${action.reason === 'queue-empty' ? 'queue empty' : 'closing'})`;
    case 'inputs-remove':
      return `inputs -= #${action.id}`;
    case 'close':
      return `close #${action.id} (${closeWhy(action.reason, action.error)})`;
    case 'get':
      return `queue #${action.id} get ${action.bytes} B`;
    case 'send':
      return `send #${action.id} ${action.sent}/${action.of} B`;
    case 'requeue':
      return `requeue #${action.id} ${action.bytes} B (unsent remainder back to the head of the queue)`;
    case 'lost':
      return action.why === 'partial-send'
        ? `lost #${action.id} ${action.bytes} B (send() return value ignored)`
        : `lost #${action.id} ${action.bytes} B (queue deleted with data still in it)`;
    case 'raise':
      return `${action.call} #${action.id} raises ${action.exception} (${action.errno})`;
    case 'crash':
      return `the original would crash here: ${action.exception} on #${action.id} (${action.detail})`;
    case 'fd-setsize':
      return `#${action.id} has fd ${action.fd}, past select()'s FD_SETSIZE (${FD_SETSIZE}): the original dies here with ValueError; a fixed server needs poll() or selectors`;
    case 'skip':
      return `skip #${action.id} (closed earlier in this iteration)`;
    case 'backpressure':
      return action.on
        ? `stop reading #${action.id} (${action.reason === 'queue-cap' ? 'its queue at the cap' : 'all queues at the cap, and it holds more than its share'})`
        : `resume reading #${action.id}`;
    case 'user-close':
      return action.how === 'close'
        ? `you asked the server to close #${action.id} (s.close(): FIN)`
        : `you asked the server to reset #${action.id} (RST: SO_LINGER 0, then s.close())`;
    case 'halt':
      return `halted: ${action.reason}`;
  }
}

function closeWhy(reason: string, error: string | undefined): string {
  switch (reason) {
    case 'eof':
      return 'EOF';
    case 'flushed':
      return 'EOF, queue flushed';
    case 'exceptional':
      return 'exceptional: urgent data';
    case 'user':
      return 'by you';
    default:
      return `error: ${error ?? 'socket error'}`;
  }
}

/** The text log's lines for one iteration. */
export function formatIteration(record: IterationRecord): string[] {
  return record.actions.map((action) => `[${record.n}] ${formatAction(action)}`);
}
