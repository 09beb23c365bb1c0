import { join } from 'node:path';
import { FleetController } from '../fleet/controller';
import { utilityLauncher } from '../fleet/electron-launcher';
import { SelectServer } from '../lab/select-server';
import { LabHost } from '../host/lab-host';

/** The engine and its host, as the Electron shell runs them; the fleet runs in a utility process (`out/main/fleet.js`). */
export function createHost(): LabHost {
  const fleet = new FleetController(utilityLauncher(join(import.meta.dirname, 'fleet.js')));
  return new LabHost(new SelectServer(), fleet);
}
