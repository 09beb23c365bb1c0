import { useState } from 'react';
import { formatCount } from '../components/format';
import type { ReplayInfo } from './replay-info';
import type { ReplaySource } from './replay-source';

/**
 * The position in the file, to drag: each move asks the replay to seek (it lands on the
 * newest ask), and the thumb shows what was asked until the replay gets there.
 */
export function Scrubber({ source, info }: { source: ReplaySource; info: ReplayInfo }) {
  const [asked, setAsked] = useState<number | null>(null);
  const n = asked ?? info.position.n;
  const move = (value: number): void => {
    setAsked(value);
    void source.seek(value).then(() => setAsked(null));
  };
  return (
    <input
      type="range"
      className="scrubber"
      aria-label="Position in the recording"
      min={info.first}
      max={Math.max(info.last, info.first)}
      step={1}
      value={n}
      aria-valuetext={`Iteration ${formatCount(n)} of ${formatCount(info.last)}`}
      data-scrubbing={asked !== null || undefined}
      onChange={(event) => move(Number(event.target.value))}
    />
  );
}
