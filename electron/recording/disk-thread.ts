import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fail, ok, type Result } from '../../shared/result';
import type { DiskWorkerData, FromDisk, ToDisk } from './disk-protocol';

/**
 * The disk thread's code: the built `recording-worker.js` beside the bundle that inlined this
 * file (the desktop app), or the TypeScript source beside this file (tsx, tests), loaded
 * through tsx's API from a one-line module (a worker does not take `--import` in Node 20).
 */
function workerUrl(): URL {
  const source = new URL('./disk-worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(source))) return new URL('./recording-worker.js', import.meta.url);
  // tsx's ESM entry (require.resolve finds its CommonJS twin beside it).
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const tsx = pathToFileURL(api).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(source.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** The writer's end of its disk thread: messages in order, what the file holds back, and the end. */
export class DiskThread {
  private readonly worker: Worker;
  /** Settles with the file's size once the thread wrote its last member, or with why it could not. */
  readonly ended: Promise<Result<{ bytes: number }>>;
  /** Settles once the thread has loaded (or could not start): see `RecordingWriter.ready`. */
  readonly ready: Promise<void>;
  /** The file is whole up to here. */
  bytes: number;
  failure: string | null = null;
  private abandoned = false;

  /**
   * `onWritten`: the file holds every message up to `through` (or the thread failed: `failure`).
   * `code`: the thread's code, when not the one beside this file (a check of the built app's).
   */
  constructor(
    readonly data: DiskWorkerData,
    onWritten: (through: number) => void,
    code: URL = workerUrl(),
  ) {
    this.bytes = data.offset;
    this.worker = new Worker(code, { workerData: data });
    this.worker.unref();
    let loaded = (): void => undefined;
    this.ready = new Promise((resolve) => (loaded = resolve));
    this.ended = new Promise((resolve) => {
      this.worker.on('message', (message: FromDisk) => {
        if (this.abandoned) return;
        switch (message.type) {
          case 'ready':
            return loaded();
          case 'error':
            this.failure = message.message;
            return onWritten(-1);
          case 'written':
            this.bytes = message.bytes;
            return onWritten(message.through);
          case 'done':
            this.bytes = message.bytes;
            resolve(this.failure === null ? ok({ bytes: this.bytes }) : fail('RECORDING', this.failure));
            void this.worker.terminate();
        }
      });
      // A thread that dies (its code would not load, or threw outside a message) says so at once.
      this.worker.on('error', (error) => {
        if (this.abandoned) return;
        this.failure = error.message;
        resolve(fail('RECORDING', error.message));
        onWritten(-1);
      });
      this.worker.on('exit', () =>
        resolve(fail('RECORDING', this.failure ?? 'the recording thread stopped')),
      );
    });
    // A thread that never loads ends instead: nobody waits on it forever.
    void this.ended.then(() => loaded());
  }

  /** In order; a records message's shared buffer is read by the thread, not moved to it. */
  send(message: ToDisk): void {
    this.worker.postMessage(message);
  }

  /** Stops the thread wherever it is: what it wrote past `bytes` is not whole, and is the caller's to cut. */
  async abandon(): Promise<void> {
    this.abandoned = true;
    await this.worker.terminate();
  }
}
