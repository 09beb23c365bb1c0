import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { exportImageSchema } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';

/**
 * Export image in the desktop app: the window's own pixels (webContents.capturePage), saved as
 * a PNG where the user says in the save dialog. Null path: the user cancelled.
 */
export async function exportImage(
  window: BrowserWindow,
  args: unknown,
): Promise<Result<{ path: string | null }>> {
  const parsed = exportImageSchema.safeParse(args);
  if (!parsed.success) return fail('BAD_ARGUMENT', parsed.error.issues[0]?.message ?? 'Bad file name.');
  try {
    const image = await window.webContents.capturePage();
    const { canceled, filePath } = await dialog.showSaveDialog(window, {
      title: 'Export image',
      defaultPath: join(app.getPath('pictures'), parsed.data.name),
      filters: [{ name: 'PNG image', extensions: ['png'] }],
    });
    if (canceled || !filePath) return ok({ path: null });
    await writeFile(filePath, image.toPNG());
    return ok({ path: filePath });
  } catch (error) {
    return fail(
      'CAPTURE_FAILED',
      `Export image failed: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
}
