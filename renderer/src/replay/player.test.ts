import { describe, expect, it } from 'vitest';
import { record } from '../../../shared/fixtures';
import { MAX_GAP_MS, RecordedClock } from './player';

const at = (ms: number) => ({ ...record(1, []), at: ms });

describe('Run plays a replay at its recorded pace', () => {
  it('a record is due when the wall clock since Play has caught up with it, times the speed', () => {
    const clock = new RecordedClock(1);
    clock.start(1000, 50_000);
    expect(clock.due(at(50_100), 50_000, 1050)).toBe(false);
    expect(clock.due(at(50_100), 50_000, 1100)).toBe(true);
    clock.setSpeed(4, 1100);
    // 4× from here: 100 ms of recording in 25 ms.
    expect(clock.due(at(50_200), 50_100, 1120)).toBe(false);
    expect(clock.due(at(50_200), 50_100, 1125)).toBe(true);
  });

  it('a long idle gap in the recording plays as one second, not its whole length', () => {
    const clock = new RecordedClock(1);
    clock.start(0, 10_000);
    const afterAMinute = at(10_000 + 60_000);
    expect(clock.due(afterAMinute, 10_000, MAX_GAP_MS - 1)).toBe(false);
    expect(clock.due(afterAMinute, 10_000, MAX_GAP_MS)).toBe(true);
    // The clock moved on to the record: the next one 100 ms later is due 100 ms later.
    expect(clock.due(at(70_100), 70_000, MAX_GAP_MS + 99)).toBe(false);
    expect(clock.due(at(70_100), 70_000, MAX_GAP_MS + 100)).toBe(true);
  });
});
