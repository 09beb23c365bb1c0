import type { Action, IterationRecord } from '../../shared/engine';
import { fail, ok, type Result } from '../../shared/result';
import type { Recorder } from './recorder';
import type { SelectLoop } from './select-loop';

/** What Step and Step action need of the server that owns them (SelectServer). */
export interface SteppingHost {
  readonly recorder: Recorder;
  /** The loop, if the server runs in Step mode; otherwise why not. */
  steppable(): Result<SelectLoop>;
  /** select(), and an iteration opened on what it returned; or why select() would block. */
  open(loop: SelectLoop): Result<null>;
  /** Calls `listener` with each iteration closed until the returned function is called. */
  onIteration(listener: (record: IterationRecord) => void): () => void;
  /** True while a burst of connections is still reaching the engine (SelectServer). */
  landing(): boolean;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Resolves once Node's event loop has polled the sockets since the call: from then
 * on the engine knows what the kernel held at the call (its select() would say so).
 * Two turns, because a call made while Node delivers I/O is followed by the end of
 * that same poll, not a new one. Then, while `landing()` says connections still come in
 * (Node accepts one per turn what the kernel took at once; it bounds the wait), a turn more.
 */
export async function settled(landing: () => boolean = () => false): Promise<void> {
  landing();
  await nextTurn();
  await nextTurn();
  while (landing()) await nextTurn();
}

/**
 * Step mode's two buttons. Each runs after the one before it has finished (a second click
 * waits for the first), and each select() follows a poll made after the click.
 */
export class Stepping {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: SteppingHost) {}

  /** Runs one iteration, or the rest of the one under way. */
  step(): Promise<Result<IterationRecord>> {
    return this.serialized(async () => {
      const loop = await this.steppableAfterPoll();
      if (!loop.ok) return loop;
      const { recorder } = this.host;
      if (!recorder.isOpen) {
        const opened = this.host.open(loop.value);
        if (!opened.ok) return opened;
      }
      let record: IterationRecord | null = null;
      const unsubscribe = this.host.onIteration((done) => (record = done));
      recorder.runToEnd(loop.value);
      unsubscribe();
      return record ? ok(record) : fail('NOT_RUNNING', 'The server stopped during the step.');
    });
  }

  /** Runs one action, starting the next iteration (its select()) when needed. */
  stepAction(): Promise<Result<Action>> {
    return this.serialized(async () => {
      const ready = this.host.steppable();
      if (!ready.ok) return ready;
      const { recorder } = this.host;
      const action = recorder.stepAction(ready.value);
      if (action) return ok(action);
      const loop = await this.steppableAfterPoll();
      if (!loop.ok) return loop;
      const opened = this.host.open(loop.value);
      if (!opened.ok) return opened;
      return ok(recorder.stepAction(loop.value) as Action);
    });
  }

  private serialized<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The loop, once Node has polled since the call, so select() answers what the kernel holds. */
  private async steppableAfterPoll(): Promise<Result<SelectLoop>> {
    await settled(() => this.host.landing());
    return this.host.steppable();
  }
}
