/**
 * A plain JSON-lines file looked over line by line, streamed: an uncompressed recording, or
 * the headless server's `--log jsonl` output (records only, no snapshots). Every line is
 * validated, and the state is rebuilt from the start as it goes: a log has no snapshots, so
 * the reader keeps its own every CHECKPOINT_EVERY iterations, in memory, for seeks.
 */
import { fail, ok, type Result } from '../result';
import type { ByteSource } from './byte-source';
import { readBlockLines } from './block-lines';
import type { Block, Catalog } from './catalog';
import type { EndLine, RecordingHeader } from './format';
import { readLines, splitLines, type TextLine } from './line-reader';
import { parseLine } from './lines';
import { cloneModel, emptyModel, Folder, modelOfSnapshot, type ModelData } from './model';

export const CHECKPOINT_EVERY = 500;
const MiB = 1024 * 1024;
/** Line 1 is a header or one record: anything longer is not a recording. */
const maxLine = (line: number): number => (line === 1 ? 8 * MiB : 64 * MiB);

interface Open {
  startN: number;
  firstLine: number;
  from: number;
  start: ModelData;
  records: number;
}

/** Why line 1 makes this file no recording and no log. */
function notARecording(name: string, why: string): Result<never> {
  return fail('BAD_RECORDING', `${name} is not a Socket Lab recording or --log jsonl file: ${why}`);
}

export async function scanText(source: ByteSource): Promise<Result<Catalog>> {
  const lines = readLines(source, maxLine);
  const blocks: Block[] = [];
  const warnings: string[] = [];
  let header: RecordingHeader | null = null;
  let end: EndLine | null = null;
  let folder: Folder | null = null;
  let open: Open | null = null;
  let lastN = 0;
  /** Where the last good line ends: a block never reaches past it. */
  let goodEnd = 0;
  const close = (to: number): void => {
    if (!open) return;
    const { startN, firstLine, from, start } = open;
    blocks.push({
      startN,
      lastN,
      firstLine,
      load: async () => {
        const text = new TextDecoder().decode(await source.read(from, to - from));
        const read = readBlockLines(splitLines(text, firstLine), startN);
        return ok({ start: read.start ?? start, records: read.records, problem: read.problem });
      },
    });
    open = null;
  };
  const begin = (line: TextLine, start: ModelData): void => {
    open = { startN: lastN, firstLine: line.number, from: line.start, start: cloneModel(start), records: 0 };
  };
  let next = await lines.next();
  for (; !next.done; next = await lines.next()) {
    const line = next.value;
    const where = `the replay stops at iteration ${lastN.toLocaleString('en')}, before it`;
    if (!line.complete) {
      warnings.push(`The file ends in the middle of line ${line.number}: it was cut short, and ${where}.`);
      break;
    }
    const parsed = parseLine(line.text, line.number);
    if (line.number === 1) {
      if (!parsed.ok) return notARecording(source.name, parsed.error.message);
      if (parsed.value?.type === 'header') {
        header = parsed.value;
        goodEnd = line.end;
        continue;
      }
      if (parsed.value?.type !== 'iteration') {
        return notARecording(source.name, 'line 1 is neither a recording header nor an iteration record.');
      }
    }
    if (!parsed.ok) {
      warnings.push(`${parsed.error.message} So ${where}.`);
      break;
    }
    const value = parsed.value;
    goodEnd = line.end;
    if (value === null) continue;
    if (end) {
      warnings.push(`Line ${line.number} comes after the end line: ${where}.`);
      break;
    }
    if (value.type === 'header') {
      warnings.push(`Line ${line.number} is a second header: ${where}.`);
      break;
    }
    if (value.type === 'end') {
      end = value;
      continue;
    }
    if (value.type === 'snapshot') {
      close(line.start);
      lastN = value.engine.iteration;
      folder = new Folder(modelOfSnapshot(value));
      begin(line, folder.data);
      continue;
    }
    const { record } = value;
    if (!folder) {
      if (header) return notARecording(source.name, `line ${line.number} should be a snapshot, and is not.`);
      lastN = record.n - 1;
      folder = new Folder(emptyModel(null));
      folder.data.engine.iteration = lastN;
      if (record.n !== 1)
        warnings.push(
          `The log starts at iteration ${record.n}, not 1: connections accepted before it show no peer or descriptor.`,
        );
    }
    if (record.n <= lastN) {
      warnings.push(
        `Line ${line.number} holds iteration ${record.n} after iteration ${lastN}: a new run of the server starts there, and ${where}.`,
      );
      break;
    }
    if (!open) begin(line, folder.data);
    folder.apply(record);
    lastN = record.n;
    const current = open as Open | null;
    if (current && ++current.records >= CHECKPOINT_EVERY) {
      close(line.end);
      folder.changed.clear();
      folder.removed.clear();
    }
  }
  const problem = next.done ? next.value : null;
  if (problem) {
    if (problem.line === 1)
      return notARecording(source.name, `line 1 runs past ${problem.tooLong / MiB} MiB without ending.`);
    warnings.push(
      `Line ${problem.line} runs past ${problem.tooLong / MiB} MiB without ending: the replay stops at iteration ${lastN.toLocaleString('en')}, before it.`,
    );
  }
  const tail = open as Open | null;
  if (tail) close(goodEnd);
  if (blocks.length === 0) return fail('BAD_RECORDING', `${source.name} holds no iteration records.`);
  if (header && !end && warnings.length === 0)
    warnings.push(
      'The recording has no end line: it was cut short (the lab quit before it finished). Everything written before is here.',
    );
  return ok({ kind: header ? 'recording' : 'log', header, blocks, warnings, end });
}
