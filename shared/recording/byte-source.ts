/**
 * Random access to a file's bytes, wherever the file is: a browser File or a Node Blob
 * (`fs.openAsBlob`), or a file the desktop app's main process opened for the window.
 * A replay reads only what it needs, so a 2 GB file costs what is read, not its size.
 */
export interface ByteSource {
  /** The file's name, for messages. */
  readonly name: string;
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Lets go of the file (a handle the main process holds). */
  close?(): void;
}

/** A Blob (a File in the browser, `fs.openAsBlob` in Node) as a ByteSource. */
export function blobSource(blob: Blob, name: string): ByteSource {
  return {
    name,
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

/** Bytes in memory as a ByteSource (tests, small files). */
export function bytesSource(bytes: Uint8Array, name: string): ByteSource {
  return {
    name,
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
  };
}

/**
 * Reads through a window of `windowBytes` read ahead: small reads close together (a hop from
 * one member header to the next) cost one read of the source, not one each. A read that does
 * not fit the window goes to the source as it is.
 */
export function readAhead(source: ByteSource, windowBytes = 256 * 1024): ByteSource {
  let start = 0;
  let window: Uint8Array = new Uint8Array(0);
  return {
    ...source,
    read: async (offset, length) => {
      if (offset >= start && offset + length <= start + window.length)
        return window.subarray(offset - start, offset - start + length);
      if (length > windowBytes) return source.read(offset, length);
      window = await source.read(offset, windowBytes);
      start = offset;
      return window.subarray(0, length);
    },
  };
}
