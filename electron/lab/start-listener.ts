import type { Notice } from '../../shared/contract';
import type { EngineOptions } from '../../shared/engine';
import { ok, type Result } from '../../shared/result';
import { DescriptorGuard, fileLimits } from './descriptors';
import { Listener } from './listener';
import { describeListenError } from './start-errors';

/** What a started server's listening side tells the engine. */
export interface ListenerHooks {
  /** The accept queue changed: a pass of the loop may have work. */
  wake(): void;
  notice(level: Notice['level'], code: string, message: string): void;
  /** The connection limit, read when it matters (the options may change while listening). */
  maxWaiting(): number;
}

/**
 * The listening socket as `listen(backlog)` makes it (listener.ts), with the guard that refuses
 * connections past the descriptor limit, bound to `host:port`; or why it cannot be, in words
 * the user can act on (a busy port, a host that does not resolve, no rights to a low port).
 * The address was checked already (checkAddress).
 */
export async function startListener(
  host: string,
  port: number,
  options: Pick<EngineOptions, 'backlog'>,
  hooks: ListenerHooks,
): Promise<Result<{ listener: Listener; descriptors: DescriptorGuard }>> {
  const descriptors = new DescriptorGuard(fileLimits(), (message) =>
    hooks.notice('error', 'EMFILE', message),
  );
  const listener = new Listener({
    admit: () => descriptors.admit(),
    backlog: options.backlog,
    maxWaiting: hooks.maxWaiting,
    onChange: hooks.wake,
    onAcceptError: (error) => {
      const message = `accept() failed: ${error.message}. The server keeps serving the open connections.`;
      hooks.notice('error', error.code ?? 'ACCEPT', message);
    },
    onGaveUp: (count, why) => hooks.notice('warning', 'LISTEN_QUEUE', gaveUpMessage(count, why)),
  });
  const error = await listener.listen(host, port);
  if (error) {
    descriptors.dispose();
    return describeListenError(error, host, port);
  }
  return ok({ listener, descriptors });
}

function gaveUpMessage(count: number, why: 'timed-out' | 'refused'): string {
  const connections = count === 1 ? '1 connection' : `${count} connections`;
  return why === 'timed-out'
    ? `${connections} never found room in the accept queue (listen backlog) and gave up after the kernel's last SYN retry, 63 s after connecting: their clients' connect() would fail with ETIMEDOUT. Accept faster, or raise the backlog.`
    : `${connections} closed at once: too many were already waiting for room in the accept queue.`;
}
