import type { RawData } from 'ws';
import { fail, type Result } from '../../shared/result';
import { requestSchema, type WireReply, type WireRequest } from '../../shared/wire';

/** A request frame, read: the request, or the error reply it gets (with its id whenever it has one). */
export type ReadFrame = { ok: true; request: WireRequest } | { ok: false; reply: WireReply };

export const reply = (id: number | null, result: Result<unknown>): WireReply => ({
  type: 'reply',
  id,
  result,
});

/** The frame's `id` if it has a usable one, so even a malformed request's error can be matched to it. */
function idOf(json: unknown): number | null {
  if (typeof json !== 'object' || json === null || !('id' in json)) return null;
  const parsed = requestSchema.shape.id.safeParse(json.id);
  return parsed.success ? parsed.data : null;
}

/** Reads one frame; anything malformed becomes an error reply, never an exception. */
export function readFrame(data: RawData, isBinary: boolean): ReadFrame {
  if (isBinary)
    return { ok: false, reply: reply(null, fail('BAD_ARGUMENT', 'Frames must be JSON text, not binary.')) };
  let json: unknown;
  try {
    json = JSON.parse(data.toString());
  } catch {
    return { ok: false, reply: reply(null, fail('BAD_ARGUMENT', 'Frame is not valid JSON.')) };
  }
  const request = requestSchema.safeParse(json);
  if (request.success) return { ok: true, request: request.data };
  const message = 'Frame must be {"id": number, "command": string, "args": ...}.';
  return { ok: false, reply: reply(idOf(json), fail('BAD_ARGUMENT', message)) };
}
