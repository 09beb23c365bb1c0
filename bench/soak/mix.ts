import type { SpawnSpec } from '../../shared/contract';

/**
 * One round of the lab's own test clients: every behaviour, each with a lifetime and
 * reconnects, so clients keep coming and going within the round.
 */
const base = { connectRate: 200, reconnect: true };

export const ROUND: SpawnSpec[] = [
  { ...base, behaviour: 'echo', count: 200, messageSize: 1024, intervalMs: 100, lifetimeMs: 20_000 },
  { ...base, behaviour: 'burst', count: 20, messageSize: 64 * 1024, intervalMs: 0, lifetimeMs: 5_000 },
  { ...base, behaviour: 'stream', count: 4, messageSize: 16 * 1024, intervalMs: 0, lifetimeMs: 15_000 },
  { ...base, behaviour: 'slow-reader', count: 4, messageSize: 16 * 1024, intervalMs: 0, lifetimeMs: 15_000 },
  { ...base, behaviour: 'half-close', count: 20, messageSize: 4096, intervalMs: 0, lifetimeMs: 0 },
  { ...base, behaviour: 'reset', count: 20, messageSize: 512, intervalMs: 0, lifetimeMs: 0 },
  { ...base, behaviour: 'idle', count: 100, messageSize: 1, intervalMs: 0, lifetimeMs: 30_000 },
];

/** A new round starts this often: the previous round's clients are all stopped first. */
export const ROUND_MS = 60_000;
