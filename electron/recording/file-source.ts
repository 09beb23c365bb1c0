import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { blobSource, type ByteSource } from '../../shared/recording/byte-source';
import { fail, ok, type Result } from '../../shared/result';

/** A file on disk as a ByteSource: a Blob backed by the file, read a slice at a time, as a browser File is. */
export async function fileSource(path: string): Promise<Result<ByteSource>> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail('BAD_RECORDING', `${path} is not a file.`);
    return ok(blobSource(await openAsBlob(path), basename(path)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      'BAD_RECORDING',
      code === 'ENOENT' ? `There is no file ${path}.` : `Cannot read ${path}: ${(error as Error).message}.`,
    );
  }
}
