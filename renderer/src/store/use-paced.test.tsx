import { act, cleanup, render } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { delta, record, snapshot } from '../test/fixtures';
import { resetLabStore, useLabStore, type LabState } from './lab-store';
import { usePacedLab } from './use-paced';

const newest = (s: LabState): number => s.history.at(-1)?.n ?? -1;
let renders = 0;

function Newest() {
  return <output>{usePacedLab(newest, 100)}</output>;
}

const counted = (
  <Profiler id="newest" onRender={() => (renders += 1)}>
    <Newest />
  </Profiler>
);

const push = (n: number): void =>
  act(() => useLabStore.getState().applyDelta(delta({ iterations: [record(n, [])] })));
const shown = (): string => document.querySelector('output')?.textContent ?? '';

describe('usePacedLab', () => {
  beforeEach(() => {
    resetLabStore();
    useLabStore.getState().applySnapshot(snapshot());
    renders = 0;
    vi.useFakeTimers();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('shows the first change at once, the rest at most every interval, and always the last', () => {
    render(counted);
    push(1);
    expect(shown()).toBe('1');
    for (let n = 2; n <= 20; n++) push(n);
    expect(shown()).toBe('1'); // within the interval: not yet
    act(() => vi.advanceTimersByTime(100));
    expect(shown()).toBe('20');
    expect(renders).toBeLessThanOrEqual(3); // the first render, 1, then 20: not one per batch
  });

  it('halted in Step mode, shows every change at once: each is a click', () => {
    act(() => useLabStore.getState().applySnapshot(snapshot({ mode: 'step' })));
    render(counted);
    push(1);
    push(2);
    expect(shown()).toBe('2');
  });

  it('does not redraw for a batch that leaves its value as it was', () => {
    render(counted);
    push(1);
    const before = renders;
    act(() => useLabStore.getState().select(3));
    act(() => vi.advanceTimersByTime(500));
    expect(renders).toBe(before);
  });
});
