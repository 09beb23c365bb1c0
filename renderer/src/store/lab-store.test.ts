import { beforeEach, describe, expect, it } from 'vitest';
import { connection, delta, snapshot } from '../test/fixtures';
import { resetLabStore, useLabStore } from './lab-store';
import { selectDisplay } from './selectors';

const sets = (readable: number[], writable: number[] = [], exceptional: number[] = []) => ({
  readable,
  writable,
  exceptional,
});

describe('the lab store', () => {
  beforeEach(resetLabStore);

  it('is connecting until a snapshot arrives, then ready', () => {
    expect(useLabStore.getState().link).toBe('connecting');
    useLabStore.getState().applySnapshot(snapshot());
    expect(useLabStore.getState().link).toBe('ready');
  });

  it('drops the selection when the selected socket closes', () => {
    const store = useLabStore.getState();
    store.applySnapshot(snapshot({ inputs: [0, 3], connections: [connection(3)] }));
    store.select(3);
    useLabStore.getState().applyDelta(delta({ removed: [3], engine: { inputs: [0] } }));
    expect(useLabStore.getState().selectedId).toBeNull();
  });

  it('starts a new Step action trail at each select', () => {
    const store = useLabStore.getState();
    store.traceAction({ kind: 'select', phase: 'select', ...sets([1]) });
    store.traceAction({ kind: 'recv', id: 1, bytes: 5, phase: 'readable' });
    expect(useLabStore.getState().stepTrail.map((a) => a.kind)).toEqual(['select', 'recv']);
    store.traceAction({ kind: 'select', phase: 'select', ...sets([]) });
    expect(useLabStore.getState().stepTrail).toHaveLength(1);
  });

  it('records a command error and clears it on success', () => {
    const store = useLabStore.getState();
    store.setError('startServer', { code: 'EADDRINUSE', message: 'busy' });
    expect(useLabStore.getState().errors.startServer?.code).toBe('EADDRINUSE');
    store.setError('startServer', null);
    expect(useLabStore.getState().errors.startServer).toBeUndefined();
  });
});

describe('what the lists display', () => {
  beforeEach(resetLabStore);

  it('marks what the last select() returned while running', () => {
    useLabStore.getState().applySnapshot(snapshot({ inputs: [0, 1], lastSets: sets([1]) }));
    const display = selectDisplay(useLabStore.getState());
    expect(display.source).toBe('last');
    expect(display.sets?.readable).toEqual([1]);
  });

  it('marks what the next select() would return while halted in Step mode', () => {
    useLabStore
      .getState()
      .applySnapshot(snapshot({ mode: 'step', lastSets: sets([]), pending: sets([1], [2]) }));
    const display = selectDisplay(useLabStore.getState());
    expect(display.source).toBe('pending');
    expect(display.sets?.writable).toEqual([2]);
  });

  it('shows a past iteration as it was after it', () => {
    const store = useLabStore.getState();
    const past = {
      n: 4,
      at: 0,
      micros: 1,
      fidelity: 'safe' as const,
      inputs: [0, 1],
      outputs: [],
      sets: sets([1]),
      actions: [],
      after: { inputs: [0, 1], outputs: [1], queues: [[1, 1, 5]] as [number, number, number][] },
    };
    store.applySnapshot(snapshot({ inputs: [0] }, [past]));
    store.view(4);
    const display = selectDisplay(useLabStore.getState());
    expect(display).toMatchObject({ source: 'past', inputs: [0, 1], outputs: [1] });
  });
});
