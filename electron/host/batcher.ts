import type { LabDelta, Notice } from '../../shared/contract';
import { MAX_BATCH_NOTICES, MAX_BATCH_RECORDS } from '../../shared/delta';
import type { ConnectionView, EngineSnapshot, IterationRecord } from '../../shared/engine';
import type { ClientView } from '../../shared/fleet';
import type { EnginePort } from './engine-port';
import type { FleetPort } from './fleet-port';

type EngineFields = Omit<EngineSnapshot, 'connections'>;

/**
 * Collects what changed since the last batch, in memory bounded by the state:
 * iteration records in a ring of the newest few (the rest only counted), changed
 * ids from the engine's and the fleet's own change sets, a capped notice list.
 */
export class DeltaCollector {
  private seq = 0;
  private records: IterationRecord[] = [];
  private coalesced = 0;
  private notices: Notice[] = [];
  private dirty = false;
  private lastSent = new Map<string, string>();

  constructor(
    private readonly engine: EnginePort,
    private readonly fleet: FleetPort | undefined,
    private readonly maxRecords = MAX_BATCH_RECORDS,
  ) {}

  /** Something happened: state changed, a record or an action came. */
  markDirty(): void {
    this.dirty = true;
  }

  addRecord(record: IterationRecord): void {
    this.records.push(record);
    this.dirty = true;
    if (this.records.length > this.maxRecords) {
      this.records.shift();
      this.coalesced += 1;
    }
  }

  addNotice(notice: Notice): void {
    this.notices.push(notice);
    this.dirty = true;
    if (this.notices.length > MAX_BATCH_NOTICES) this.notices.shift();
  }

  /** The batch since the last call, or null when nothing changed. */
  take(): LabDelta | null {
    const engineChanges = this.engine.takeChanges();
    const fleetChanges = this.fleet?.takeChanges() ?? { changed: [], removed: [] };
    const quiet =
      !this.dirty &&
      engineChanges.changed.length + engineChanges.removed.length === 0 &&
      fleetChanges.changed.length + fleetChanges.removed.length === 0;
    if (quiet) return null;
    const { connections, removed } = this.connectionChanges(engineChanges);
    const { clients, clientsRemoved } = this.clientChanges(fleetChanges);
    const delta: LabDelta = {
      seq: ++this.seq,
      engine: this.dirty ? this.changedEngineFields(this.engine.snapshot()) : {},
      connections,
      removed,
      iterations: this.records,
      coalesced: this.coalesced,
      clients,
      clientsRemoved,
      fleet:
        this.fleet && (this.dirty || clients.length + clientsRemoved.length > 0)
          ? this.fleet.summary()
          : null,
      notices: this.notices,
    };
    this.records = [];
    this.coalesced = 0;
    this.notices = [];
    this.dirty = false;
    return delta;
  }

  private connectionChanges(changes: { changed: number[]; removed: number[] }) {
    const removed = new Set(changes.removed);
    const connections: ConnectionView[] = [];
    for (const id of new Set(changes.changed)) {
      const view = this.engine.connectionView(id);
      if (view) {
        connections.push(view);
        removed.delete(id);
      } else removed.add(id);
    }
    return { connections, removed: [...removed] };
  }

  private clientChanges(changes: { changed: number[]; removed: number[] }) {
    if (!this.fleet || changes.changed.length === 0) return { clients: [], clientsRemoved: changes.removed };
    const wanted = new Set(changes.changed);
    const clients: ClientView[] = this.fleet.clients().filter((client) => wanted.has(client.id));
    const present = new Set(clients.map((client) => client.id));
    const gone = [...new Set([...changes.removed, ...changes.changed.filter((id) => !present.has(id))])];
    return { clients, clientsRemoved: gone.filter((id) => !present.has(id)) };
  }

  /** Only the fields whose value differs from what subscribers last got. */
  private changedEngineFields(snapshot: EngineSnapshot): Partial<EngineFields> {
    const { connections: _connections, ...fields } = snapshot;
    const changed: Partial<EngineFields> = {};
    for (const key of Object.keys(fields) as (keyof EngineFields)[]) {
      const json = JSON.stringify(fields[key]);
      if (this.lastSent.get(key) === json) continue;
      this.lastSent.set(key, json);
      Object.assign(changed, { [key]: fields[key] });
    }
    return changed;
  }
}
