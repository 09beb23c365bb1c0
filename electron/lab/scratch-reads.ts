import net from 'node:net';

/**
 * Where every connection's reads land: one buffer, shared. Node's default read path
 * allocates 64 KiB per read and shrinks it to the bytes read (a malloc, a copy and a
 * free per message); Node's `onread` option reads into a buffer of ours instead. The
 * bytes are copied out before the next read can reuse it (reads are delivered one at a
 * time on this thread), into a right-sized buffer from Node's pool.
 */
const SCRATCH = Buffer.allocUnsafe(64 * 1024);

/** What Node keeps of an accepted socket's TCP handle, and the option `net.Socket` takes it by. */
interface WithHandle {
  _handle: object | null;
}

/**
 * A socket on the same connection as `accepted` (from `net.Server` with `pauseOnConnect`),
 * whose reads call `received` with a copy of the bytes instead of emitting 'data'. `received`
 * returns false to stop reading (as `pause()` would). Everything else — 'end', 'error',
 * 'close', write(), end(), pause(), resume() — is a `net.Socket`'s as usual. Node offers
 * `onread` only to the Socket constructor, so the accepted connection's handle moves to a
 * new one; the old object, left without it, is destroyed at once so the server does not
 * count it. Null if the connection's handle is already gone (torn down before accept()).
 */
export function adoptWithScratchReads(
  accepted: net.Socket,
  received: (bytes: Buffer) => boolean,
): net.Socket | null {
  const husk = accepted as unknown as WithHandle;
  const handle = husk._handle;
  if (handle === null || accepted.destroyed) return null;
  husk._handle = null;
  accepted.destroy();
  const options = {
    handle,
    allowHalfOpen: true,
    pauseOnCreate: true,
    readable: true,
    writable: true,
    onread: {
      buffer: SCRATCH,
      callback: (length: number): boolean => {
        const bytes = Buffer.allocUnsafe(length);
        SCRATCH.copy(bytes, 0, 0, length);
        return received(bytes);
      },
    },
  };
  return new net.Socket(options as net.SocketConstructorOpts);
}
