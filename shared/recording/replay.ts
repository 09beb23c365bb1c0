/**
 * A recording (or a log) as a place to move about in: Step and Step action forward, and
 * back. Going back is a seek: to the nearest block before the target, whose start state is
 * a snapshot (or a checkpoint the reader made), then records folded forward to it. There is
 * no undo stack: any point is at most one block's records away from a known state.
 */
import type { BreakpointWatch } from '../breakpoints';
import type {
  Action,
  ConnectionDetail,
  ConnectionView,
  EngineOptions,
  EngineSnapshot,
  IterationRecord,
  SocketId,
} from '../engine';
import { fail, ok, type Result } from '../result';
import type { ByteSource } from './byte-source';
import { BlockCache } from './block-cache';
import type { BlockContent, Catalog } from './catalog';
import { cloneModel, connectionViews, Folder, type EngineFields } from './model';
import { openCatalog } from './open';

/** After iteration `n`, and `done` actions into the one that follows (0: halted before its select()). */
export interface Position {
  n: number;
  done: number;
}

/** What the window shows at a position. */
export interface Frame {
  engine: EngineSnapshot;
  /** The iterations before it, oldest first. */
  history: IterationRecord[];
  /** The open iteration's actions so far (Step action). */
  trail: Action[];
}

/** Actions a connection's history shows, as the engine keeps them. */
const HISTORY_LIMIT = 200;

export class Replay {
  private readonly cache: BlockCache;
  private index = 0;
  private content!: BlockContent;
  private folder!: Folder;
  /** The record after the last one folded whole: the open one when `done` > 0. */
  private next = 0;
  private done = 0;
  /** The last iteration a replay may reach: lowered when a block turns out damaged part way. */
  private limit: number;
  /** What went wrong while reading blocks, beyond what opening the file found. */
  readonly problems: string[] = [];
  /** True when the last move left the block it was in (its snapshot replaced the state). */
  jumped = false;

  private constructor(
    readonly catalog: Catalog,
    readonly source: ByteSource,
  ) {
    this.cache = new BlockCache(catalog.blocks);
    this.limit = catalog.blocks.at(-1)?.lastN ?? 0;
  }

  /** Opens a file and stands at its start. */
  static async open(source: ByteSource): Promise<Result<Replay>> {
    const catalog = await openCatalog(source);
    if (!catalog.ok) return catalog;
    const replay = new Replay(catalog.value, source);
    const start = await replay.cache.load(0);
    if (!start.ok) return start;
    replay.note(0, start.value);
    replay.enter(0, start.value);
    return ok(replay);
  }

  get first(): number {
    return this.catalog.blocks[0]?.startN ?? 0;
  }

  get last(): number {
    return this.limit;
  }

  get position(): Position {
    const n = this.content.records[this.next - 1]?.n ?? this.catalog.blocks[this.index]?.startN ?? 0;
    return { n, done: this.done };
  }

  /** The open iteration, or the one Step would run next (null at the end). */
  get upcoming(): IterationRecord | null {
    return this.content.records[this.next] ?? null;
  }

  get atEnd(): boolean {
    return this.done === 0 && this.position.n >= this.limit;
  }

  /** Goes to the latest position at or before `target` (clamped to the file). */
  async seek(target: Position): Promise<Result<Position>> {
    const n = Math.max(this.first, Math.min(target.n, this.limit));
    const done = n < target.n ? 0 : target.done;
    const index = this.cache.blockFor(n);
    const content = await this.cache.load(index);
    if (!content.ok) return this.damaged(index, content.error.message);
    this.note(index, content.value);
    const here = this.position;
    const forward = index === this.index && (here.n < n || (here.n === n && this.done <= done));
    this.jumped = index !== this.index || !forward;
    if (!forward) this.enter(index, content.value);
    this.content = content.value;
    this.index = index;
    this.foldTo(n, done);
    await this.cache.load(index - 1); // the timeline's earlier iterations, while at it
    return ok(this.position);
  }

