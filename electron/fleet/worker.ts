import { Fleet } from './fleet';
import type { FromWorker, ToWorker } from './protocol';

/**
 * The fleet process's entry. It runs under `child_process.fork` (plain Node)
 * or Electron's `utilityProcess.fork`; it imports nothing from `electron`, and
 * only tells the two apart by whether `process.parentPort` exists.
 */

interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function parentPort(): ParentPortLike | null {
  const port = (process as { parentPort?: ParentPortLike }).parentPort;
  return port ?? null;
}

function isToWorker(value: unknown): value is ToWorker {
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string';
}

const port = parentPort();
const emit = (message: FromWorker): void => {
  if (port) port.postMessage(message);
  else if (process.connected) process.send?.(message);
};
const fleet = new Fleet(emit);
const handle = (message: unknown): void => {
  if (isToWorker(message)) fleet.handle(message);
};

if (port) {
  port.on('message', (event) => handle(event.data));
} else {
  process.on('message', handle);
  // The parent is gone: a fleet with nobody to report to must not linger as an orphan.
  process.on('disconnect', () => process.exit(0));
}
// A broken pipe to the parent is not the clients' business; never crash on it.
process.on('uncaughtException', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE' || error.code === 'ERR_IPC_CHANNEL_CLOSED') process.exit(0);
  emit({
    type: 'notice',
    level: 'error',
    code: 'FLEET_ERROR',
    message: `Fleet process error: ${error.message}`,
  });
});
emit({ type: 'ready', pid: process.pid });
