import { useEffect, useState } from 'react';
import { useLabStore } from '../store/lab-store';

/** How long a lost link may stay lost before the banner says where else the lab may be. */
const STILL_LOST_MS = 8_000;

/**
 * Shown once the link has stayed lost a while (it mounts with the lost banner, so it starts
 * afresh with each drop). Only a page served over HTTP, the browser shell's, has an address
 * the lab may have moved from.
 */
function StillNoAnswer() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), STILL_LOST_MS);
    return () => clearTimeout(timer);
  }, []);
  if (!shown || !window.location.protocol.startsWith('http')) return null;
  return (
    <>
      {' '}
      Still no answer at {window.location.host}: if the lab started again on another port (
      <code>--port 0</code> picks a new one each time), open the address it printed.
    </>
  );
}

/** The reason, with the command it ends with (if any) set as code, so it reads as something to type. */
function withCommand(reason: string) {
  const at = reason.indexOf('npm run ');
  if (at < 0) return reason;
  return (
    <>
      {reason.slice(0, at)}
      <code>{reason.slice(at)}</code>
    </>
  );
}

/**
 * Says plainly that the link to the lab dropped and is coming back (the window below is as it
 * was then), or that the lab no longer accepts this page's token and how to get the new URL.
 */
export function LinkLostBanner() {
  const link = useLabStore((s) => s.link);
  const reason = useLabStore((s) => s.linkError);
  if (link === 'refused')
    return (
      <div className="link-lost" role="alert" aria-label="Token refused">
        <span className="link-lost-dot" aria-hidden="true" />
        <span>
          <strong>This page’s token was refused.</strong> {withCommand(reason ?? '')}
        </span>
      </div>
    );
  if (link !== 'lost') return null;
  return (
    <div className="link-lost" role="alert" aria-label="Connection lost">
      <span className="link-lost-dot" aria-hidden="true" />
      <span>
        <strong>Connection to the lab lost</strong>{' '}
        {reason ?? '(the lab server restarted, or this computer slept).'} Reconnecting… What you see is as it
        was before the drop.
        <StillNoAnswer />
      </span>
    </div>
  );
}
