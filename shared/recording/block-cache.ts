import type { Result } from '../result';
import type { Block, BlockContent } from './catalog';

/** Decoded blocks kept: the one a replay is in, the one before (its timeline) and one more. */
const KEEP = 3;

/** Decoded blocks by index, the least recently used dropped first. */
export class BlockCache {
  private readonly decoded = new Map<number, BlockContent>();

  constructor(private readonly blocks: Block[]) {}

  /** The block to stand in at position `n`: the latest one that starts at or before it. */
  blockFor(n: number): number {
    let found = 0;
    for (const [index, block] of this.blocks.entries()) {
      if (block.startN > n) break;
      found = index;
    }
    return found;
  }

  async load(index: number): Promise<Result<BlockContent>> {
    const block = this.blocks[index];
    if (!block) return { ok: false, error: { code: 'BAD_RECORDING', message: 'No such block.' } };
    const kept = this.decoded.get(index);
    if (kept) {
      this.decoded.delete(index);
      this.decoded.set(index, kept);
      return { ok: true, value: kept };
    }
    const loaded = await block.load();
    if (loaded.ok) {
      this.decoded.set(index, loaded.value);
      for (const oldest of this.decoded.keys()) {
        if (this.decoded.size <= KEEP) break;
        this.decoded.delete(oldest);
      }
    }
    return loaded;
  }

  /** A decoded block, if it is still kept. */
  peek(index: number): BlockContent | undefined {
    return this.decoded.get(index);
  }
}
