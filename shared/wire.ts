import { z } from 'zod';
import type { PackedDelta } from './delta-wire';
import type { Result } from './result';

/**
 * The browser shell's wire protocol: the LabApi over one WebSocket, JSON text frames.
 *
 * - client → server: `{ id, command, args }`, one request per frame;
 * - server → client: `{ type: 'reply', id, result }` answers request `id` with the same
 *   `Result` the IPC handler returns, refusals included (`id` is null only when the frame
 *   carried no readable id);
 * - server → client: `{ type: 'delta', delta }` pushes a batch, at most ~60 a second, packed
 *   (delta-wire.ts: each repeated id list once, connection views as tuples).
 *
 * A fresh connection gets no snapshot push: the client asks with the `snapshot` command,
 * and batches received before that reply are already contained in it.
 */
export const WS_PATH = '/ws';

/** The browser shell's port unless told otherwise: a stable address, so an open tab can reconnect. */
export const DEFAULT_SERVE_PORT = 5170;

/** Largest frame the server accepts; a bigger one closes the connection (1009). */
export const MAX_FRAME_BYTES = 4 * 1024 * 1024;

/**
 * Requests one connection may have unanswered (queued, running or being written). The
 * server refuses more at once, by id; the window never sends more, so it never sees that.
 */
export const MAX_IN_FLIGHT = 64;

/** The close code the server uses for a client that stayed over its send budget; the reason says why. */
export const CLOSE_TOO_SLOW = 4008;

export const requestSchema = z.strictObject({
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  command: z.string().max(64),
  args: z.unknown(),
});
export type WireRequest = z.infer<typeof requestSchema>;

export type WireReply = { type: 'reply'; id: number | null; result: Result<unknown> };
/** A batch, packed (delta-wire.ts): unpackDelta gives the LabDelta back. */
export type WireDelta = { type: 'delta'; delta: PackedDelta };
export type WireMessage = WireReply | WireDelta;
