import { app } from 'electron';
import { join } from 'node:path';
import { FleetController } from '../fleet/controller';
import { utilityLauncher } from '../fleet/electron-launcher';
import { SelectServer } from '../lab/select-server';
import { LabHost } from '../host/lab-host';
import { Recordings } from '../recording/recordings';

/**
 * The engine and its host, as the Electron shell runs them; the fleet runs in a utility
 * process (`out/main/fleet.js`). Recordings go to Documents/Socket Lab, where the user
 * finds them (SOCKET_LAB_RECORDINGS_DIR moves them).
 */
export function createHost(): { host: LabHost; recordings: Recordings } {
  const fleet = new FleetController(utilityLauncher(join(import.meta.dirname, 'fleet.js')));
  const engine = new SelectServer();
  const folder = process.env.SOCKET_LAB_RECORDINGS_DIR || join(app.getPath('documents'), 'Socket Lab');
  const recordings = new Recordings(engine, folder);
  return { host: new LabHost(engine, fleet, recordings), recordings };
}
