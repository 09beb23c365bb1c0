import { performance } from 'node:perf_hooks';
import type {
  Action,
  Fidelity,
  IterationRecord,
  SelectSets,
  SocketId,
  StepCursor,
} from '../../shared/engine';
import type { Connection } from './connection';
import { Ring } from './ring';
import type { SelectLoop } from './select-loop';

interface OpenIteration {
  record: IterationRecord;
  steps: Generator<Action>;
  /** When the loop last resumed it: the time halted between Step actions is not the iteration's. */
  resumedAt: number;
}

/**
 * Runs iterations of a SelectLoop one action at a time and records them:
 * the open iteration (Step action halts inside one), the numbering, and the
 * retained history for the timeline.
 */
export class Recorder {
  count = 0;
  lastSets: SelectSets | null = null;
  private current: OpenIteration | null = null;
  private lastConnection: Connection | undefined;
  readonly history: Ring<IterationRecord>;

  constructor(
    historySize: number,
    private readonly onAction: (action: Action) => void,
    private readonly onIteration: (record: IterationRecord) => void,
  ) {
    this.history = new Ring(historySize);
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  get cursor(): StepCursor | null {
    const record = this.current?.record;
    return record ? { iteration: record.n, done: record.actions.length, sets: record.sets } : null;
  }

  /** Opens an iteration on the sets select() returned; returns its record, filled as it runs. */
  begin(loop: SelectLoop, sets: SelectSets, fidelity: Fidelity): IterationRecord {
    const record: IterationRecord = {
      n: ++this.count,
      at: Date.now(),
      micros: 0,
      fidelity,
      inputs: loop.inputs.toArray(),
      outputs: loop.outputs.toArray(),
      sets,
      actions: [],
      after: NOT_CLOSED,
    };
    this.lastSets = sets;
    this.current = { record, steps: loop.iteration(sets), resumedAt: performance.now() };
    return record;
  }

  /** Step action: runs the next action; when none is left, closes the iteration and returns null. */
  stepAction(loop: SelectLoop): Action | null {
    const current = this.current;
    if (!current) return null;
    current.resumedAt = performance.now();
    const action = this.advance(loop);
    if (action) current.record.micros += micros(current.resumedAt);
    return action;
  }

  /** Runs the open iteration to its end (Run, Slow, Step). */
  runToEnd(loop: SelectLoop): void {
    const current = this.current;
    if (!current) return;
    current.resumedAt = performance.now();
    while (this.current === current && this.advance(loop)) {
      /* the next action */
    }
  }

  private advance(loop: SelectLoop): Action | null {
    const current = this.current as OpenIteration;
    const next = current.steps.next();
    if (next.done) {
      this.close(loop);
      return null;
    }
    const action = next.value;
    current.record.actions.push(action);
    if (action.kind !== 'select') this.connectionOf(loop, action.id)?.remember(action);
    this.onAction(action);
    return action;
  }

  /** The connection an action is about: mostly the previous action's, so one lookup serves a run of them. */
  private connectionOf(loop: SelectLoop, id: SocketId): Connection | undefined {
    if (this.lastConnection?.id !== id) this.lastConnection = loop.sockets.get(id);
    return this.lastConnection;
  }

  /** Closes the open iteration where it stands (a crash that stops the server). */
  close(loop: SelectLoop): void {
    const current = this.current;
    if (!current) return;
    const { record } = current;
    this.current = null;
    record.micros += micros(current.resumedAt);
    const queues: IterationRecord['after']['queues'] = [];
    // A non-empty queue is always in outputs: looking there is enough.
    for (const id of loop.outputs) {
      const queue = loop.messageQueues.get(id);
      if (queue && queue.length > 0) queues.push([id, queue.length, queue.bytes]);
    }
    record.after = { inputs: loop.inputs.toArray(), outputs: loop.outputs.toArray(), queues };
    this.history.push(record);
    this.onIteration(record);
  }

  /** Drops the open iteration without recording it (the server stopped). */
  abandon(): void {
    this.current = null;
    this.lastConnection = undefined;
  }

  reset(): void {
    this.abandon();
    this.count = 0;
    this.lastSets = null;
    this.history.clear();
  }
}

/** An open iteration's `after`, until it closes (shared: never mutated). */
const NOT_CLOSED: IterationRecord['after'] = Object.freeze({ inputs: [], outputs: [], queues: [] });

const micros = (since: number): number => Math.round((performance.now() - since) * 1000);
