import net from 'node:net';

const KiB = 1024;
/** What one read may take: libuv's own read size. */
const READ_SIZE = 64 * KiB;
/** A read this big makes its socket read into buffers of its own, kept without a copy. */
const BIG_READ = 16 * KiB;

/**
 * Where small reads land: one buffer that every connection shares. Node's default read path
 * allocates 64 KiB per read and shrinks it to the bytes read (a malloc, a copy and a free per
 * message); Node's `onread` option reads into a buffer of ours instead. Reads are delivered
 * one at a time on this thread, and each is copied out (to a buffer of its exact size, as
 * Node's own would be) before the next can land.
 */
const SHARED = Buffer.allocUnsafe(READ_SIZE);

/**
 * The buffers one socket reads into. Small reads go to the shared buffer and are copied out;
 * after a big one the socket reads into a slab of its own, consecutive reads filling it, and
 * the bytes are kept where they landed (a stream's 64 KiB reads would otherwise be copied
 * whole). A small read sends it back to the shared buffer, so an idle connection holds none.
 */
class ReadBuffers {
  private own: Buffer | null = null;

  /** Node asks after each read where the next one goes. */
  readonly next = (): Buffer => this.own ?? SHARED;

  /** The `length` bytes a read put in `buffer`, as a buffer the caller may keep. */
  take(length: number, buffer: Buffer): Buffer {
    if (buffer === SHARED) {
      const bytes = Buffer.allocUnsafeSlow(length);
      SHARED.copy(bytes, 0, 0, length);
      if (length >= BIG_READ) this.own = Buffer.allocUnsafeSlow(READ_SIZE);
      return bytes;
    }
    const bytes = buffer.subarray(0, length);
    const rest = buffer.subarray(length);
    this.own = length < BIG_READ ? null : rest.length >= BIG_READ ? rest : Buffer.allocUnsafeSlow(READ_SIZE);
    return bytes;
  }
}

/** What Node keeps of an accepted socket's TCP handle. */
interface WithHandle {
  _handle: object | null;
}

/**
 * A socket on the same connection as `accepted` (from `net.Server` with `pauseOnConnect`),
 * whose reads call `received` with the bytes instead of emitting 'data'. Everything else —
 * 'end', 'error', 'close', write(), end(), pause(), resume() — is a `net.Socket`'s as usual.
 * Node offers `onread` only to the Socket constructor, so the accepted connection's handle
 * moves to a new one; the old object, left without it, is destroyed at once so the server
 * does not count it. Null if the connection's handle is already gone (torn down before accept()).
 */
export function adoptWithOwnReads(
  accepted: net.Socket,
  received: (bytes: Buffer) => void,
): net.Socket | null {
  const husk = accepted as unknown as WithHandle;
  const handle = husk._handle;
  if (handle === null || accepted.destroyed) return null;
  husk._handle = null;
  accepted.destroy();
  const buffers = new ReadBuffers();
  const options = {
    handle,
    allowHalfOpen: true,
    pauseOnCreate: true,
    readable: true,
    writable: true,
    onread: {
      buffer: buffers.next,
      callback: (length: number, buffer: Buffer): void => received(buffers.take(length, buffer)),
    },
  };
  return new net.Socket(options as net.SocketConstructorOpts);
}
