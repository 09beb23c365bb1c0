/** What the recording's writer and its disk thread say to each other (worker_threads messages). */

/** Where the thread writes: a file the writer opened (so an error comes back at once), by descriptor. */
export interface DiskWorkerData {
  fd: number;
}

export type ToDisk =
  /** A line that is not a record: the header, a snapshot (it opens a new member), the end. */
  | { type: 'line'; json: string; flag: number }
  /** Records, encoded by record-codec.ts. */
  | { type: 'records'; numbers: Float64Array; strings: string[]; records: number }
  /** Seal the member under way: what was recorded reaches the disk (once a second). */
  | { type: 'flush' }
  /** The last member is written: answer `done`, then exit. */
  | { type: 'finish' };

export type FromDisk =
  /** Its code is loaded and its priority set: from here on, a recording costs only its work. */
  | { type: 'ready' }
  | { type: 'progress'; bytes: number; records: number }
  /** A batch's numbers, written: their buffer goes back to the encoder to fill again. */
  | { type: 'spent'; numbers: Float64Array }
  | { type: 'done'; bytes: number; records: number }
  | { type: 'error'; message: string };
