import type { IterationRecord } from '../engine';
import type { EndLine, RecordingHeader } from './format';
import { parseLine } from './lines';
import { modelOfSnapshot, type ModelData } from './model';

/** What a run of lines holds, and the first thing wrong in it (the lines after it are not read). */
export interface LinesRead {
  header: RecordingHeader | null;
  start: ModelData | null;
  records: IterationRecord[];
  end: EndLine | null;
  /** The first bad line, in words that name it; null when every line was good. */
  problem: string | null;
}

/**
 * Parses and validates a block's lines. A snapshot may only open the block (after the header,
 * in the first); iterations must count up (a smaller number is a new run of the server,
 * which a replay does not follow); nothing may follow the end line.
 */
export function readBlockLines(lines: Iterable<{ text: string; number: number }>, afterN: number): LinesRead {
  const read: LinesRead = { header: null, start: null, records: [], end: null, problem: null };
  let lastN = afterN;
  let first = true;
  for (const { text, number } of lines) {
    const parsed = parseLine(text, number);
    if (!parsed.ok) return { ...read, problem: parsed.error.message };
    const line = parsed.value;
    if (line === null) continue;
    const opening = first;
    first = false;
    if (read.end) return { ...read, problem: `Line ${number} comes after the recording's end line.` };
    if (line.type === 'header') {
      if (number !== 1)
        return { ...read, problem: `Line ${number} is a second header: only line 1 may be one.` };
      read.header = line;
      first = true;
    } else if (line.type === 'snapshot') {
      if (!opening) continue; // A snapshot inside a block adds nothing the records do not say.
      read.start = modelOfSnapshot(line);
      lastN = line.engine.iteration;
    } else if (line.type === 'end') {
      read.end = line;
    } else {
      const { record } = line;
      if (record.n <= lastN) {
        const why = record.n === 1 ? 'a new run of the server starts here' : 'iterations must count up';
        return {
          ...read,
          problem: `Line ${number} holds iteration ${record.n} after iteration ${lastN}: ${why}.`,
        };
      }
      lastN = record.n;
      read.records.push(record);
    }
  }
  return read;
}
