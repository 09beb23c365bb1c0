import { gzipSync } from 'node:zlib';
import { encodeMemberHeader, type MemberInfo } from '../../shared/recording/gzip-blocks';

/** zlib's own gzip header: 10 bytes, no optional fields (Node sets none). */
const ZLIB_HEADER_BYTES = 10;
const TRAILER_BYTES = 8;

/**
 * One gzip member holding `text` (whole lines), with the lab's header: zlib deflates and sums
 * the CRC, then its plain header is swapped for one whose `SL` field says the member's size,
 * lines and iterations (shared/recording/gzip-blocks.ts); the deflate data and the trailer are
 * zlib's own. Level 3, the last of zlib's fast levels: as fast as level 1 on records
 * (measured on a 1 KiB × 100 ping-pong's lines: 550 MB/s, 24× smaller, where level 1 made
 * them 15.5× smaller and level 4 already costs 40% more). Runs on the recording's disk thread,
 * never the engine's.
 */
export function gzipMember(text: Uint8Array, info: Omit<MemberInfo, 'size'>): Buffer {
  const gzip = gzipSync(text, { level: 3 });
  const deflated = gzip.subarray(ZLIB_HEADER_BYTES);
  const header = encodeMemberHeader(info, deflated.length - TRAILER_BYTES);
  return Buffer.concat([header, deflated]);
}
