/** What the recording's writer and its disk thread say to each other (worker_threads messages). */

export interface DiskWorkerData {
  /** The file the writer opened (so an error comes back at once), by descriptor. */
  fd: number;
  /** Where the thread's first member goes: 0, or where a thread it replaces left the file whole. */
  offset: number;
  /**
   * 'idle': only CPU nothing else wants (idle-thread.ts). 'normal': a fair share, for the thread
   * that takes over when an idle one starved (writer.ts).
   */
  priority: 'idle' | 'normal';
  /**
   * Tests only: the thread handles this many messages, then no more, as when other programs
   * come to keep every core busy.
   */
  starveAfter?: number;
}

/** Each message is numbered: the thread says up to which one the file holds (`written`). */
export type ToDisk = { id: number } &
  /** A line that is not a record: the header, a snapshot (it opens a new member), the end. */
  (
    | { type: 'line'; json: string; flag: number }
    /**
     * Records, encoded by record-codec.ts, in a shared buffer: the writer keeps it, to send again
     * to another thread, until the file holds them.
     */
    | { type: 'records'; numbers: Float64Array; strings: string[]; records: number }
    /** Seal the member under way: what was recorded reaches the disk (once a second). */
    | { type: 'flush' }
    /** The last member is written: answer `done`, then exit. */
    | { type: 'finish' }
  );

export type FromDisk =
  /** Its code is loaded and its priority set: from here on, a recording costs only its work. */
  | { type: 'ready' }
  /** The file is whole up to `bytes`, and holds every message up to `through`. */
  | { type: 'written'; through: number; bytes: number }
  | { type: 'done'; bytes: number }
  | { type: 'error'; message: string };
