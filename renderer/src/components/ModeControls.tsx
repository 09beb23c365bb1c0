import { useState } from 'react';
import type { Mode } from '../../../shared/engine';
import type { LabError } from '../../../shared/result';
import { useSend } from '../store/commands';
import { useLabStore } from '../store/lab-store';
import { selectWatching } from '../store/selectors';
import { CommandError } from './CommandError';
import { FieldError } from './FieldError';
import { useAsked } from './useAsked';

const MODES: { mode: Mode; label: string; title: string }[] = [
  { mode: 'run', label: 'Run', title: 'Run: iterate whenever something is ready (R)' },
  { mode: 'slow', label: 'Slow', title: 'Slow motion: pause between iterations' },
  { mode: 'step', label: 'Step', title: 'Step: halt before each select(); Space steps' },
];

const MODE_COMMANDS = ['setMode'] as const;
const FASTEST_MS = 50;
const SLOWEST_MS = 2000;

/** Run / Slow / Step, and Slow's pause between iterations. */
export function ModeControls() {
  const send = useSend();
  const mode = useLabStore((s) => s.engine?.mode ?? 'run');
  const watching = useLabStore(selectWatching);
  const delay = useLabStore((s) => s.engine?.options.slowDelayMs ?? 500);
  // The speed's own refusal: other options report beside their fields in the options panel.
  const [speedError, setSpeedError] = useState<LabError | null>(null);
  const [shown, ask, drop] = useAsked(mode);
  const [shownDelay, askDelay, dropDelay] = useAsked(delay);
  // Right is faster: the slider runs over the pause reversed.
  const pace = async (slowDelayMs: number): Promise<void> => {
    askDelay(slowDelayMs);
    const result = await send('setOptions', { slowDelayMs });
    setSpeedError(result.ok ? null : result.error);
    if (!result.ok) dropDelay();
  };
  const choose = async (next: Mode): Promise<void> => {
    ask(next);
    if (!(await send('setMode', { mode: next })).ok) drop();
  };
  return (
    <div className="mode-controls">
      {/* data-mode: the engine's mode, once it confirms (the radios show the ask at once). */}
      <div role="radiogroup" aria-label="Mode" className="segmented" data-mode={mode}>
        {MODES.map((m) => (
          <label key={m.mode} className={shown === m.mode ? 'segment segment-on' : 'segment'} title={m.title}>
            <input
              type="radio"
              name="mode"
              value={m.mode}
              checked={shown === m.mode}
              disabled={watching && m.mode === 'slow'}
              onChange={() => void choose(m.mode)}
            />
            {m.label}
          </label>
        ))}
      </div>
      <label
        className="field field-speed"
        title="Slow mode: how fast the loop goes (the pause between iterations)"
      >
        <span>Speed</span>
        <input
          type="range"
          aria-label="Speed"
          min={FASTEST_MS}
          max={SLOWEST_MS}
          step={50}
          value={SLOWEST_MS + FASTEST_MS - shownDelay}
          disabled={mode !== 'slow'}
          aria-valuetext={`${shownDelay} ms between iterations`}
          onChange={(e) => void pace(SLOWEST_MS + FASTEST_MS - Number(e.target.value))}
        />
        <output className="speed-value">{shownDelay} ms</output>
      </label>
      <CommandError commands={MODE_COMMANDS} />
      <FieldError error={speedError} onDismiss={() => setSpeedError(null)} />
    </div>
  );
}
