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

  add(id: SocketId): void {
    if (this.ids.has(id)) return;
    this.ids.add(id);
    this.array = null;
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
