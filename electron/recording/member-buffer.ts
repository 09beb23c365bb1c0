import { MEMBER_FLAGS, type MemberInfo } from '../../shared/recording/gzip-blocks';
import { JsonBytes } from './json-bytes';
import { RecordLines } from './record-lines';

/** A member's text and what its header will say. */
export interface SealedMember {
  /** Valid until the next line is pushed: compress it first. */
  text: Uint8Array;
  info: Omit<MemberInfo, 'size'>;
}

/**
 * Lines on their way into one gzip member, written as UTF-8 into one buffer that every member
 * reuses (no joins, no copies per line, and text still in the cache when it is compressed),
 * counting what the member's header needs.
 */
export class MemberBuffer {
  private readonly text = new JsonBytes();
  private readonly records = new RecordLines();
  private lines = 0;
  private flags = 0;
  private firstN = 0;
  private lastN = 0;
  private readonly counted = (n: number): void => {
    if (this.firstN === 0) this.firstN = n;
    this.lastN = n;
    this.lines++;
  };

  /** Only the recording's header so far: its first snapshot belongs with it. */
  get onlyHeader(): boolean {
    return this.lines === 1 && this.flags === MEMBER_FLAGS.header;
  }

  /** Bytes of text so far. */
  get size(): number {
    return this.text.length;
  }

  /** A line that is not an iteration record; `flag` marks what it starts or ends. */
  push(json: string, flag: number = 0): void {
    this.flags |= flag;
    this.text.text(json);
    this.text.reserve(1);
    this.text.byte(0x0a);
    this.lines++;
  }

  /**
   * Iteration records as a RecordEncoder took them (record-codec.ts), every batch in order
   * (lists refer to earlier ones); how many there were.
   */
  pushRecords(numbers: Float64Array, strings: readonly string[]): number {
    const before = this.lines;
    this.records.write(numbers, strings, this.text, this.counted);
    return this.lines - before;
  }

  /** The member so far, and a fresh start for the next. */
  seal(): SealedMember | null {
    if (this.lines === 0) return null;
    const sealed: SealedMember = {
      text: this.text.bytes.subarray(0, this.text.length),
      info: { lines: this.lines, flags: this.flags, firstN: this.firstN, lastN: this.lastN },
    };
    this.text.length = 0;
    this.lines = 0;
    this.flags = 0;
    this.firstN = 0;
    this.lastN = 0;
    return sealed;
  }
}

export { MEMBER_FLAGS };
