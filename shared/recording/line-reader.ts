import type { ByteSource } from './byte-source';

/** Bytes read at a time. */
const CHUNK = 1024 * 1024;

export interface TextLine {
  text: string;
  /** 1-based. */
  number: number;
  /** Byte offset of its first byte, and of the byte after its newline. */
  start: number;
  end: number;
  /** False for a last line the file ends in the middle of (no newline). */
  complete: boolean;
}

export type LineProblem = { tooLong: number; line: number };

/**
 * The file's lines, streamed a chunk at a time: memory holds one chunk and one line, never
 * the file. A line longer than `maxLine` bytes stops the walk (2 GB with no newline is not
 * a recording, and must not be read as one).
 */
export async function* readLines(
  source: ByteSource,
  maxLine: (line: number) => number,
  from = 0,
  firstLine = 1,
): AsyncGenerator<TextLine, LineProblem | null> {
  const decoder = new TextDecoder();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let lineStart = from;
  let number = firstLine;
  for (let offset = from; offset < source.size;) {
    const chunk = await source.read(offset, CHUNK);
    if (chunk.length === 0) break;
    let at = 0;
    for (;;) {
      const newline = chunk.indexOf(0x0a, at);
      const piece = chunk.subarray(at, newline === -1 ? chunk.length : newline);
      if (pendingBytes + piece.length > maxLine(number)) return { tooLong: maxLine(number), line: number };
      if (newline === -1) {
        pending.push(piece.slice());
        pendingBytes += piece.length;
        break;
      }
      const bytes = pending.length === 0 ? piece : concat([...pending, piece], pendingBytes + piece.length);
      const end = offset + newline + 1;
      yield { text: decoder.decode(bytes), number, start: lineStart, end, complete: true };
      number++;
      lineStart = end;
      pending = [];
      pendingBytes = 0;
      at = newline + 1;
    }
    offset += chunk.length;
  }
  if (pendingBytes > 0) {
    const text = decoder.decode(concat(pending, pendingBytes));
    yield { text, number, start: lineStart, end: source.size, complete: false };
  }
  return null;
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Splits decoded text into lines, numbered from `firstLine`; a last line without a newline is dropped. */
export function splitLines(text: string, firstLine: number): { text: string; number: number }[] {
  const lines: { text: string; number: number }[] = [];
  let at = 0;
  let number = firstLine;
  for (;;) {
    const newline = text.indexOf('\n', at);
    if (newline === -1) break;
    lines.push({ text: text.slice(at, newline), number: number++ });
    at = newline + 1;
  }
  return lines;
}
