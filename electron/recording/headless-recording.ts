import type { EndReason } from '../../shared/recording/format';
import { ok, type Result } from '../../shared/result';
import type { SelectServer } from '../lab/select-server';
import { RecordingWriter } from './writer';

/** `npm run server -- --record FILE`: a recording that says where it went when it ends. */
export interface HeadlessRecording {
  finish(reason: EndReason): Promise<void>;
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** Records `server` to `path`, reporting on stderr (stdout may be the jsonl log). */
export async function startRecording(server: SelectServer, path: string): Promise<Result<HeadlessRecording>> {
  const writer = await RecordingWriter.start(server, path);
  if (!writer.ok) return writer;
  return ok({
    finish: async (reason) => {
      const done = await writer.value.stop(reason);
      if (!done.ok) console.error(done.error.message);
      else
        console.error(`Recorded ${done.value.iterations} iterations to ${path} (${mb(done.value.bytes)}).`);
    },
  });
}