  /** Step: the rest of the open iteration, or the next one whole. Null at the end. */
  async step(): Promise<Result<IterationRecord | null>> {
    const record = await this.upcomingRecord();
    if (!record.ok || !record.value) return record;
    if (this.done === 0) this.folder.begin(record.value);
    for (const action of record.value.actions.slice(this.done)) this.folder.act(action, record.value);
    this.folder.end(record.value);
    this.next++;
    this.done = 0;
    return record;
  }

  /** Step action: one action, opening the next iteration (its select()) when needed. Null at the end. */
  async stepAction(): Promise<Result<Action | null>> {
    const open = this.content.records[this.next];
    if (open && this.done > 0 && this.done >= open.actions.length) {
      this.folder.end(open);
      this.next++;
      this.done = 0;
    }
    const record = await this.upcomingRecord();
    if (!record.ok) return record;
    if (!record.value) return ok(null);
    if (this.done === 0) this.folder.begin(record.value);
    const action = record.value.actions[this.done];
    if (!action) return ok(null);
    this.folder.act(action, record.value);
    this.done++;
    return ok(action);
  }

  /**
   * Run until, in the file: Step action until an action meets `watch`, and stand right after
   * it (Step action's trail ends with it). At most `budget` actions a call, so the caller can
   * let the window breathe in between: 'more' when the budget ran out, 'end' at the file's end.
   * Iteration N needs no search: the replay goes to just before it.
   */
  async runUntil(
    watch: BreakpointWatch,
    budget: number,
  ): Promise<Result<{ n: number; reason: string } | 'more' | 'end'>> {
    const { breakpoint } = watch;
    if (breakpoint.kind === 'iteration' && this.position.n < breakpoint.n - 1) {
      const moved = await this.seek({ n: breakpoint.n - 1, done: 0 });
      if (!moved.ok) return moved;
    }
    const at = {
      n: 0,
      fidelity: this.folder.data.engine.fidelity,
      queueBytes: (id: SocketId) => this.folder.data.connections.get(id)?.view.queuedBytes ?? 0,
    };
    for (let i = 0; i < budget; i++) {
      const stepped = await this.stepAction();
      if (!stepped.ok) return stepped;
      const open = this.upcoming;
      if (!stepped.value || !open) return ok('end');
      at.n = open.n;
      at.fidelity = open.fidelity;
      const reason = watch.met(stepped.value, at);
      if (reason !== null) return ok({ n: open.n, reason });
    }
    return ok('more');
  }

  /** Step back: to the start of the open iteration, or to the iteration before. */
  back(): Promise<Result<Position>> {
    const { n, done } = this.position;
    return this.seek(done > 0 ? { n, done: 0 } : { n: n - 1, done: 0 });
  }

  /** Step action back: one action fewer, into the previous iteration when at its start. */
  actionBack(): Promise<Result<Position>> {
    const { n, done } = this.position;
    if (done > 0) return this.seek({ n, done: done - 1 });
    const previous = this.content.records[this.next - 1];
    if (!previous) return this.seek({ n: n - 1, done: 0 });
    return this.seek({ n: previous.n - 1, done: previous.actions.length });
  }

  /** Connections changed and removed since the last call. */
  takeChanges(): { changed: SocketId[]; removed: SocketId[] } {
    const changes = { changed: [...this.folder.changed], removed: [...this.folder.removed] };
    this.folder.changed.clear();
    this.folder.removed.clear();
    return changes;
  }

  frame(historySize: number): Frame {
    const upcoming = this.upcoming;
    return {
      engine: { ...this.engineFields(), connections: connectionViews(this.folder.data) },
      history: this.history(historySize),
      trail: upcoming && this.done > 0 ? upcoming.actions.slice(0, this.done) : [],
    };
  }

  /**
   * The engine's state at the position without its connections: what a step's batch needs,
   * without a view of every connection (a frame has those; at 10,000 connections they cost).
   */
  engineFields(): EngineFields {
    const upcoming = this.upcoming;
    const engine = { ...this.folder.data.engine };
    if (this.done === 0 && upcoming) engine.pending = upcoming.sets;
    return engine;
  }

