import { useLabStore } from '../../store/lab-store';
import { formatCount } from '../format';
import { formatMs } from './client-format';

const MIN_BARS = 10;

/** The fleet's round trips per log-scale bucket, trimmed to the buckets in use. */
export function RttHistogram() {
  const buckets = useLabStore((s) => s.fleet?.rttBuckets);
  const counts = useLabStore((s) => s.fleet?.rttCounts);
  if (!buckets || !counts || counts.every((n) => n === 0)) {
    return <p className="panel-empty">Round trips appear here once echo clients run.</p>;
  }
  let first = counts.findIndex((n) => n > 0);
  let last = counts.length - 1 - [...counts].reverse().findIndex((n) => n > 0);
  while (last - first + 1 < MIN_BARS && (first > 0 || last < counts.length - 1)) {
    if (first > 0) first -= 1;
    if (last < counts.length - 1 && last - first + 1 < MIN_BARS) last += 1;
  }
  const shown = counts.slice(first, last + 1);
  const max = Math.max(...shown);
  return (
    <figure className="rtt-histogram" aria-label="Round-trip histogram">
      <div className="rtt-bars">
        {shown.map((n, i) => {
          const bound = buckets[first + i] ?? 0;
          return (
            <div key={first + i} className="rtt-bar" title={`≤ ${formatMs(bound)} ms: ${formatCount(n)}`}>
              <div
                className="rtt-fill"
                style={{ height: `${max ? Math.max(n ? 3 : 0, (100 * n) / max) : 0}%` }}
              />
            </div>
          );
        })}
      </div>
      <figcaption className="rtt-axis muted">
        <span>{formatMs(buckets[first] ?? 0)} ms</span>
        <span>round trip</span>
        <span>{formatMs(buckets[last] ?? 0)} ms</span>
      </figcaption>
    </figure>
  );
}
