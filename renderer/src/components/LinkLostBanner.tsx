import { useLabStore } from '../store/lab-store';

/** Says plainly that the link to the lab dropped and is coming back; the window below is as it was then. */
export function LinkLostBanner() {
  const lost = useLabStore((s) => s.link === 'lost');
  const reason = useLabStore((s) => s.linkError);
  if (!lost) return null;
  return (
    <div className="link-lost" role="alert" aria-label="Connection lost">
      <span className="link-lost-dot" aria-hidden="true" />
      <span>
        <strong>Connection to the lab lost</strong>{' '}
        {reason ?? '(the lab server restarted, or this computer slept).'} Reconnecting… What you see is as it
        was before the drop.
      </span>
    </div>
  );
}
