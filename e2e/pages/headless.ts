import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Fidelity } from '../../shared/engine';
import { openClient } from './tcp';

const root = join(import.meta.dirname, '../..');

/**
 * Runs `npm run server -- --log jsonl --record FILE` for real (its entry), has `clients`
 * clients echo `messages` lines each and leave, then Ctrl-C: the log and the recording it made.
 */
export async function headlessSession(
  dir: string,
  {
    clients = 2,
    messages = 5,
    fidelity = 'safe',
  }: { clients?: number; messages?: number; fidelity?: Fidelity } = {},
): Promise<{ log: string; recording: string }> {
  const log = join(dir, fidelity === 'safe' ? 'server.jsonl' : `server-${fidelity}.jsonl`);
  const recording = join(dir, fidelity === 'safe' ? 'headless.slrec.gz' : `headless-${fidelity}.slrec.gz`);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/lab/headless.ts',
      ...['--port', '0', '--fidelity', fidelity, '--log', 'jsonl', '--record', recording],
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const out = createWriteStream(log);
  const written = once(out, 'finish');
  child.stdout.pipe(out);
  const stderr = createInterface({ input: child.stderr })[Symbol.asyncIterator]();
  const banner = String((await stderr.next()).value);
  const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(banner)?.[1]);
  if (!port) throw new Error(`the headless server said: ${banner}`);
  const peers = await Promise.all(Array.from({ length: clients }, () => openClient(port)));
  for (let i = 0; i < messages; i++) {
    for (const [p, peer] of peers.entries()) {
      const line = `line ${i} from client ${p}\n`;
      peer.socket.write(line);
      await peer.waitForEcho(line);
    }
  }
  for (const peer of peers) peer.socket.end();
  const exited = once(child, 'exit');
  // The server has closed each one (its FIN came back) before Ctrl-C.
  await Promise.all(peers.map((peer) => (peer.socket.readableEnded ? null : once(peer.socket, 'end'))));
  for (const peer of peers) peer.close();
  child.kill('SIGINT');
  await exited;
  await written;
  return { log, recording };
}
