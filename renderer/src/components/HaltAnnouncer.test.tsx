import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetLabStore, useLabStore } from '../store/lab-store';
import { delta, record, snapshot } from '../test/fixtures';
import { HaltAnnouncer } from './HaltAnnouncer';

beforeEach(resetLabStore);
afterEach(cleanup);

const sets = (readable: number[], writable: number[] = []) => ({ readable, writable, exceptional: [] });
const said = (): string[] =>
  Array.from(screen.getByRole('log', { name: 'While halted' }).children, (p) => p.textContent ?? '');

describe('HaltAnnouncer', () => {
  it('is a polite log that speaks only while halted in Step mode', () => {
    useLabStore.getState().applySnapshot(snapshot({ mode: 'run', lastSets: sets([1]) }));
    render(<HaltAnnouncer />);
    const log = screen.getByRole('log', { name: 'While halted' });
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(said()).toEqual([]);

    act(() => useLabStore.getState().applyDelta(delta({ engine: { mode: 'step', pending: sets([1, 2]) } })));
    expect(said()).toEqual(['Halted: select() would return 2 readable.']);

    act(() =>
      useLabStore.getState().applyDelta(
        delta({
          seq: 2,
          engine: { pending: sets([], [1]) },
          iterations: [record(7, [{ kind: 'select', phase: 'select', ...sets([1, 2]) }])],
        }),
      ),
    );
    expect(said().at(-1)).toBe(
      'Iteration 7: select() returned 2 readable. Next, select() would return 1 writable.',
    );

    act(() => useLabStore.getState().applyDelta(delta({ seq: 3, engine: { mode: 'run', pending: null } })));
    expect(said()).toHaveLength(2);
  });
});
