/**
 * The seed (bench/seed_server.py) run under the lab's tracer, as `npm run trace` runs a
 * program: every select() and socket call reported, and built into iteration records.
 * What the tracer costs the program is what this measures against the untraced seed.
 */
import { fileURLToPath } from 'node:url';
import { TracedServer } from '../electron/tracer/traced-server';
import type { FromServer, ToServer } from './protocol';

const seed = fileURLToPath(new URL('./seed_server.py', import.meta.url));

async function main(): Promise<void> {
  // The seed prints "listening <port>" on its stdout, which is ours: the bench reads it there.
  const backlog = process.argv[2] ?? '5';
  const server = new TracedServer({ args: [seed, '0', `--backlog=${backlog}`], stdout: 'inherit' });
  let records = 0;
  let actions = 0;
  server.on('iteration', (record) => {
    records++;
    actions += record.actions.length;
  });
  const started = await server.start();
  if (!started.ok) {
    console.error(started.error.message);
    process.exit(1);
  }
  process.on('message', (message: ToServer) => {
    if (message.type === 'stats') process.send?.({ type: 'stats', records, actions } satisfies FromServer);
    else void server.stop().then(() => process.exit(0));
  });
  process.on('disconnect', () => void server.stop().then(() => process.exit(0)));
}

void main();
