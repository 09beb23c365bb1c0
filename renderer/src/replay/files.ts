/**
 * How the window gets at recording files, per shell. The desktop app: the main process's own
 * Open dialog and reads of what the user chose there; its recordings shown in the file
 * manager. The browser shell: the page's own file picker (or a drop), and downloads; a remote
 * page never names a path on the machine that serves it.
 */
import { MAX_READ_BYTES, type DesktopFiles, type OpenedFile } from '../../../shared/contract';
import { blobSource, type ByteSource } from '../../../shared/recording/byte-source';
import { fail, ok, type Result } from '../../../shared/result';

export interface RecordingFiles {
  /** The desktop app's Open dialog (null: cancelled); absent in the browser, whose page has its own picker. */
  choose?(): Promise<Result<ByteSource | null>>;
  /** One of the lab's own recordings, by the name its status gave. */
  saved(name: string): Promise<Result<ByteSource>>;
  /** The browser: a link that downloads a recording. */
  downloadUrl?(name: string): string;
  /** The desktop app: shows a recording in the file manager. */
  show?(name: string): Promise<Result<null>>;
  /** Files opened from the desktop app's menu (File → Open Recording…). */
  onOpened?(listener: (source: ByteSource) => void): () => void;
}

/** A file the main process opened, read a slice at a time over IPC. */
function ipcSource(files: DesktopFiles, file: OpenedFile): ByteSource {
  return {
    name: file.name,
    size: file.size,
    read: async (offset, length) => {
      const result = await files.readRecording({
        handle: file.handle,
        offset,
        length: Math.min(length, MAX_READ_BYTES),
      });
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
    close: () => void files.closeRecording({ handle: file.handle }),
  };
}

export function desktopFiles(files: DesktopFiles): RecordingFiles {
  return {
    choose: async () => {
      const chosen = await files.chooseRecording();
      if (!chosen.ok) return chosen;
      return ok(chosen.value && ipcSource(files, chosen.value));
    },
    saved: async (name) => {
      const opened = await files.openSavedRecording({ name });
      return opened.ok ? ok(ipcSource(files, opened.value)) : opened;
    },
    show: (name) => files.showSavedRecording({ name }),
    onOpened: (listener) => files.onRecordingOpened((file) => listener(ipcSource(files, file))),
  };
}

/** The browser shell's recordings: `/recordings/<name>`, with the page's own token. */
export function browserFiles(location: Pick<Location, 'search'>): RecordingFiles {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const downloadUrl = (name: string) =>
    `/recordings/${encodeURIComponent(name)}?token=${encodeURIComponent(token)}`;
  return {
    downloadUrl,
    saved: async (name) => {
      try {
        const response = await fetch(downloadUrl(name), { cache: 'no-store' });
        if (!response.ok) return fail('BAD_RECORDING', `${name} could not be fetched (${response.status}).`);
        return ok(blobSource(await response.blob(), name));
      } catch (error) {
        return fail('TRANSPORT', `${name} could not be fetched: ${(error as Error).message}`);
      }
    },
  };
}
