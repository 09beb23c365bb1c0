import type { LabDelta, Notice } from '../../shared/contract';
import type { RecordingStatus } from '../../shared/recording/status';
import { MAX_BATCH_NOTICES, MAX_BATCH_RECORDS } from '../../shared/delta';
import type { EngineState, IterationRecord } from '../../shared/engine';
import type { EnginePort } from './engine-port';
import type { FleetPort } from './fleet-port';
import { PacedChanges } from './paced-changes';

type EngineFields = EngineState;

/**
 * Collects what changed since the last batch, in memory bounded by the state:
 * iteration records in a ring of the newest few (the rest only counted), changed
 * ids from the engine's and the fleet's own change sets (the engine's paced:
 * paced-changes.ts), a capped notice list.
 */
export class DeltaCollector {
  private seq = 0;
  private records: IterationRecord[] = [];
  private coalesced = 0;
  private notices: Notice[] = [];
  private engineDirty = false;
  private fleetDirty = false;
  /** When the engine's fields may be read again: reading them costs O(connections). */
  private nextEngineRead = 0;
  private lastSent = new Map<keyof EngineFields, string>();
  /** Each field's value when last compared, to skip the JSON of one that is the same object. */
  private lastObject = new Map<keyof EngineFields, unknown>();
  private recording: RecordingStatus | null = null;
  private readonly connections: PacedChanges;

  constructor(
    private readonly engine: EnginePort,
    private readonly fleet: FleetPort | undefined,
    private readonly maxRecords = MAX_BATCH_RECORDS,
    connectionViewsPerSecond?: number,
  ) {
    this.connections = new PacedChanges(connectionViewsPerSecond);
  }

  /** Connection changes wait for a later batch (more than the budget changed): send another soon. */
  get behind(): boolean {
    return this.connections.behind > 0;
  }

  /** The engine's state changed: a record, an action, a state event. */
  markEngineDirty(): void {
    this.engineDirty = true;
  }

  /** The fleet said something changed. */
  markFleetDirty(): void {
    this.fleetDirty = true;
  }

  addRecord(record: IterationRecord): void {
    this.records.push(record);
    this.engineDirty = true;
    if (this.records.length > this.maxRecords) {
      this.records.shift();
      this.coalesced += 1;
    }
  }

  addNotice(notice: Notice): void {
    this.notices.push(notice);
    if (this.notices.length > MAX_BATCH_NOTICES) this.notices.shift();
  }

  /** The recording's status changed: the next batch carries it. */
  setRecording(status: RecordingStatus): void {
    this.recording = status;
  }

  /** The batch since the last call, or null when nothing changed. */
  take(): LabDelta | null {
    const engineChanges = this.connections.take(this.engine.takeChanges());
    const fleetChanges = this.fleet?.takeChanges() ?? { changed: [], removed: [] };
    const engine = this.readEngineFields();
    const fleetDue = this.fleetDirty || fleetChanges.changed.length + fleetChanges.removed.length > 0;
    const quiet =
      engine === null &&
      !fleetDue &&
      this.records.length + this.notices.length === 0 &&
      this.recording === null &&
      engineChanges.changed.length + engineChanges.removed.length === 0;
    if (quiet) return null;
    const { connections, removed } = this.connectionChanges(engineChanges);
    const { clients, clientsRemoved } = this.clientChanges(fleetChanges);
    const delta: LabDelta = {
      seq: ++this.seq,
      engine: engine ?? {},
      connections,
      removed,
      iterations: this.records,
      coalesced: this.coalesced,
      clients,
      clientsRemoved,
      fleet: this.fleet && fleetDue ? this.fleet.summary() : null,
      notices: this.notices,
      ...(this.recording ? { recording: this.recording } : {}),
    };
    this.recording = null;
    this.records = [];
    this.coalesced = 0;
    this.notices = [];
    this.fleetDirty = false;
    return delta;
  }

  /**
   * The engine's changed fields, or null when nothing changed or it is too soon: a read
   * snapshots every connection, so reads are spaced to take at most ~10% of the time.
   * A skipped read stays due; the host's poll picks it up.
   */
  private readEngineFields(): Partial<EngineFields> | null {
    const started = performance.now();
    if (!this.engineDirty || started < this.nextEngineRead) return null;
    this.engineDirty = false;
    const fields = this.changedEngineFields(this.engine.state());
    const cost = performance.now() - started;
    this.nextEngineRead = started + cost * 10;
    return fields;
  }

  private connectionChanges(changes: { changed: number[]; removed: number[] }) {
    const { views, removed } = lookUpChanges(changes, (id) => this.engine.connectionView(id));
    return { connections: views, removed };
  }

  private clientChanges(changes: { changed: number[]; removed: number[] }) {
    const fleet = this.fleet;
    if (!fleet) return { clients: [], clientsRemoved: changes.removed };
    // A lookup per changed id: 10,000 clients cost what changed, not a walk of them all.
    const { views, removed } = lookUpChanges(changes, (id) => fleet.client(id));
    return { clients: views, clientsRemoved: removed };
  }

  /** Only the fields whose value differs from what subscribers last got. */
  private changedEngineFields(fields: EngineFields): Partial<EngineFields> {
    const changed: Partial<EngineFields> = {};
    for (const key of Object.keys(fields) as (keyof EngineFields)[]) {
      const value = fields[key];
      // The engine's lists are the same object until they change: 10,000 ids need no JSON then.
      if (value !== null && typeof value === 'object' && this.lastObject.get(key) === value) continue;
      this.lastObject.set(key, value);
      const json = JSON.stringify(value);
      if (this.lastSent.get(key) === json) continue;
      this.lastSent.set(key, json);
      Object.assign(changed, { [key]: value });
    }
    return changed;
  }
}

/**
 * The current view of each changed id; an id with no view any more counts as removed,
 * and an id that has one is not removed (it came back within the batch).
 */
function lookUpChanges<V>(
  changes: { changed: number[]; removed: number[] },
  view: (id: number) => V | undefined,
): { views: V[]; removed: number[] } {
  const removed = new Set(changes.removed);
  const views: V[] = [];
  for (const id of new Set(changes.changed)) {
    const current = view(id);
    if (current) {
      views.push(current);
      removed.delete(id);
    } else removed.add(id);
  }
  return { views, removed: [...removed] };
}
