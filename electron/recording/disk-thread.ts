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

/** The writer's end of its disk thread: messages in order, progress back, and the end. */
export class DiskThread {
  private readonly worker: Worker;
  private readonly ended: Promise<Result<{ bytes: number; records: number }>>;
  /** Settles once the thread has loaded (or could not start): see `RecordingWriter.ready`. */
  readonly ready: Promise<void>;
  /** What the thread has written so far. */
  written = { bytes: 0, records: 0 };
  failure: string | null = null;

  /** `onSpent`: a batch's buffer, back from the thread to be filled again. */
  constructor(fd: number, onProgress: () => void, onSpent: (numbers: Float64Array) => void) {
    this.worker = new Worker(workerUrl(), { workerData: { fd } satisfies DiskWorkerData });
    this.worker.unref();
    let loaded = (): void => undefined;
    this.ready = new Promise((resolve) => (loaded = resolve));
    this.ended = new Promise((resolve) => {
      this.worker.on('message', (message: FromDisk) => {
        if (message.type === 'ready') return loaded();
        if (message.type === 'spent') return onSpent(message.numbers);
        if (message.type === 'error') {
          this.failure = message.message;
          onProgress();
          return;
        }
        this.written = { bytes: message.bytes, records: message.records };
        onProgress();
        if (message.type === 'done') {
          resolve(this.failure === null ? ok(this.written) : fail('RECORDING', this.failure));
          void this.worker.terminate();
        }
      });
      this.worker.on('error', (error) => {
        this.failure = error.message;
        resolve(fail('RECORDING', error.message));
      });
      this.worker.on('exit', () =>
        resolve(fail('RECORDING', this.failure ?? 'the recording thread stopped')),
      );
    });
    // A thread that never loads ends instead: nobody waits on it forever.
    void this.ended.then(() => loaded());
  }

  send(message: ToDisk): void {
    const transfer = message.type === 'records' ? [message.numbers.buffer as ArrayBuffer] : [];
    this.worker.postMessage(message, transfer);
  }

  /** Writes what is left and waits for the thread to finish. */
  finish(): Promise<Result<{ bytes: number; records: number }>> {
    this.send({ type: 'finish' });
    return this.ended;
  }
}
