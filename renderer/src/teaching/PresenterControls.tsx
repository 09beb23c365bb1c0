import { useState } from 'react';
import type { LabError } from '../../../shared/result';
import { useAction } from '../actions/use-action';
import { FieldError } from '../components/FieldError';
import { KeepFocusButton } from '../components/KeepFocusButton';
import { useLabStore } from '../store/lab-store';
import { ZOOM } from './teaching-slice';

/** "150", "150 %" → 150; anything else is refused with a sentence. */
export function parseZoom(text: string): { zoom: number } | { error: string } {
  const match = /^\s*(\d{1,3})\s*%?\s*$/.exec(text);
  const zoom = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(zoom)) return { error: 'Zoom must be a whole number of percent, such as 150.' };
  if (zoom < ZOOM.min || zoom > ZOOM.max)
    return { error: `Zoom must be between ${ZOOM.min} and ${ZOOM.max} %.` };
  return { zoom };
}

/** The Presenter switch, its one zoom for every panel, and Export image. */
export function PresenterControls() {
  const presenter = useLabStore((s) => s.presenter);
  const zoom = useLabStore((s) => s.zoom);
  const toggle = useAction('presenter');
  const exporter = useAction('export-image');
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<LabError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const apply = (): void => {
    if (draft === null) return;
    const parsed = parseZoom(draft);
    if ('error' in parsed) return setError({ code: 'BAD_ARGUMENT', message: parsed.error });
    setError(null);
    setDraft(null);
    useLabStore.getState().setZoom(parsed.zoom);
  };
  const exportNow = async (): Promise<void> => {
    const result = await exporter.run();
    setError(result.ok ? null : result.error);
    // The path the desktop app saved to, or the browser's download name; null: the dialog was cancelled.
    const path = result.ok ? (result.value as { path: string | null }).path : null;
    setSaved(path);
  };
  return (
    <div className="presenter-controls">
      <label className="switch" title="The lists, the code and the notes only, zoomed for a projector (F)">
        <input
          type="checkbox"
          role="switch"
          checked={presenter}
          aria-checked={presenter}
          aria-keyshortcuts="F"
          onChange={() => void toggle.run()}
        />
        <span className="switch-track" aria-hidden="true" />
        <span>Presenter</span>
      </label>
      {presenter && (
        <label className="field" title={`One zoom for every panel, ${ZOOM.min}–${ZOOM.max} %`}>
          <span>Zoom %</span>
          <input
            value={draft ?? String(zoom)}
            size={4}
            inputMode="numeric"
            onChange={(e) => setDraft(e.target.value)}
            onBlur={apply}
            onKeyDown={(e) => {
              if (e.key === 'Enter') apply();
            }}
          />
        </label>
      )}
      <KeepFocusButton className="btn" title={exporter.action.hint} onClick={() => void exportNow()}>
        Export image
      </KeepFocusButton>
      {saved && (
        <span className="export-saved muted" role="status">
          Saved {saved.slice(saved.lastIndexOf('/') + 1)}
        </span>
      )}
      <FieldError error={error} onDismiss={() => setError(null)} />
    </div>
  );
}
