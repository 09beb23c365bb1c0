import { useEffect, useState } from 'react';

/**
 * `value`, but changing at most every `ms`: the log re-filters thousands of lines, and under
 * load the history changes on every batch; a few times a second is all the eye can read.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const [since, setSince] = useState(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = Math.max(0, since + ms - performance.now());
    const timer = window.setTimeout(() => {
      setShown(value);
      setSince(performance.now());
    }, wait);
    return () => window.clearTimeout(timer);
  }, [value, shown, since, ms]);
  return shown;
}
