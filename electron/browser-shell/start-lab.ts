import { FleetController } from '../fleet/controller';
import { nodeLauncher } from '../fleet/node-launcher';
import { join } from 'node:path';
import { LabHost } from '../host/lab-host';
import { SelectServer } from '../lab/select-server';
import { Recordings } from '../recording/recordings';
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
 * The engine, the client fleet (a forked process) and their host, served to a browser.
 * Rejects with the listen error (EADDRINUSE, …) so the caller can say what went wrong.
 */
export async function startLab(options: ShellOptions): Promise<RunningLab> {
  const engine = new SelectServer();
  const recordings = new Recordings(engine, recordingsDir());
  const host = new LabHost(engine, new FleetController(nodeLauncher()), recordings);
  const shell = await startBrowserShell(host, { recordings, ...options }).catch(async (error: unknown) => {
    await host.dispose();
    throw error;
  });
  return { shell, host, stop: async () => void (await Promise.all([shell.close(), host.dispose()])) };
}
