import { MEMBER_FLAGS, type MemberInfo } from '../../shared/recording/gzip-blocks';

/** Lines waiting to become one gzip member, with what its header will say about them. */
export interface SealedMember {
  text: string;
  info: Omit<MemberInfo, 'size'>;
}

/**
 * Collects lines into members: a member is sealed when the writer flushes (once a second)
 * or a new snapshot starts a block. Counts what the header needs: lines, flags, iterations.
 */
export class MemberBuffer {
  private lines: string[] = [];
  private bytes = 0;
  private flags = 0;
  private firstN = 0;
  private lastN = 0;

  get isEmpty(): boolean {
    return this.lines.length === 0;
  }

  /** Raw bytes waiting. */
  get size(): number {
    return this.bytes;
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
    if (this.lines.length === 0) return null;
    const sealed: SealedMember = {
      text: `${this.lines.join('\n')}\n`,
      info: { lines: this.lines.length, flags: this.flags, firstN: this.firstN, lastN: this.lastN },
    };
    this.lines = [];
    this.bytes = 0;
    this.flags = 0;
    this.firstN = 0;
    this.lastN = 0;
    return sealed;
  }

  private add(json: string): void {
    this.lines.push(json);
    this.bytes += json.length + 1;
  }
}

export { MEMBER_FLAGS };
