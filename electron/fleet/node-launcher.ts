import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeExit, type FleetLauncher, type FleetProcess } from './launcher';
import type { FromWorker } from './protocol';

/**
 * Where the worker is: the TypeScript source beside this file (tests, tsx),
 * or the built `fleet.js` beside the bundle that inlined this file.
 */
export function defaultWorkerPath(): string {
  const source = fileURLToPath(new URL('./worker.ts', import.meta.url));
  return existsSync(source) ? source : fileURLToPath(new URL('./fleet.js', import.meta.url));
}

/** execArgv for a TypeScript worker: tsx's loader, resolved from here so the cwd does not matter. */
export function loaderArgs(workerPath: string): string[] {
  if (!workerPath.endsWith('.ts')) return [];
  const loader = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(loader).href];
}

/** A Node child with an IPC channel (forked, or spawned with 'ipc' in its stdio) as the controller sees it. */
export function childFleetProcess(child: ChildProcess): FleetProcess {
  // A send racing the child's death fails with EPIPE; the exit handler reports the death.
  child.on('error', () => undefined);
  return {
    get pid() {
      return child.pid;
    },
    send: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as FromWorker)),
    onExit: (listener) => child.once('exit', (code, signal) => listener(describeExit(code, signal))),
    kill: () => child.kill(),
  };
}

/** Launches the fleet with `child_process.fork` (the browser shell, tests, benchmarks). */
export function nodeLauncher(workerPath: string = defaultWorkerPath()): FleetLauncher {
  return () =>
    childFleetProcess(
      fork(workerPath, [], {
        execArgv: loaderArgs(workerPath),
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        serialization: 'json',
      }),
    );
}
