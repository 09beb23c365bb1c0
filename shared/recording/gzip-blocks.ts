/**
 * How a recording is compressed: a series of gzip members (RFC 1952 allows any number, and
 * `gunzip`/`zcat` read them as one stream), each starting at a line boundary. The first line
 * of most members is a snapshot, so a reader can start decoding at any of them. Each member's
 * header carries, in an extra field (`SL`, like BGZF's `BC`), its own size, its line count and
 * the iterations it holds: a reader finds any point by hopping from header to header, without
 * decompressing anything, and a member cut short is seen for what it is.
 */

/** The fixed gzip header (10 bytes), XLEN (2), and the one subfield: SI1 SI2 LEN (4) + data. */
export const MEMBER_DATA_BYTES = 26;
export const MEMBER_HEADER_BYTES = 10 + 2 + 4 + MEMBER_DATA_BYTES;
/** CRC32 and ISIZE after the compressed data. */
export const MEMBER_TRAILER_BYTES = 8;
const LAYOUT = 1;

export const MEMBER_FLAGS = {
  /** Its first line is the recording's header. */
  header: 1,
  /** A snapshot line starts it (after the header line, in the first member): a seek can start here. */
  snapshot: 2,
  /** Its last line is the end line: the recording finished. */
  end: 4,
} as const;

export interface MemberInfo {
  /** The whole member, header and trailer included. */
  size: number;
  lines: number;
  flags: number;
  /** The first and last iteration records it holds (0 when it holds none). */
  firstN: number;
  lastN: number;
}

/** Whether these bytes start a gzip stream. */
export const isGzip = (bytes: Uint8Array): boolean => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** The header of a member whose compressed data is `compressed` bytes long. */
export function encodeMemberHeader(info: Omit<MemberInfo, 'size'>, compressed: number): Uint8Array {
  const header = new Uint8Array(MEMBER_HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set([0x1f, 0x8b, 8, 0x04, 0, 0, 0, 0, 0, 255]); // deflate, FEXTRA, no mtime, OS unknown
  view.setUint16(10, 4 + MEMBER_DATA_BYTES, true);
  header.set([0x53, 0x4c], 12); // 'S' 'L'
  view.setUint16(14, MEMBER_DATA_BYTES, true);
  view.setUint8(16, LAYOUT);
  view.setUint8(17, info.flags);
  view.setUint32(18, MEMBER_HEADER_BYTES + compressed + MEMBER_TRAILER_BYTES, true);
  view.setUint32(22, info.lines, true);
  view.setFloat64(26, info.firstN, true);
  view.setFloat64(34, info.lastN, true);
  return header;
}

/**
 * A member's header, or why these bytes are not one. `'foreign'` is a gzip stream this lab
 * did not write (no `SL` field): it cannot be read block by block.
 */
export function decodeMemberHeader(bytes: Uint8Array): MemberInfo | 'foreign' | 'short' | 'not-gzip' {
  if (bytes.length < 2 || !isGzip(bytes)) return 'not-gzip';
  // Another writer's gzip shows in its first bytes: no FEXTRA, or a subfield that is not ours.
  const flags = bytes[3] ?? 0x04;
  if (!(flags & 0x04) || (bytes.length >= 14 && (bytes[12] !== 0x53 || bytes[13] !== 0x4c))) return 'foreign';
  if (bytes.length < MEMBER_HEADER_BYTES) return 'short';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fextra = (bytes[3] ?? 0) & 0x04;
  const ours =
    bytes[2] === 8 &&
    fextra !== 0 &&
    view.getUint16(10, true) === 4 + MEMBER_DATA_BYTES &&
    bytes[12] === 0x53 &&
    bytes[13] === 0x4c &&
    view.getUint16(14, true) === MEMBER_DATA_BYTES &&
    view.getUint8(16) === LAYOUT;
  if (!ours) return 'foreign';
  const info: MemberInfo = {
    flags: view.getUint8(17),
    size: view.getUint32(18, true),
    lines: view.getUint32(22, true),
    firstN: view.getFloat64(26, true),
    lastN: view.getFloat64(34, true),
  };
  const sane =
    info.size >= MEMBER_HEADER_BYTES + MEMBER_TRAILER_BYTES &&
    Number.isSafeInteger(info.firstN) &&
    Number.isSafeInteger(info.lastN) &&
    info.firstN >= 0 &&
    info.lastN >= info.firstN;
  return sane ? info : 'foreign';
}
