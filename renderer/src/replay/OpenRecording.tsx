import { useRef } from 'react';
import { blobSource } from '../../../shared/recording/byte-source';
import { useLabStore } from '../store/lab-store';
import { useFiles } from './files-context';
import { openReplay } from './open-replay';

/** What the page's own picker offers first; anything else can still be chosen. */
const ACCEPT = '.gz,.jsonl,.json,.log,.txt,application/gzip,application/json';

/**
 * Open recording…: the desktop app's own dialog (its main process shows it), or the page's
 * file picker in the browser, which gives the page the file and nothing else.
 */
export function OpenRecording() {
  const files = useFiles();
  const input = useRef<HTMLInputElement>(null);
  const opening = useLabStore((s) => s.opening);
  const choose = async (): Promise<void> => {
    if (!files.choose) return input.current?.click();
    const chosen = await files.choose();
    if (!chosen.ok) useLabStore.getState().setOpening(null, chosen.error.message);
    else if (chosen.value) await openReplay(chosen.value);
  };
  return (
    <div className="open-recording">
      <button
        type="button"
        className="btn"
        onClick={() => void choose()}
        title="Open a recording, or a npm run server -- --log jsonl file, as a replay (or drop one on the window)"
        aria-keyshortcuts="Control+O"
        data-shortcut="open-recording"
      >
        {opening ? 'Opening…' : 'Open recording…'}
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid="recording-file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = ''; // the same file again is a new choice
          if (file) void openReplay(blobSource(file, file.name));
        }}
      />
    </div>
  );
}
