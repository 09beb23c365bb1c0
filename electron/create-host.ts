import { SelectServer } from './lab/select-server';
import { LabHost } from './host/lab-host';

/** The engine and its host, as the Electron shell runs them (the fleet joins when it lands). */
export function createHost(): LabHost {
  return new LabHost(new SelectServer());
}
