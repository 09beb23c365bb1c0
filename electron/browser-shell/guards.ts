import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh, unguessable token for this run (the printed URL carries it). */
export const newToken = (): string => randomBytes(24).toString('base64url');

/** The exact Host header values the shell answers: loopback names with its own port (DNS-rebinding guard). */
export const allowedHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

/** The exact Origins a WebSocket may come from: pages this shell served. */
export const allowedOrigins = (port: number): string[] => allowedHosts(port).map((host) => `http://${host}`);

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What the upgrade request carries that the guard looks at. */
export interface UpgradeRequest {
  url: string | undefined;
  host: string | undefined;
  origin: string | undefined;
}

export type UpgradeVerdict = { ok: true } | { ok: false; status: 400 | 401 | 403 | 404; reason: string };

/**
 * Whether `url` carries this run's token. The window asks (a plain GET of the WebSocket
 * path) after a failed connect, since a browser hides a refused upgrade's status: 401 means
 * its token is no longer accepted. It reveals nothing that trying the upgrade would not.
 */
export function hasToken(url: string | undefined, token: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '', 'http://127.0.0.1');
  } catch {
    return false;
  }
  const given = parsed.searchParams.get('token');
  return given !== null && sameToken(given, token);
}

/**
 * Whether a WebSocket upgrade may proceed: the right path, an allowed Host, an allowed
 * Origin (exact match, never a prefix), and this run's token. Pure, so it is unit-tested.
 */
export function checkUpgrade(
  request: UpgradeRequest,
  token: string,
  port: number,
  path: string,
): UpgradeVerdict {
  if (!request.host || !allowedHosts(port).includes(request.host.toLowerCase())) {
    return { ok: false, status: 403, reason: 'Host not allowed' };
  }
  if (!request.origin || !allowedOrigins(port).includes(request.origin.toLowerCase())) {
    return { ok: false, status: 403, reason: 'Origin not allowed' };
  }
  let url: URL;
  try {
    url = new URL(request.url ?? '', 'http://127.0.0.1');
  } catch {
    return { ok: false, status: 400, reason: 'Bad request URL' };
  }
  if (url.pathname !== path) return { ok: false, status: 404, reason: 'Not found' };
  if (!hasToken(request.url, token)) return { ok: false, status: 401, reason: 'Missing or wrong token' };
  return { ok: true };
}
