import type { Behaviour, ClientView, Verification } from '../../../../shared/fleet';

/** A test client's name: C7. Sockets are #7; a client is not a socket, so it is written apart. */
export const clientName = (id: number): string => `C${id}`;

/** What each behaviour does, and what to watch for in the lists. */
export const BEHAVIOUR_HINTS: Record<Behaviour, string> = {
  echo: 'Sends a message, waits for the whole echo, verifies it byte for byte, measures the round trip, repeats.',
  burst: 'One large payload: watch recv(1024) chunk it and the queue grow.',
  stream: 'Sends and reads continuously, verifying every byte.',
  'slow-reader':
    'Sends steadily, reads slowly: fills the send buffer (partial sends, outputs growing). In Tutorial mode it catches lost bytes.',
  'half-close':
    'Sends, then shuts its write side at once: the FIN comes with the data. In Tutorial mode the original loses the bytes and dies of KeyError.',
  reset:
    'Sends, then aborts with RST once echoed: the socket turns readable and recv() raises ConnectionResetError (the original dies of it).',
  idle: 'Connects and waits: a socket that stays in inputs.',
};

/** A sensible message size per behaviour, used when the behaviour is picked. */
export const DEFAULT_SIZES: Record<Behaviour, number> = {
  echo: 1024,
  burst: 100 * 1024,
  stream: 4096,
  'slow-reader': 64 * 1024,
  'half-close': 16 * 1024,
  reset: 256,
  idle: 1,
};

/** The verification as a short phrase. */
export function verificationText(v: Verification): string {
  switch (v.state) {
    case 'ok':
      return 'verified';
    case 'mismatch':
      return `mismatch at offset ${v.offset}`;
    case 'lost':
      return `${v.bytes} B lost`;
    default:
      return 'pending';
  }
}

/** State, with the error code when there is one. */
export const stateText = (client: ClientView): string =>
  client.state === 'error' && client.error ? `error ${client.error}` : client.state;

/** "0.42/1.3 ms", or a dash before the first round trip. */
export function rttText(client: ClientView): string {
  if (client.rttP50 === null || client.rttP99 === null) return '–';
  return `${formatMs(client.rttP50)}/${formatMs(client.rttP99)} ms`;
}

export const formatMs = (ms: number): string =>
  ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : String(Math.round(ms));

/** 65536 → "64K", 1048576 → "1M", 1000 → "1000": how the size field shows a size. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)}M`;
  if (bytes >= 1024 && bytes % 1024 === 0 && bytes !== 1024) return `${bytes / 1024}K`;
  return String(bytes);
}

/** "64K", "1.5 MiB", "1024" → bytes; null when unreadable. */
export function parseSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib)?\s*$/i.exec(text);
  if (!match) return null;
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  return Math.round(Number(match[1]) * factor);
}
