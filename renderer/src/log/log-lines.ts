import type { Action, ActionKind, IterationRecord, SocketId } from '../../../shared/engine';
import { formatAction } from '../../../shared/format';

/** One action of the log: its iteration, its time and its line of text. */
export interface LogLine {
  /** Stable while the record is kept: the iteration and the action's place in it. */
  key: number;
  n: number;
  at: number;
  action: Action;
  text: string;
}

/** The action kinds, as the kind filter offers them. */
export const LOG_KINDS: readonly ActionKind[] = [
  'select',
  'accept',
  'reject',
  'recv',
  'put',
  'outputs-add',
  'eof',
  'outputs-remove',
  'inputs-remove',
  'close',
  'raise',
  'get',
  'send',
  'requeue',
  'lost',
  'crash',
  'fd-setsize',
  'skip',
  'backpressure',
  'user-close',
  'halt',
];

/** Actions per iteration the keys leave room for. */
const PER_RECORD = 2 ** 20;

const cache = new WeakMap<IterationRecord, LogLine[]>();

/** One record's lines, made once per record (records never change once received). */
function linesOf(record: IterationRecord): LogLine[] {
  let lines = cache.get(record);
  if (!lines) {
    lines = record.actions.map((action, i) => ({
      key: record.n * PER_RECORD + i,
      n: record.n,
      at: record.at,
      action,
      text: `[${record.n}] ${formatAction(action)}`,
    }));
    cache.set(record, lines);
  }
  return lines;
}

export interface LogFilter {
  /** Text the line must contain (case-insensitive); empty: any. */
  search: string;
  /** The socket the action is about; null: any. */
  socket: SocketId | null;
  kind: ActionKind | null;
}

/** The socket an action is about (select() is about every socket it returned). */
function about(action: Action, socket: SocketId): boolean {
  if (action.kind === 'select')
    return [action.readable, action.writable, action.exceptional].some((set) => set.includes(socket));
  return action.id === socket;
}

/** The retained iterations' actions that pass `filter`, newest first. */
export function logLines(history: readonly IterationRecord[], filter: LogFilter): LogLine[] {
  const search = filter.search.trim().toLowerCase();
  const out: LogLine[] = [];
  for (let r = history.length - 1; r >= 0; r--) {
    const lines = linesOf(history[r] as IterationRecord);
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i] as LogLine;
      if (filter.kind !== null && line.action.kind !== filter.kind) continue;
      if (filter.socket !== null && !about(line.action, filter.socket)) continue;
      if (search && !line.text.toLowerCase().includes(search)) continue;
      out.push(line);
    }
  }
  return out;
}

/** "10:02:03.123": a line's time of day, to the millisecond. */
export function clock(at: number): string {
  const d = new Date(at);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** The lines as a text file, oldest first: "10:02:03.123 [12] readable recv #1 5 B". */
export function logText(lines: readonly LogLine[]): string {
  return (
    [...lines]
      .reverse()
      .map((line) => `${clock(line.at)} ${line.text.replace('] ', `] ${line.action.phase} `)}`)
      .join('\n') + '\n'
  );
}
