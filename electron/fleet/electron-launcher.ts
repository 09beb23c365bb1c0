import { utilityProcess } from 'electron';
import { describeExit, type FleetLauncher } from './launcher';
import type { FromWorker } from './protocol';

/**
 * Launches the fleet as an Electron utility process, so a client storm
 * neither stalls the main process's loop nor shares its file-descriptor limit.
 * `modulePath` is the built worker (`out/main/fleet.js`).
 */
export function utilityLauncher(modulePath: string): FleetLauncher {
  return () => {
    const child = utilityProcess.fork(modulePath, [], {
      serviceName: 'Socket Lab clients',
      stdio: 'inherit',
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (message: unknown) => listener(message as FromWorker)),
      onExit: (listener) => child.once('exit', (code) => listener(describeExit(code, null))),
      kill: () => void child.kill(),
    };
  };
}
