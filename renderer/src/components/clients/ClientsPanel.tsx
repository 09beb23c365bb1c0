import { useState } from 'react';
import { useLabStore } from '../../store/lab-store';
import { selectReplaying } from '../../store/selectors';
import { ClientList } from './ClientList';
import { CustomMessage } from './CustomMessage';
import { FleetCharts } from './FleetCharts';
import { FleetTotals } from './FleetTotals';
import { RttHistogram } from './RttHistogram';
import { SpawnForm } from './SpawnForm';
import './clients.css';

/**
 * Test clients: spawn a fleet of real TCP clients against the server, watch
 * each one's state, bytes and verification, and the fleet's round trips and load.
 */
export function ClientsPanel() {
  const [selected, setSelected] = useState<number | null>(null);
  const replay = useLabStore(selectReplaying);
  return (
    <section className="panel clients-panel" aria-labelledby="clients-title">
      <header className="panel-header">
        <h2 id="clients-title">Test clients</h2>
        <span className="muted">real TCP clients in a process of their own</span>
      </header>
      {replay ? (
        <p className="panel-empty" data-fleet="replay">
          A replay has no test clients: a recording holds what the server did, not what its clients saw. Close
          the replay to spawn clients against the live lab.
        </p>
      ) : (
        <div className="clients-body">
          <SpawnForm />
          <FleetTotals />
          <ClientList selected={selected} onSelect={setSelected} />
          <CustomMessage clientId={selected} />
          <RttHistogram />
          <FleetCharts />
        </div>
      )}
    </section>
  );
}
