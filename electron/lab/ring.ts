/** A bounded FIFO: the newest `capacity` items, oldest first. */
export class Ring<T> {
  private items: T[] = [];
  private start = 0;

  constructor(private capacity: number) {}

  push(item: T): void {
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return;
    }
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
  }

  toArray(): T[] {
    return [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
  }

  resize(capacity: number): void {
    const kept = this.toArray().slice(-capacity);
    this.capacity = capacity;
    this.items = kept;
    this.start = 0;
  }

  clear(): void {
    this.items = [];
    this.start = 0;
  }
}
