import { useShallow } from 'zustand/react/shallow';
import { useLabStore } from '../store/lab-store';

/** Shown at once; older notices wait in the store. */
const SHOWN = 3;

/** Notices from the engine (warnings, errors, coalescing), until dismissed. */
export function NoticesBar() {
  const notices = useLabStore(
    useShallow((s) => s.notices.filter((n) => n.at > s.dismissedBefore).slice(-SHOWN)),
  );
  const dismiss = useLabStore((s) => s.dismissNotices);
  const linkError = useLabStore((s) => s.linkError);
  if (notices.length === 0 && !linkError) return null;
  return (
    <div className="notices" aria-label="Notices" role="region">
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
      {notices.length > 0 && (
        <button type="button" className="btn btn-small" onClick={dismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
