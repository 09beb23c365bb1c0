import { formatCount } from '../components/format';
import { useLabStore } from '../store/lab-store';
import { GoTo } from './GoTo';
import type { ReplayInfo } from './replay-info';
import { Scrubber } from './Scrubber';

const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10];

/** How a recording that finished properly ended, when it is worth saying. */
const ENDINGS: Record<string, string> = {
  'server-stopped': 'It ends where the server was stopped.',
  'server-crashed': 'It ends where the server stopped, as the original would have died.',
  quit: 'It ends where the lab quit.',
  error: 'It ends early: the disk could not keep up.',
};

function describe(info: ReplayInfo): string {
  if (info.kind === 'log') return `the log ${info.name}, its state rebuilt from its records`;
  const when = info.startedAt === null ? '' : `, recorded ${new Date(info.startedAt).toLocaleString()}`;
  return `${info.name}${when}`;
}

/** "Iteration 1,234 of 5,000 · action 3 of 7". */
function where(info: ReplayInfo): string {
  const { n, done } = info.position;
  const inside = done > 0 ? ` · iteration ${formatCount(n + 1)}, action ${done} of ${info.actions}` : '';
  return `Iteration ${formatCount(n)} of ${formatCount(info.last)}${inside}`;
}

/** A file that could not be opened: what is wrong with it; whatever the window showed is untouched. */
export function OpenError() {
  const error = useLabStore((s) => s.openError);
  if (!error) return null;
  return (
    <div className="replay-error" role="alert" aria-label="Recording not opened">
      <span>{error}</span>
      <button
        type="button"
        className="field-error-close"
        aria-label="Dismiss"
        onClick={() => useLabStore.getState().setOpening(null)}
      >
        ×
      </button>
    </div>
  );
}

/**
 * The replay's banner: no sockets, everything from the file, and the file's own problems;
 * then where it stands, the scrubber, Go to, Run's speed, and Close.
 */
export function ReplayBar() {
  const replay = useLabStore((s) => s.replay);
  const fidelity = useLabStore((s) => s.engine?.fidelity ?? 'safe');
  if (!replay) return null;
  const { source, info } = replay;
  return (
    <section
      className="replay-bar"
      aria-label="Replay"
      data-mode={info.mode}
      data-position={info.position.n}
      data-done={info.position.done}
    >
      <p className="replay-banner">
        <strong>Replay</strong> — no sockets: every panel shows {describe(info)}.
        {info.ended && ENDINGS[info.ended] ? ` ${ENDINGS[info.ended]}` : ''}{' '}
        <span className="replay-fidelity" data-fidelity={fidelity}>
          {fidelity === 'tutorial'
            ? 'Here it ran in Tutorial mode: the seed’s bugs as written.'
            : 'Here it ran in Safe mode: no byte lost.'}
        </span>
      </p>
      {info.warnings.length > 0 && (
        <ul className="replay-warnings" aria-label="Problems with the file">
          {info.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <div className="replay-controls">
        <span className="replay-where" aria-live="off">
          {where(info)}
        </span>
        <Scrubber source={source} info={info} />
        <GoTo source={source} info={info} />
        <label className="field" title="Run plays the recording at its own pace, this many times faster">
          <span>Run at</span>
          <select
            aria-label="Run speed"
            value={info.speed}
            onChange={(event) => source.setSpeed(Number(event.target.value))}
          >
            {SPEEDS.map((speed) => (
              <option key={speed} value={speed}>
                {speed}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" onClick={() => useLabStore.getState().closeReplay()}>
          Close replay
        </button>
      </div>
    </section>
  );
}
