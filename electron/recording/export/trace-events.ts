/**
 * A recording as Chrome trace-event JSON (the format Perfetto and chrome://tracing open):
 * one process, the server; one track ("thread") for the select() loop, with each iteration
 * and each wait in select() as a slice; one track per socket, its lifetime as a slice and
 * each action on it as an instant event; and counters for the connections and the queued
 * bytes. Timestamps are microseconds since the recording began.
 */
import type { Action, ConnectionView, IterationRecord, SocketId } from '../../../shared/engine';
import { formatAction } from '../../../shared/format';

export interface TraceEvent {
  name: string;
  ph: 'X' | 'i' | 'C' | 'M';
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  s?: 't';
  cat?: string;
  args?: Record<string, unknown>;
}

const PID = 1;
/** The loop's track; socket #id gets track id + 1 (the listening socket #0 is track 1). */
export const LOOP_TID = 0;
export const socketTid = (id: SocketId): number => id + 1;

const meta = (name: string, tid: number, args: Record<string, unknown>): TraceEvent => ({
  name,
  ph: 'M',
  pid: PID,
  tid,
  args,
});

/** Turns records into events, handed to `emit` as they are made (a long recording is never held whole). */
export class TraceBuilder {
  private readonly open = new Map<SocketId, { ts: number; name: string }>();
  private readonly named = new Set<number>();
  private origin: number | null = null;
  private lastEnd = 0;
  events = 0;
  /** Connections given a track. */
  sockets = 0;

  constructor(private readonly emit: (event: TraceEvent) => void) {}

  /** The process and loop tracks, and the sockets already open when the recording began. */
  begin(title: string, at: number, connections: ConnectionView[]): void {
    this.origin = at * 1000;
    this.push(meta('process_name', LOOP_TID, { name: title }));
    this.name(LOOP_TID, 'select() loop', 0);
    this.name(socketTid(0), '#0 listening socket', 1);
    for (const c of connections) this.opened(c.id, c.fd, c.peer, 0);
  }

  record(record: IterationRecord): void {
    this.origin ??= record.at * 1000;
    // `at` has millisecond resolution: an iteration starts no earlier than the previous one ended.
    const start = Math.max(record.at * 1000 - this.origin, this.lastEnd);
    const dur = Math.max(record.micros, 1);
    if (start > this.lastEnd) this.slice(LOOP_TID, 'select() waits', this.lastEnd, start - this.lastEnd);
    const { readable, writable, exceptional } = record.sets;
    this.slice(LOOP_TID, `iteration ${record.n}`, start, dur, {
      readable,
      writable,
      exceptional,
      actions: record.actions.length,
      fidelity: record.fidelity,
    });
    record.actions.forEach((action, index) => {
      // Actions carry no time of their own: spread them over the iteration, in order.
      const ts = start + (dur * index) / Math.max(record.actions.length, 1);
      this.action(action, ts);
    });
    this.lastEnd = start + dur;
    const queued = record.after.queues.reduce((sum, [, , bytes]) => sum + bytes, 0);
    this.counter('connections', start + dur, { open: Math.max(0, record.after.inputs.length - 1) });
    this.counter('queued bytes', start + dur, { bytes: queued });
  }

  /** Closes the slices of sockets still open at the end. */
  end(): void {
    for (const id of [...this.open.keys()]) this.closed(id, this.lastEnd);
  }

  private action(action: Action, ts: number): void {
    if (action.kind === 'select') return;
    if (action.kind === 'accept') this.opened(action.id, action.fd, action.peer, ts);
    const { phase, kind, id, ...args } = action;
    this.push({
      name: kind,
      cat: phase,
      ph: 'i',
      s: 't',
      pid: PID,
      tid: socketTid(id),
      ts,
      args: { ...args, what: formatAction(action) },
    });
    if (action.kind === 'close') this.closed(action.id, ts);
  }

  private opened(id: SocketId, fd: number, peer: string, ts: number): void {
    const name = `#${id} ${peer} (fd ${fd})`;
    if (!this.named.has(socketTid(id))) this.sockets++;
    this.name(socketTid(id), name, socketTid(id));
    this.open.set(id, { ts, name });
  }

  private closed(id: SocketId, ts: number): void {
    const open = this.open.get(id);
    if (!open) return;
    this.open.delete(id);
    this.slice(socketTid(id), `connection ${open.name}`, open.ts, Math.max(ts - open.ts, 1));
  }

  private name(tid: number, name: string, sort: number): void {
    this.push(meta('thread_name', tid, { name }));
    if (this.named.has(tid)) return;
    this.named.add(tid);
    this.push(meta('thread_sort_index', tid, { sort_index: sort }));
  }

  private slice(tid: number, name: string, ts: number, dur: number, args?: Record<string, unknown>): void {
    this.push({ name, ph: 'X', pid: PID, tid, ts, dur, ...(args ? { args } : {}) });
  }

  private counter(name: string, ts: number, args: Record<string, number>): void {
    this.push({ name, ph: 'C', pid: PID, tid: LOOP_TID, ts, args });
  }

  private push(event: TraceEvent): void {
    this.events++;
    this.emit(event);
  }
}
