import { useShallow } from 'zustand/react/shallow';
import type { Notice } from '../../../shared/contract';
import type { LabState } from '../store/lab-store';
import { useLabStore } from '../store/lab-store';

/** Shown at once; older notices wait in the store. */
const SHOWN = 3;

/** Undismissed notices, except crashes: the crash banner shows those beside the lists. */
function selectShown(s: LabState): Notice[] {
  const crashCodes = new Set<string>(s.crashes.map((c) => c.action.exception));
  return s.notices.filter((n) => n.at > s.dismissedBefore && !crashCodes.has(n.code)).slice(-SHOWN);
}

/** Notices from the engine (warnings, errors, coalescing), until dismissed. */
export function NoticesBar() {
  const notices = useLabStore(useShallow(selectShown));
  const dismiss = useLabStore((s) => s.dismissNotices);
  // Only a link that never came up is reported here; a lost one has its own banner.
  const linkError = useLabStore((s) => (s.link === 'failed' ? s.linkError : null));
  if (notices.length === 0 && !linkError) return null;
  return (
    <div className="notices" aria-label="Notices" role="region">
      <div className="notice-list">
        {linkError && (
          <p className="notice notice-error" role="alert">
            <strong>Not connected to the engine.</strong> {linkError}
          </p>
        )}
        {notices.map((notice) => (
          <p
            key={`${notice.at}-${notice.code}`}
            className={`notice notice-${notice.level}`}
            role={notice.level === 'error' ? 'alert' : 'status'}
          >
            <strong>{notice.code}</strong> {notice.message}
          </p>
        ))}
      </div>
      {notices.length > 0 && (
        <button type="button" className="btn btn-small" onClick={dismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
