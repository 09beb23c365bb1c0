import { dialog, shell, type BrowserWindow } from 'electron';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenedFile } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import type { Recordings } from '../recording/recordings';

/** Files open at once: a window that forgets to close one cannot hold many. */
const MAX_OPEN = 4;

/**
 * The recordings the window may read: files the user chose in the main process's own Open
 * dialog (or the lab's own recordings, by name), each behind a handle. The window never
 * names a path; it reads slices of what it was given, and memory holds only those slices.
 */
export class RecordingFiles {
  private readonly files = new Map<number, { handle: FileHandle; name: string }>();
  private next = 1;

  constructor(
    private readonly window: BrowserWindow,
    private readonly recordings: Pick<Recordings, 'pathOf'>,
  ) {}

  /** The Open dialog: a handle on what the user chose, or null. */
  async choose(): Promise<Result<OpenedFile | null>> {
    const chosen = await dialog.showOpenDialog(this.window, {
      title: 'Open a recording',
      buttonLabel: 'Open',
      properties: ['openFile'],
      filters: [
        { name: 'Socket Lab recordings and logs', extensions: ['gz', 'jsonl', 'json', 'log'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    const path = chosen.filePaths[0];
    if (chosen.canceled || !path) return ok(null);
    return this.open(path);
  }

  /** One of the lab's own recordings, by the name its status gave. */
  async openSaved(name: string): Promise<Result<OpenedFile>> {
    const path = await this.recordings.pathOf(name);
    return path ? this.open(path) : fail('BAD_RECORDING', `There is no recording named ${name}.`);
  }

  async showSaved(name: string): Promise<Result<null>> {
    const path = await this.recordings.pathOf(name);
    if (!path) return fail('BAD_RECORDING', `There is no recording named ${name}.`);
    shell.showItemInFolder(path);
    return ok(null);
  }

  async read(handle: number, offset: number, length: number): Promise<Result<Uint8Array>> {
    const file = this.files.get(handle);
    if (!file) return fail('BAD_ARGUMENT', 'That file is no longer open.');
    const buffer = Buffer.alloc(length);
    try {
      const { bytesRead } = await file.handle.read(buffer, 0, length, offset);
      return ok(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
    } catch (error) {
      return fail('BAD_RECORDING', `${file.name} could not be read: ${(error as Error).message}.`);
    }
  }

  async close(handle: number): Promise<Result<null>> {
    const file = this.files.get(handle);
    this.files.delete(handle);
    await file?.handle.close().catch(() => undefined);
    return ok(null);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.files.keys()].map((handle) => this.close(handle)));
  }

  private async open(path: string): Promise<Result<OpenedFile>> {
    try {
      const handle = await open(path, 'r');
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return fail('BAD_RECORDING', `${basename(path)} is not a file.`);
      }
      const id = this.next++;
      this.files.set(id, { handle, name: basename(path) });
      for (const oldest of this.files.keys()) {
        if (this.files.size <= MAX_OPEN) break;
        await this.close(oldest);
      }
      return ok({ handle: id, name: basename(path), size: info.size });
    } catch (error) {
      return fail('BAD_RECORDING', `${basename(path)} could not be opened: ${(error as Error).message}.`);
    }
  }
}
