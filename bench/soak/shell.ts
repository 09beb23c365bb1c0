/**
 * The soak's browser shell: the lab exactly as `npm run serve` runs it (engine, forked fleet,
 * host, shell; a one-run token, never the user's kept one), in a process of its own so its
 * memory is its own. Tells its parent the URL,
 * answers `memory` after a full GC (run it with --expose-gc), stops on `stop` or with its parent.
 */
import { join } from 'node:path';
import { newToken } from '../../electron/browser-shell/guards';
import { startLab } from '../../electron/browser-shell/start-lab';

const staticDir = join(import.meta.dirname, '../../out/renderer');
const lab = await startLab({ staticDir, port: 0, token: newToken() });
const stop = () => void lab.stop().finally(() => process.exit(0));
process.send?.({ type: 'ready', url: lab.shell.url });
process.on('message', (message: { type: string }) => {
  if (message.type === 'stop') return stop();
  if (message.type !== 'memory') return;
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed, external } = process.memoryUsage();
  process.send?.({ type: 'memory', rss, heapUsed, external });
});
process.on('disconnect', stop);
