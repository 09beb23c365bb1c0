import { join } from 'node:path';
import { dialog } from 'electron';
import { FleetController } from '../fleet/controller';
import { utilityLauncher } from '../fleet/electron-launcher';
import { EngineSwitch } from '../host/engine-switch';
import { LabHost } from '../host/lab-host';
import { SelectServer } from '../lab/select-server';
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
 * itself, or one the user picks in the file dialog.
 */
export function createHost(): LabHost {
  const fleet = new FleetController(utilityLauncher(join(import.meta.dirname, 'fleet.js')));
  const engines = new EngineSwitch(new SelectServer());
  return new LabHost(engines, fleet, new ProgramSwitcher(engines, choosePythonProgram));
}