  /** The recording's engine options (the header's, or the last snapshot's). */
  get options(): EngineOptions {
    return this.folder.data.engine.options;
  }

  /** Connection `id`'s view at the position, if it is open. */
  connectionView(id: SocketId): ConnectionView | undefined {
    return this.folder.data.connections.get(id)?.view;
  }

  /** The iterations finished before the position, newest last, from this block and the one before. */
  history(limit: number): IterationRecord[] {
    if (limit <= 0) return [];
    const here = this.content.records.slice(0, this.next);
    if (here.length >= limit) return here.slice(-limit);
    const before = this.cache.peek(this.index - 1)?.records ?? [];
    return [...before.slice(-(limit - here.length)), ...here];
  }

  /** A connection as the connection panel shows it: sizes, never bytes; its history from the records. */
  inspect(id: SocketId): Result<ConnectionDetail> {
    const connection = this.folder.data.connections.get(id);
    if (!connection) return fail('NO_SUCH_CONNECTION', `There is no open connection #${id} at this point.`);
    const about = (a: Action) => a.kind !== 'select' && a.id === id;
    const history = this.history(Number.MAX_SAFE_INTEGER).flatMap((r) => r.actions.filter(about));
    const upcoming = this.upcoming;
    const trail = upcoming && this.done > 0 ? upcoming.actions.slice(0, this.done).filter(about) : [];
    const sizes = connection.queue ?? [];
    const listed = sizes.slice(0, 256);
    return ok({
      ...connection.view,
      queue: listed.map((bytes) => ({ bytes, preview: '' })),
      queueMore: connection.view.queuedMessages - listed.length,
      history: [...history, ...trail].slice(-HISTORY_LIMIT),
    });
  }

  close(): void {
    this.source.close?.();
  }

  /** The next record to run, crossing into the next block when this one is done. */
  private async upcomingRecord(): Promise<Result<IterationRecord | null>> {
    const record = this.content.records[this.next];
    if (record) return ok(record);
    if (this.position.n >= this.limit || this.index + 1 >= this.catalog.blocks.length) return ok(null);
    const content = await this.cache.load(this.index + 1);
    if (!content.ok) return this.damaged(this.index + 1, content.error.message);
    this.note(this.index + 1, content.value);
    this.enter(this.index + 1, content.value);
    this.jumped = true;
    return ok(this.content.records[0] ?? null);
  }

  /** Stands at the start of block `index`. */
  private enter(index: number, content: BlockContent): void {
    this.index = index;
    this.content = content;
    this.folder = new Folder(cloneModel(content.start));
    this.next = 0;
    this.done = 0;
  }

  /** Folds forward from where the folder stands to after `n`, plus `done` actions. */
  private foldTo(n: number, done: number): void {
    const records = this.content.records;
    for (let record = records[this.next]; record && record.n <= n; record = records[this.next]) {
      if (this.done === 0) this.folder.begin(record);
      for (const action of record.actions.slice(this.done)) this.folder.act(action, record);
      this.folder.end(record);
      this.next++;
      this.done = 0;
    }
    const open = records[this.next];
    const want = open ? Math.min(done, open.actions.length) : 0;
    if (open && want > this.done) {
      if (this.done === 0) this.folder.begin(open);
      for (const action of open.actions.slice(this.done, want)) this.folder.act(action, open);
      this.done = want;
    }
  }

  /** A block's own bad line: the replay ends before it, and says why once. */
  private note(index: number, content: BlockContent): void {
    if (!content.problem) return;
    const last = content.records.at(-1)?.n ?? this.catalog.blocks[index]?.startN ?? this.limit;
    if (last < this.limit) {
      this.limit = last;
      this.problems.push(
        `${content.problem} The replay ends at iteration ${last.toLocaleString('en')}, before it.`,
      );
    }
  }

  private damaged<T>(index: number, message: string): Result<T> {
    const before = this.catalog.blocks[index]?.startN ?? this.limit;
    if (before < this.limit) {
      this.limit = before;
      this.problems.push(`${message} The replay ends at iteration ${before.toLocaleString('en')}.`);
    }
    return fail('BAD_RECORDING', message);
  }
}
