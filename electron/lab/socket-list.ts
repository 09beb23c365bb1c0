import type { SocketId } from '../../shared/engine';

/**
 * One of the seed's lists (`inputs`, `outputs`): insertion order, idempotent
 * add and remove, and an array view that stays the same object until the
 * list changes, so iteration records can share it instead of copying
 * thousands of ids every pass.
 */
export class SocketList implements Iterable<SocketId> {
  private readonly ids = new Set<SocketId>();
  private array: readonly SocketId[] | null = null;

  get size(): number {
    return this.ids.size;
  }

  has(id: SocketId): boolean {
    return this.ids.has(id);
  }

  /** Adds `id` at the end; true if it was not there (`outputs.append(s)` after `if s not in outputs`). */
  add(id: SocketId): boolean {
    const before = this.ids.size;
    this.ids.add(id);
    if (this.ids.size === before) return false;
    this.array = null;
    return true;
  }

  /** Removes `id`; true if it was there. */
  delete(id: SocketId): boolean {
    if (!this.ids.delete(id)) return false;
    this.array = null;
    return true;
  }

  clear(): void {
    this.ids.clear();
    this.array = null;
  }

  /** The ids in order. Shared and frozen: never mutate it. */
  toArray(): SocketId[] {
    this.array ??= Object.freeze([...this.ids]);
    return this.array as SocketId[];
  }

  [Symbol.iterator](): Iterator<SocketId> {
    return this.ids[Symbol.iterator]();
  }
}
