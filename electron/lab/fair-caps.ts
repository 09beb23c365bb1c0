import type { BackpressureReason, EngineOptions } from '../../shared/engine';

/**
 * What the queue caps look at when a connection is about to `recv()`. Queues are charged their
 * bytes and a fixed overhead per message (MESSAGE_OVERHEAD, message-queue.ts).
 */
export interface CapQuery {
  /** What this connection's queue is charged. */
  queued: number;
  /** What the next recv() would add: its bytes and one message. */
  next: number;
  /** What every queue together is charged. */
  total: number;
  /** Open connections: they share the total cap. */
  connections: number;
}

/**
 * Why the queue caps keep a connection from reading, or null when it may.
 *
 * A queue stops at the per-connection cap (an empty one still takes one recv). Past the total cap only the connections holding
 * more than their fair share (the total cap ÷ the open connections) stop, never one with a
 * small or empty queue: a few clients that send and never read cannot starve everyone else,
 * and a new client is always served. Past twice the total cap only an empty queue may take
 * one recv, so the queues together stay under 2 × totalQueueCap + one recv per connection.
 */
export function capReason(
  { queued, next, total, connections }: CapQuery,
  { queueCap, totalQueueCap }: Pick<EngineOptions, 'queueCap' | 'totalQueueCap'>,
): BackpressureReason | null {
  if (next === 0) return null;
  // An empty queue always takes one recv, whatever the caps: no connection waits forever.
  if (queued > 0 && queued + next > queueCap) return 'queue-cap';
  if (total + next <= totalQueueCap || queued === 0) return null;
  const fairShare = totalQueueCap / Math.max(1, connections);
  return queued + next <= fairShare && total + next <= 2 * totalQueueCap ? null : 'total-cap';
}
