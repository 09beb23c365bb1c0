import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Where and how big the window was when it last closed. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW: WindowState = { width: 1280, height: 800, maximized: false };

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/**
 * A saved state made safe: sizes clamped, and the position dropped unless the window's
 * top-left region lies on one of today's displays (a monitor may have been unplugged).
 */
export function sanitizeWindowState(raw: unknown, displays: readonly Area[]): WindowState {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_WINDOW;
  const saved = raw as Record<string, unknown>;
  const width = isInt(saved.width) ? Math.min(Math.max(saved.width, 800), 10_000) : DEFAULT_WINDOW.width;
  const height = isInt(saved.height) ? Math.min(Math.max(saved.height, 560), 10_000) : DEFAULT_WINDOW.height;
  const maximized = saved.maximized === true;
  if (!isInt(saved.x) || !isInt(saved.y)) return { width, height, maximized };
  const { x, y } = saved;
  const visible = displays.some(
    (d) => x + 100 > d.x && x + 100 < d.x + d.width && y >= d.y && y + 50 < d.y + d.height,
  );
  return visible ? { x, y, width, height, maximized } : { width, height, maximized };
}

export async function loadWindowState(file: string, displays: readonly Area[]): Promise<WindowState> {
  try {
    return sanitizeWindowState(JSON.parse(await readFile(file, 'utf8')), displays);
  } catch {
    return DEFAULT_WINDOW;
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(state));
}
