import { crc32, deflateRaw, constants } from 'node:zlib';
import { promisify } from 'node:util';
import { encodeMemberHeader, type MemberInfo } from '../../shared/recording/gzip-blocks';

const deflate = promisify(deflateRaw);

/**
 * One gzip member holding `text` (whole lines), with the lab's `SL` field in its header
 * (shared/recording/gzip-blocks.ts). Deflate runs on libuv's thread pool, off the engine's
 * thread; level 1, because records repeat themselves so much that more effort buys little.
 */
export async function gzipMember(text: string, info: Omit<MemberInfo, 'size'>): Promise<Buffer> {
  const raw = Buffer.from(text, 'utf8');
  const compressed = await deflate(raw, { level: constants.Z_BEST_SPEED });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(raw) >>> 0, 0);
  trailer.writeUInt32LE(raw.length >>> 0, 4);
  return Buffer.concat([encodeMemberHeader(info, compressed.length), compressed, trailer]);
}
