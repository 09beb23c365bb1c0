import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

/** A browser shell of the spec's own (`npm run serve`'s entry), on a port and token folder it chooses. */
export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** Ctrl-C, as a user stops it; resolves once it has exited. */
  stop(): Promise<void>;
}

/** Starts `electron/serve.ts --port <port> …args` with its token kept in `runtimeDir`; resolves with the URL it prints. */
export function startServe(port: number, runtimeDir: string, args: string[] = []): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/serve.ts', '--port', String(port), ...args],
    {
      cwd: root,
      env: { ...process.env, SOCKET_LAB_RUNTIME_DIR: runtimeDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output)?.[0];
      if (!url) return;
      child.stdout.off('data', onData);
      resolve({
        url,
        child,
        stop: async () => {
          if (child.exitCode !== null) return;
          const exited = once(child, 'exit');
          child.kill('SIGINT');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`the browser shell exited (${code}) before printing its URL:\n${output}`)),
    );
  });
}
