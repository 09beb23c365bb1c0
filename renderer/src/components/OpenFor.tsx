import { useEffect, useState } from 'react';

/** "open 1 min 12 s": how long ago `since` was (ms since epoch), kept up to date each second. */
export function durationText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** The connection's age, ticking: "open for 12 s". */
export function OpenFor({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <span title={`accepted at ${new Date(since).toLocaleTimeString()}`}>
      open for {durationText(now - since)}
    </span>
  );
}
