import { MEMBER_FLAGS, type MemberInfo } from '../../shared/recording/gzip-blocks';

/** A member's text and what its header will say. */
export interface SealedMember {
  text: Uint8Array;
  info: Omit<MemberInfo, 'size'>;
}

/**
 * Lines on their way into one gzip member, written as UTF-8 into one growing buffer (no
 * joins, no copies per line), counting what the member's header needs.
 */
export class MemberBuffer {
  private bytes = Buffer.allocUnsafe(1 << 20);
  private length = 0;
  private lines = 0;
  private flags = 0;
  private firstN = 0;
  private lastN = 0;

  get isEmpty(): boolean {
    return this.lines === 0;
  }

  /** Only the recording's header so far: its first snapshot belongs with it. */
  get onlyHeader(): boolean {
    return this.lines === 1 && this.flags === MEMBER_FLAGS.header;
  }

  /** Bytes of text so far. */
  get size(): number {
    return this.length;
  }

  /** A line that is not an iteration record; `flag` marks what it starts or ends. */
  push(json: string, flag: number = 0): void {
    this.flags |= flag;
    this.add(json);
  }

  pushRecord(json: string, n: number): void {
    if (this.firstN === 0) this.firstN = n;
    this.lastN = n;
    this.add(json);
  }

  /** The member so far, and a fresh buffer for the next. */
  seal(): SealedMember | null {
    if (this.lines === 0) return null;
    const sealed: SealedMember = {
      text: this.bytes.subarray(0, this.length),
      info: { lines: this.lines, flags: this.flags, firstN: this.firstN, lastN: this.lastN },
    };
    this.bytes = Buffer.allocUnsafe(Math.max(1 << 20, this.bytes.length));
    this.length = 0;
    this.lines = 0;
    this.flags = 0;
    this.firstN = 0;
    this.lastN = 0;
    return sealed;
  }

  private add(json: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: room for that, and the newline.
    const need = this.length + json.length * 3 + 1;
    if (need > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    this.length += this.bytes.write(json, this.length);
    this.bytes[this.length++] = 0x0a;
    this.lines++;
  }
}

export { MEMBER_FLAGS };
