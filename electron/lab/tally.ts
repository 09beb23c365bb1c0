import { LISTENER_ID, type Action, type SocketId, type Totals } from '../../shared/engine';

const zero = (): Totals => ({ accepted: 0, closed: 0, bytesIn: 0, bytesOut: 0, bytesLost: 0, crashes: 0 });

/**
 * Counts what the loop did (totals) and which connections changed since a
 * subscriber last asked. Change tracking starts with the first `takeChanges`,
 * so a server nobody watches keeps no list of ids.
 */
export class Tally {
  totals: Totals = zero();
  private changes: { changed: Set<SocketId>; removed: Set<SocketId> } | null = null;

  reset(): void {
    this.totals = zero();
  }

  count(action: Action): void {
    const t = this.totals;
    switch (action.kind) {
      case 'select':
        return;
      case 'accept':
        t.accepted++;
        break;
      case 'recv':
        t.bytesIn += action.bytes;
        break;
      case 'send':
        t.bytesOut += action.sent;
        break;
      case 'lost':
        t.bytesLost += action.bytes;
        break;
      case 'crash':
        t.crashes++;
        break;
      case 'close':
        t.closed++;
        break;
    }
    if (action.kind === 'close' || action.kind === 'reject') this.removed(action.id);
    else if (action.id !== LISTENER_ID) this.changed(action.id);
  }

  changed(id: SocketId): void {
    this.changes?.changed.add(id);
  }

  removed(id: SocketId): void {
    this.changes?.changed.delete(id);
    this.changes?.removed.add(id);
  }

  /** Changed and removed ids since the last call; the first call reports every open id as changed. */
  take(open: Iterable<SocketId>): { changed: SocketId[]; removed: SocketId[] } {
    const changes = this.changes ?? { changed: new Set(open), removed: new Set<SocketId>() };
    this.changes = { changed: new Set(), removed: new Set() };
    return { changed: [...changes.changed], removed: [...changes.removed] };
  }
}
