import { app, dialog } from 'electron';
import { join } from 'node:path';
import { FleetController } from '../fleet/controller';
import { utilityLauncher } from '../fleet/electron-launcher';
import { EngineSwitch } from '../host/engine-switch';
import { LabHost } from '../host/lab-host';
import { SelectServer } from '../lab/select-server';
import { Recordings } from '../recording/recordings';
import { ProgramSwitcher } from '../tracer/program-switcher';

/** The Python program to watch, picked in the system's file dialog (the main process opens it, not the page). */
async function choosePythonProgram(): Promise<string | null> {
  const picked = await dialog.showOpenDialog({
    title: 'Watch a program',
    buttonLabel: 'Watch',
    properties: ['openFile'],
    filters: [
      { name: 'Python programs', extensions: ['py'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
}

/**
 * The engine and its host, as the Electron shell runs them; the fleet runs in a utility process
 * (`out/main/fleet.js`). The desktop app may watch a real program in the engine's place: the seed
 * itself, or one the user picks in the file dialog. Recordings go to Documents/Socket Lab, where
 * the user finds them (SOCKET_LAB_RECORDINGS_DIR moves them), and follow whichever runs.
 */
export function createHost(): { host: LabHost; recordings: Recordings } {
  const fleet = new FleetController(utilityLauncher(join(import.meta.dirname, 'fleet.js')));
  const engines = new EngineSwitch(new SelectServer());
  const folder = process.env.SOCKET_LAB_RECORDINGS_DIR || join(app.getPath('documents'), 'Socket Lab');
  const recordings = new Recordings(engines, folder);
  const programs = new ProgramSwitcher(engines, choosePythonProgram);
  return { host: new LabHost(engines, fleet, { programs, recordings }), recordings };
}
