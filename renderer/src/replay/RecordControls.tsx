import type { RecordingStatus } from '../../../shared/recording/status';
import { CommandError } from '../components/CommandError';
import { formatBytes, formatCount } from '../components/format';
import { KeepFocusButton } from '../components/KeepFocusButton';
import { useSend } from '../store/commands';
import { useLabStore } from '../store/lab-store';
import { useFiles } from './files-context';
import { openReplay } from './open-replay';

const RECORD_COMMANDS = ['startRecording', 'stopRecording'] as const;

/** The last recording: where it is, and Download (browser) or Show in folder (desktop), and Open. */
function LastRecording({ last, folder }: { last: NonNullable<RecordingStatus['last']>; folder: string }) {
  const files = useFiles();
  const open = async (): Promise<void> => {
    const source = await files.saved(last.name);
    if (!source.ok) useLabStore.getState().setOpening(null, source.error.message);
    else await openReplay(source.value);
  };
  return (
    <span className="recording-last" title={`Kept in ${folder}`}>
      <span className="recording-name">
        {last.error ? `${last.name} (stopped early)` : `Saved ${last.name}`} · {formatCount(last.iterations)}{' '}
        iterations · {formatBytes(last.bytes)}
      </span>
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
        onClick={() => void open()}
        aria-label={`Open ${last.name} as a replay`}
      >
        Open
      </button>
    </span>
  );
}

/**
 * Record: the session from now on, to a file the lab keeps (size so far while it runs);
 * then where it went, and how to get it.
 */
export function RecordControls() {
  const send = useSend();
  const status = useLabStore((s) => s.recording);
  const listening = useLabStore((s) => s.engine?.server.state === 'listening');
  if (!status) return null;
  const active = status.active;
  return (
    <div className="record-controls" data-recording={active ? 'on' : 'off'}>
      <KeepFocusButton
        className={active ? 'btn btn-stop record-button' : 'btn record-button'}
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
      {active && (
        <span
          className="recording-progress"
          aria-label="Recording so far"
          title={
            active.busy
              ? 'Other programs keep every core busy: the recording now takes a fair share of the CPU, so nothing is lost (the lab may run a little slower).'
              : undefined
          }
        >
          {formatBytes(active.bytes)} · {formatCount(active.iterations)} iterations
          {active.busy ? ' · machine busy' : ''}
        </span>
      )}
      {!active && status.last && <LastRecording last={status.last} folder={status.folder} />}
      <CommandError commands={RECORD_COMMANDS} />
    </div>
  );
}
