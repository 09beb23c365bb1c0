import { FD_SETSIZE, LISTENER_FD } from '../../shared/engine';

/**
 * Descriptor numbers as the kernel hands them out in a fresh Python process:
 * the listening socket takes 3, then each new socket the lowest free number,
 * and a closed socket's number is reused. It also counts the open descriptors
 * past FD_SETSIZE, where the seed's select() refuses to work.
 */
export class FdTable {
  /** Closed numbers below `next`, as a min-heap: the lowest is handed out first. */
  private readonly free: number[] = [];
  private next = LISTENER_FD + 1;
  /** Open descriptors at or past FD_SETSIZE. */
  pastSetSize = 0;

  open(): number {
    const fd = this.free.length > 0 ? this.popLowest() : this.next++;
    if (fd >= FD_SETSIZE) this.pastSetSize++;
    return fd;
  }

  close(fd: number): void {
    if (fd >= FD_SETSIZE) this.pastSetSize--;
    this.pushFree(fd);
  }

  private pushFree(fd: number): void {
    const heap = this.free;
    heap.push(fd);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as number) <= fd) break;
      heap[i] = heap[parent] as number;
      heap[parent] = fd;
      i = parent;
    }
  }

  private popLowest(): number {
    const heap = this.free;
    const lowest = heap[0] as number;
    const last = heap.pop() as number;
    if (heap.length === 0) return lowest;
    heap[0] = last;
    for (let i = 0; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && (heap[left] as number) < (heap[smallest] as number)) smallest = left;
      if (right < heap.length && (heap[right] as number) < (heap[smallest] as number)) smallest = right;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest] as number, heap[i] as number];
      i = smallest;
    }
    return lowest;
  }
}
