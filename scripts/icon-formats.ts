/**
 * The three icon containers the installers need, written and read back with no image
 * library: PNG (read the size only), Windows ICO and Apple ICNS, both carrying PNG payloads
 * (ICO has accepted PNG entries since Vista, ICNS since OS X 10.7).
 */

/** Every PNG file starts with these 8 bytes. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One image of an ICO file: its edge in pixels and its PNG bytes. */
export interface IcoImage {
  size: number;
  png: Uint8Array;
}

/** One element of an ICNS file: its OSType (`ic10`, `icp4`, …) and its PNG bytes. */
export interface IcnsElement {
  type: string;
  png: Uint8Array;
}

/** Width and height of a PNG, read from its IHDR chunk; throws if it is not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (
    buf.length < 24 ||
    !buf.subarray(0, 8).equals(PNG_SIGNATURE) ||
    buf.toString('latin1', 12, 16) !== 'IHDR'
  ) {
    throw new Error('not a PNG file');
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** An ICO file (little-endian ICONDIR, one 16-byte entry per image, then the PNGs). */
export function encodeIco(images: readonly IcoImage[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon (2 would be a cursor)
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, i) => {
    if (image.size < 1 || image.size > 256) throw new Error(`ICO images are 1–256 px, not ${image.size}`);
    const entry = 6 + 16 * i;
    header.writeUInt8(image.size % 256, entry); // 0 means 256
    header.writeUInt8(image.size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(image.png.byteLength, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += image.png.byteLength;
  });
  return Buffer.concat([header, ...images.map((image) => Buffer.from(image.png))]);
}

/** The images of an ICO file, sizes from its directory; throws on a malformed file. */
export function decodeIco(file: Uint8Array): IcoImage[] {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < 6 || buf.readUInt16LE(0) !== 0 || buf.readUInt16LE(2) !== 1)
    throw new Error('not an ICO file');
  const count = buf.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const length = buf.readUInt32LE(entry + 8);
    const offset = buf.readUInt32LE(entry + 12);
    if (offset + length > buf.length) throw new Error(`ICO entry ${i} runs past the end of the file`);
    return { size: buf.readUInt8(entry) || 256, png: buf.subarray(offset, offset + length) };
  });
}

/** An ICNS file (big-endian: `icns`, total length, then type + length + data per element). */
export function encodeIcns(elements: readonly IcnsElement[]): Buffer {
  const parts = elements.map((element) => {
    if (!/^[\x20-\x7e]{4}$/.test(element.type))
      throw new Error(`bad ICNS type ${JSON.stringify(element.type)}`);
    const head = Buffer.alloc(8);
    head.write(element.type, 0, 'latin1');
    head.writeUInt32BE(8 + element.png.byteLength, 4);
    return Buffer.concat([head, Buffer.from(element.png)]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/** The elements of an ICNS file; throws on a malformed file. */
export function decodeIcns(file: Uint8Array): IcnsElement[] {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== 'icns' || buf.readUInt32BE(4) !== buf.length) {
    throw new Error('not an ICNS file');
  }
  const elements: IcnsElement[] = [];
  for (let offset = 8; offset < buf.length;) {
    const length = offset + 8 <= buf.length ? buf.readUInt32BE(offset + 4) : 0;
    if (length < 8 || offset + length > buf.length) throw new Error(`ICNS element at ${offset} is malformed`);
    elements.push({
      type: buf.toString('latin1', offset, offset + 4),
      png: buf.subarray(offset + 8, offset + length),
    });
    offset += length;
  }
  return elements;
}
