import { useId, type ReactNode } from 'react';
import type { RecordingStatus } from '../../../shared/recording/status';
import { CommandError } from '../components/CommandError';
import { formatBytes, formatCount } from '../components/format';
import { KeepFocusButton } from '../components/KeepFocusButton';
import { useSend } from '../store/commands';
import { useLabStore } from '../store/lab-store';
import { useMenu } from '../teaching/Menu';
import { Popover } from '../teaching/Popover';
import { useFiles } from './files-context';
import { openReplay } from './open-replay';

const RECORD_COMMANDS = ['startRecording', 'stopRecording'] as const;

type Last = NonNullable<RecordingStatus['last']>;

/** "Saved · 25 iterations · 1.3 KiB": the last recording in a line. */
const summaryOf = (last: Last): string =>
  `${last.error ? 'Stopped early' : 'Saved'} · ${formatCount(last.iterations)} iterations · ${formatBytes(last.bytes)}`;

/**
 * The last recording, in a line under Record; the line opens a panel with its file, where it is
 * kept, and Download (browser) or Show in folder (desktop), and Open.
 */
function LastRecording({ last, folder }: { last: Last; folder: string }) {
  const files = useFiles();
  const { open, setOpen, button, close } = useMenu();
  const id = useId();
  const summary = summaryOf(last);
  const openAsReplay = async (): Promise<void> => {
    const source = await files.saved(last.name);
    if (!source.ok) useLabStore.getState().setOpening(null, source.error.message);
    else await openReplay(source.value);
  };
  return (
    <div className="recording-last">
      <button
        ref={button}
        type="button"
        className="recording-summary"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`Last recording: ${summary}`}
        title={`${last.name}: where it is kept, ${files.downloadUrl ? 'Download' : 'Show in folder'} and Open`}
        onClick={() => setOpen(!open)}
      >
        <span className="recording-summary-text">{summary}</span>
        <span className="recording-chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <Popover id={id} label="Last recording" onClose={close} returnTo={button}>
          <div className="recording-details">
            <p className="recording-name">
              {last.name}
              {last.error && ' (stopped early)'}
            </p>
            <p className="recording-facts">{summary}</p>
            {last.error && <p className="recording-why">{last.error}</p>}
            <p className="recording-folder">Kept in {folder}</p>
            <div className="recording-actions">
              {files.downloadUrl && (
                <a className="btn btn-small" href={files.downloadUrl(last.name)} download={last.name}>
                  Download
                </a>
              )}
              {files.show && (
                <button type="button" className="btn btn-small" onClick={() => void files.show?.(last.name)}>
                  Show in folder
                </button>
              )}
              <button
                type="button"
                className="btn btn-small"
                onClick={() => void openAsReplay()}
                aria-label={`Open ${last.name} as a replay`}
              >
                Open
              </button>
            </div>
          </div>
        </Popover>
      )}
    </div>
  );
}

/**
 * Record: the session from now on, to a file the lab keeps. Two short lines, so the toolbar's
 * first row keeps its counters at 1280 px: Record (or Stop recording) beside `open` (Open
 * recording…), and under them what recording is doing — nothing yet, the size and iterations so
 * far, or the last recording, whose line opens its details and actions.
 */
export function RecordControls({ open }: { open?: ReactNode }) {
  const send = useSend();
  const status = useLabStore((s) => s.recording);
  const listening = useLabStore((s) => s.engine?.server.state === 'listening');
  if (!status) return open;
  const active = status.active;
  return (
    <div
      className="record-controls"
      role="group"
      aria-label="Recording"
      data-recording={active ? 'on' : 'off'}
    >
      <div className="record-buttons">
        <KeepFocusButton
          className={active ? 'btn btn-small btn-stop record-button' : 'btn btn-small record-button'}
          disabled={!active && !listening}
          onClick={() => void send(active ? 'stopRecording' : 'startRecording', {})}
          title={
            active
              ? 'Stop recording: the file is finished and kept'
              : listening
                ? 'Record the session from now on, to a file you can open, step back through and share'
                : 'Start the server first: a recording follows the running server'
          }
        >
          <span className="record-dot" aria-hidden="true" />
          {active ? 'Stop recording' : 'Record'}
        </KeepFocusButton>
        {open}
      </div>
      <div className="record-status">
        {active ? (
          <span
            className="recording-progress"
            role="group"
            aria-label="Recording so far"
            title={
              active.busy
                ? 'Other programs keep every core busy: the recording now takes a fair share of the CPU, so nothing is lost (the lab may run a little slower).'
                : undefined
            }
          >
            {formatBytes(active.bytes)} · {formatCount(active.iterations)} iterations
            {active.busy && (
              <>
                {' · '}
                <span className="recording-busy">machine busy</span>
              </>
            )}
          </span>
        ) : status.last ? (
          <LastRecording last={status.last} folder={status.folder} />
        ) : (
          <span className="recording-idle">Not recording</span>
        )}
      </div>
    </div>
  );
}

/** Why Record or Stop recording failed, for the line under the toolbar's first row (Toolbar.tsx). */
export function RecordError() {
  return <CommandError commands={RECORD_COMMANDS} />;
}
