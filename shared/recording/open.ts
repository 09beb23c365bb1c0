import { fail, type Result } from '../result';
import type { ByteSource } from './byte-source';
import type { Catalog } from './catalog';
import { isGzip } from './gzip-blocks';
import { scanGzip } from './scan-gzip';
import { scanText } from './scan-text';

/**
 * Looks a file over: a compressed recording (what the lab writes), or plain JSON lines (an
 * uncompressed recording, or `npm run server -- --log jsonl` output). Errors are values
 * that say what is wrong and where; nothing here throws on a bad file.
 */
export async function openCatalog(source: ByteSource): Promise<Result<Catalog>> {
  if (source.size === 0) return fail('BAD_RECORDING', `${source.name} is empty.`);
  try {
    const magic = await source.read(0, 2);
    return isGzip(magic) ? await scanGzip(source) : await scanText(source);
  } catch (error) {
    // A file that vanished or could not be read: say so, as a value.
    const why = error instanceof Error ? error.message : String(error);
    return fail('BAD_RECORDING', `${source.name} could not be read: ${why}`);
  }
}
