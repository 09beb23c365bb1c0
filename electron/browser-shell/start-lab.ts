import { FleetController } from '../fleet/controller';
import { nodeLauncher } from '../fleet/node-launcher';
import type { EnginePort } from '../host/engine-port';
import { EngineSwitch } from '../host/engine-switch';
import { LabHost } from '../host/lab-host';
import { SelectServer } from '../lab/select-server';
import { ProgramSwitcher } from '../tracer/program-switcher';
import { startBrowserShell, type BrowserShell, type ShellOptions } from './shell';

/** The lab as the browser shell runs it. */
export interface RunningLab {
  shell: BrowserShell;
  host: LabHost;
  /** Closes the shell, stops the clients and the server. */
  stop(): Promise<void>;
}

/**
 * The engine (or a traced program: `npm run trace`), the client fleet (a forked process)
 * and their host, served to a browser.
 * Rejects with the listen error (EADDRINUSE, …) so the caller can say what went wrong.
 */
export async function startLab(
  options: ShellOptions & { allowRun?: boolean },
  engine?: EnginePort,
): Promise<RunningLab> {
  const fleet = new FleetController(nodeLauncher());
  let host: LabHost;
  if (engine) host = new LabHost(engine, fleet);
  else {
    // The lab's engine, which --allow-run lets the window swap for a real program (the seed itself).
    const engines = new EngineSwitch(new SelectServer());
    host = new LabHost(engines, fleet, options.allowRun ? new ProgramSwitcher(engines) : undefined);
  }
  const shell = await startBrowserShell(host, options).catch(async (error: unknown) => {
    await host.dispose();
    throw error;
  });
  return { shell, host, stop: async () => void (await Promise.all([shell.close(), host.dispose()])) };
}
