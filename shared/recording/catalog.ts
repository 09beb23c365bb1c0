/**
 * What a reader knows about a file once it has looked it over: its blocks (each a place a
 * seek can start, with the iterations it covers) and what is wrong with it short of being
 * unreadable. Blocks are decoded only when a seek needs them.
 */
import type { IterationRecord } from '../engine';
import type { Result } from '../result';
import type { EndLine, RecordingHeader } from './format';
import type { ModelData } from './model';

export interface BlockContent {
  /** The state the block starts from (shared: fold a clone). */
  start: ModelData;
  records: IterationRecord[];
  /** The first bad line inside it, when there is one: the records stop before it. */
  problem: string | null;
}

export interface Block {
  /** Its start state is the state after this iteration. */
  startN: number;
  /** The last iteration record it holds (`startN` when none). */
  lastN: number;
  /** The line number of its first line in the file (1-based; for messages). */
  firstLine: number;
  load(): Promise<Result<BlockContent>>;
}

export interface Catalog {
  /** A recording (header, snapshots) or a `--log jsonl` file (records only). */
  kind: 'recording' | 'log';
  header: RecordingHeader | null;
  blocks: Block[];
  /** Why the file opens but not all of it (cut short, a bad line part way), in words. */
  warnings: string[];
  /** The end line, when the recording finished properly. */
  end: EndLine | null;
}
