import { FleetController } from '../fleet/controller';
import { nodeLauncher } from '../fleet/node-launcher';
import { join } from 'node:path';
import type { EnginePort } from '../host/engine-port';
import { EngineSwitch } from '../host/engine-switch';
import { LabHost } from '../host/lab-host';
import { SelectServer } from '../lab/select-server';
import { Recordings } from '../recording/recordings';
import { ProgramSwitcher } from '../tracer/program-switcher';
import { runtimeDir } from './token-file';
import { startBrowserShell, type BrowserShell, type ShellOptions } from './shell';

/**
 * Where the browser shell keeps recordings: SOCKET_LAB_RECORDINGS_DIR, else beside its token,
 * private to the user. The window downloads them (a remote page never names a path).
 */
export const recordingsDir = (env: NodeJS.ProcessEnv = process.env): string =>
  env.SOCKET_LAB_RECORDINGS_DIR || join(runtimeDir(env), 'recordings');

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
  let recordings: Recordings;
  if (engine) {
    recordings = new Recordings(engine, recordingsDir());
    host = new LabHost(engine, fleet, { recordings });
  } else {
    // The lab's engine, which --allow-run lets the window swap for a real program (the seed itself).
    const engines = new EngineSwitch(new SelectServer());
    recordings = new Recordings(engines, recordingsDir());
    const programs = options.allowRun ? new ProgramSwitcher(engines) : undefined;
    host = new LabHost(engines, fleet, { programs, recordings });
  }
  const shell = await startBrowserShell(host, { recordings, ...options }).catch(async (error: unknown) => {
    await host.dispose();
    throw error;
  });
  return { shell, host, stop: async () => void (await Promise.all([shell.close(), host.dispose()])) };
}
