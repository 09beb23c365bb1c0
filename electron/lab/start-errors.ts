import net from 'node:net';
import { fail, type Result } from '../../shared/result';

const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

/** Rejects a host or port that cannot be bound before touching the network. */
export function checkAddress(host: string, port: number): Result<never> | null {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return fail('BAD_PORT', `Port must be a whole number from 0 to 65535 (got ${String(port)}).`);
  }
  if (net.isIP(host) === 0 && !HOST_NAME.test(host)) {
    return fail('BAD_HOST', `"${host}" is neither an IP address nor a host name.`);
  }
  return null;
}

/** A bind failure as a clear message the user can act on. */
export function describeListenError(error: NodeJS.ErrnoException, host: string, port: number): Result<never> {
  const where = `${host}:${port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return fail(
        'EADDRINUSE',
        `Port ${port} on ${host} is already in use by another program. Stop it or choose another port.`,
      );
    case 'EACCES':
      return fail(
        'EACCES',
        `Permission denied to bind ${where}: ports below 1024 need administrator rights. Choose a port of 1024 or more.`,
      );
    case 'EADDRNOTAVAIL':
      return fail(
        'EADDRNOTAVAIL',
        `${host} is not an address of this machine, so the server cannot listen on it.`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return fail('BAD_HOST', `Unknown host "${host}": it does not resolve to an address.`);
    case 'EMFILE':
      return fail('EMFILE', 'Too many open files: the process is out of file descriptors.');
    default:
      return fail('INTERNAL', `Could not listen on ${where}: ${error.message}`);
  }
}
