import { useEffect, useRef, useState } from 'react';
import { shallow } from 'zustand/shallow';
import type { LabState } from '../store/lab-store';
import { PACE_MS, usePacedLab } from '../store/use-paced';
import { formatBytes, formatCount } from './format';

/** Iterations per second over the last couple of seconds, decaying to 0 when the loop idles. */
function useIterationRate(iteration: number): number {
  const samples = useRef<{ at: number; n: number }[]>([]);
  const [rate, setRate] = useState(0);
  useEffect(() => {
    const now = performance.now();
    // A restarted server counts from 0 again: start the window afresh.
    const kept = samples.current.filter((s) => now - s.at < 2000 && s.n <= iteration);
    samples.current = kept.concat({ at: now, n: iteration });
  }, [iteration]);
  useEffect(() => {
    const timer = window.setInterval(() => {
      const now = performance.now();
      const recent = samples.current.filter((s) => now - s.at < 2000);
      samples.current = recent;
      const first = recent[0];
      const last = recent.at(-1);
      setRate(first && last && last.at > first.at ? ((last.n - first.n) * 1000) / (now - first.at) : 0);
    }, 500);
    return () => window.clearInterval(timer);
  }, []);
  return rate;
}

function Counter({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <div className="counter" title={title}>
      <span className="counter-value">{value}</span>
      <span className="counter-label">{label}</span>
    </div>
  );
}

const selectCounts = (s: LabState) => ({
  iteration: s.engine?.iteration ?? 0,
  connections: s.connections.size,
  bytesIn: s.engine?.totals.bytesIn ?? 0,
  bytesOut: s.engine?.totals.bytesOut ?? 0,
  lost: s.engine?.totals.bytesLost ?? 0,
  coalesced: s.coalesced,
});

/** Live counters (at a pace: they change with every batch): iteration, connections, bytes in/out, iterations per second. */
export function Counters() {
  const { iteration, connections, bytesIn, bytesOut, lost, coalesced } = usePacedLab(
    selectCounts,
    PACE_MS,
    shallow,
  );
  const rate = useIterationRate(iteration);
  return (
    <div className="counters" aria-label="Counters" role="group" data-iteration={iteration}>
      <Counter label="iteration" value={formatCount(iteration)} />
      <Counter label="connections" value={formatCount(connections)} />
      <Counter label="bytes in" value={formatBytes(bytesIn)} />
      <Counter label="bytes out" value={formatBytes(bytesOut)} />
      <Counter
        label="iter/s"
        value={rate >= 100 ? formatCount(Math.round(rate)) : rate.toFixed(1)}
        title={
          coalesced > 0
            ? `${formatCount(coalesced)} iterations were summarised, not drawn one by one`
            : undefined
        }
      />
      {lost > 0 && (
        <Counter
          label="bytes lost"
          value={formatBytes(lost)}
          title="Dropped by the seed's bugs (Tutorial mode)"
        />
      )}
    </div>
  );
}
