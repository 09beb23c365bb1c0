import { useLabStore } from '../../store/lab-store';
import { formatBytes, formatCount } from '../format';

/** Fleet totals: clients by state, verified, mismatches, lost bytes, errors, and whether the fleet process lives. */
export function FleetTotals() {
  const fleet = useLabStore((s) => s.fleet);
  if (!fleet) return null;
  const states = (['connecting', 'open', 'half-closed', 'closed', 'error'] as const)
    .filter((state) => fleet.byState[state] > 0)
    .map((state) => `${formatCount(fleet.byState[state])} ${state}`);
  const errors = Object.entries(fleet.errors).map(([code, n]) => `${code} ×${formatCount(n)}`);
  return (
    <div className="fleet-totals" role="group" aria-label="Fleet totals">
      {!fleet.alive && fleet.exit && (
        <p className="field-error" role="status" data-fleet="down">
          <strong>Fleet down</strong> The client fleet process {fleet.exit}. Spawn again to start a new one.
        </p>
      )}
      <p className="fleet-line">
        <strong data-testid="fleet-clients">{formatCount(fleet.clients)} clients</strong>
        {states.length > 0 && <span className="muted"> · {states.join(' · ')}</span>}
      </p>
      <p className="fleet-line">
        <span className="verification-ok" data-testid="fleet-verified">
          {formatCount(fleet.verified)} verified
        </span>
        {' · '}
        <span className={fleet.mismatches ? 'verification-mismatch' : 'muted'}>
          {formatCount(fleet.mismatches)} mismatched
        </span>
        {' · '}
        <span className={fleet.bytesLost ? 'verification-lost' : 'muted'}>
          {formatBytes(fleet.bytesLost)} lost
        </span>
      </p>
      {fleet.bytesSent !== undefined && (
        <p className="fleet-line muted">
          {formatBytes(fleet.bytesSent)} sent · {formatBytes(fleet.bytesEchoed ?? 0)} echoed ·{' '}
          {formatCount(fleet.roundTrips ?? 0)} round trips
        </p>
      )}
      {errors.length > 0 && <p className="fleet-line verification-mismatch">Errors: {errors.join(', ')}</p>}
    </div>
  );
}
