import { formatAction } from '../../../shared/format';
import { useLabStore } from '../store/lab-store';
import { selectWatching } from '../store/selectors';

/**
 * The newest place the original server would have died, kept on screen with a way to look at it:
 * the first crash of the newest iteration that had one (the original dies there; what the lab
 * records after it in the same pass, as a fixed server carrying on, is in the timeline).
 */
export function CrashBanner() {
  const crash = useLabStore((s) => {
    const newest = s.crashes.at(-1)?.n;
    return s.crashes.find((c) => c.n === newest);
  });
  const count = useLabStore((s) => s.crashes.length);
  const view = useLabStore((s) => s.view);
  const tutorial = useLabStore((s) => s.engine?.fidelity === 'tutorial');
  const program = useLabStore(selectWatching);
  if (!crash) return null;
  const { action } = crash;
  return (
    <div className="crash-banner" role="alert" data-iteration={crash.n}>
      <span className="crash-icon" aria-hidden="true">
        ✖
      </span>
      <span>
        Iteration {crash.n}:{' '}
        {program && action.kind === 'crash'
          ? `the program died here of ${action.exception}: ${action.detail}.`
          : `${formatAction(action)}.`}
        {count > 1 ? ` (${count} so far.)` : ''}{' '}
        {tutorial && !program ? 'The lab keeps going; the seed as written would not.' : ''}
      </span>
      <button type="button" className="btn btn-small" onClick={() => view(crash.n)}>
        Show iteration {crash.n}
      </button>
    </div>
  );
}
