import { memo } from 'react';
import { useLabStore } from '../../store/lab-store';
import { formatBytes } from '../format';
import { useRovingTabIndex } from '../tab-stop';
import { VirtualList } from '../VirtualList';
import { clientName, rttText, stateText, verificationText } from './client-format';

const ROW_HEIGHT = 34;

interface RowProps {
  id: number;
  selected: boolean;
  onSelect: (id: number | null) => void;
}

/** One client: id, behaviour, state, bytes sent/echoed, verification, round trip p50/p99. */
const ClientRow = memo(function ClientRow({ id, selected, onSelect }: RowProps) {
  const client = useLabStore((s) => s.clients.get(id));
  const tabIndex = useRovingTabIndex(id);
  if (!client) return null;
  const v = client.verification.state;
  return (
    <button
      type="button"
      className={`client-row client-${client.state}${selected ? ' client-selected' : ''}`}
      aria-pressed={selected}
      tabIndex={tabIndex}
      onClick={() => onSelect(selected ? null : id)}
      title={client.localPort ? `local port ${client.localPort}` : undefined}
    >
      <span className="client-id">{clientName(id)}</span>
      <span className="client-behaviour">{client.behaviour}</span>
      <span className="client-state">{stateText(client)}</span>
      <span className="client-bytes" title="bytes sent ↑ and echoed back ↓">
        ↑{formatBytes(client.bytesSent)} ↓{formatBytes(client.bytesEchoed)}
      </span>
      <span className={`client-verification verification-${v}`} data-verification={v}>
        {verificationText(client.verification)}
      </span>
      <span className="client-rtt" title="round trip p50/p99">
        {rttText(client)}
      </span>
    </button>
  );
});

let seenClients: ReadonlyMap<number, unknown> | null = null;
let seenIds: number[] = [];

/**
 * The client ids, in order. Recomputed only when the clients map is replaced (engine-only
 * batches cost nothing), and the same array while the ids are unchanged, so the list re-renders
 * only when a client comes or goes.
 */
function clientIds(clients: ReadonlyMap<number, unknown>): number[] {
  if (clients === seenClients) return seenIds;
  seenClients = clients;
  const ids = [...clients.keys()];
  if (ids.length !== seenIds.length || ids.some((id, i) => id !== seenIds[i])) seenIds = ids;
  return seenIds;
}

/** Every client, virtualized: only the rows in view are in the DOM, even with 10,000 clients. */
export function ClientList({
  selected,
  onSelect,
}: {
  selected: number | null;
  onSelect: (id: number | null) => void;
}) {
  const ids = useLabStore((s) => clientIds(s.clients));
  return (
    <VirtualList
      label="clients"
      ids={ids}
      rowHeight={ROW_HEIGHT}
      overscan={10}
      initialHeight={300}
      scrollerClass="client-scroller"
      before={
        ids.length === 0 && <p className="panel-empty">No clients yet: pick a behaviour and press Spawn.</p>
      }
      renderRow={(id) => <ClientRow id={id} selected={selected === id} onSelect={onSelect} />}
    />
  );
}
