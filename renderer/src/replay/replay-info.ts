import type { Mode } from '../../../shared/engine';
import type { Position } from '../../../shared/recording/replay';

/** What the replay bar shows: where the replay stands in its file, and what the file is. */
export interface ReplayInfo {
  name: string;
  /** A recording, or a `--log jsonl` file. */
  kind: 'recording' | 'log';
  /** When recording began (ms), when the file says. */
  startedAt: number | null;
  first: number;
  last: number;
  position: Position;
  /** Actions of the iteration Step action is in (or would open next). */
  actions: number;
  /** `step`: paused; `run`: playing at the recorded pace (× speed); `slow`: one iteration per Slow delay. */
  mode: Mode;
  /** Multiplies the recorded pace in Run. */
  speed: number;
  /** What is wrong with the file short of being unreadable. */
  warnings: string[];
  /** Why the recording ended, when it ended properly. */
  ended: string | null;
}
