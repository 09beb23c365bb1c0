import { fail, ok, type Result } from '../../../shared/result';
import { useLabStore } from '../store/lab-store';

/** "socket-lab-iteration-12.png": the step on screen, for the slide's file name. */
function fileName(): string {
  const { engine, viewing } = useLabStore.getState();
  return `socket-lab-iteration-${viewing ?? engine?.iteration ?? 0}.png`;
}

/** Saves a blob as a download, as a browser does for a link with `download`. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Export image: the window as it is now, as a PNG. The desktop app captures its own page
 * (webContents.capturePage) and asks where to save it; the browser shell renders the page
 * with html-to-image (the browser's own layout, through an SVG foreignObject) and downloads it.
 */
export async function exportImage(): Promise<Result<unknown>> {
  const name = fileName();
  if (window.labDesktop) return window.labDesktop.exportImage({ name });
  const root = document.querySelector<HTMLElement>('.app');
  if (!root) return fail('CAPTURE_FAILED', 'There is no window to capture.');
  try {
    const { toBlob } = await import('html-to-image');
    const background = getComputedStyle(document.body).backgroundColor;
    // The size on screen: in Presenter mode the window is zoomed, and the slide should be too.
    const { width, height } = root.getBoundingClientRect();
    const blob = await toBlob(root, {
      backgroundColor: background,
      width: Math.round(width),
      height: Math.round(height),
      pixelRatio: window.devicePixelRatio || 1,
      // The page's fonts are the system's: nothing to embed, and no fetch the CSP would refuse.
      skipFonts: true,
    });
    if (!blob) return fail('CAPTURE_FAILED', 'The browser could not draw the window as an image.');
    download(blob, name);
    return ok({ path: name });
  } catch (error) {
    const why = error instanceof Error ? error.message : 'the page could not be drawn';
    return fail('CAPTURE_FAILED', `Export image failed: ${why}.`);
  }
}
