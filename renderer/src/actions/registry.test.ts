import { describe, expect, it } from 'vitest';
import { actionForKey } from '../components/useShortcuts';
import { resetLabStore, useLabStore } from '../store/lab-store';
import { snapshot } from '../test/fixtures';
import { ACTION_IDS, CATALOG } from './catalog';
import { ACTIONS } from './registry';

describe('registered actions', () => {
  it('declares each operation once, with what it does when and why not', () => {
    for (const id of ACTION_IDS) {
      expect(ACTIONS[id]).toMatchObject({ id, label: CATALOG[id].label });
      expect(typeof ACTIONS[id].unavailable).toBe('function');
    }
  });

  it('maps keys to actions: Space steps, Shift+Space steps an action, letters either case', () => {
    expect(actionForKey({ key: ' ', shiftKey: false })).toBe('step');
    expect(actionForKey({ key: ' ', shiftKey: true })).toBe('step-action');
    expect(actionForKey({ key: 'R', shiftKey: true })).toBe('run');
    expect(actionForKey({ key: 'v', shiftKey: false })).toBe('reveal');
    expect(actionForKey({ key: 'F1', shiftKey: false })).toBe('tutorial');
    expect(actionForKey({ key: 'q', shiftKey: false })).toBeNull();
  });

  it('says why an action cannot run: Reveal needs Predict, halted before select()', () => {
    resetLabStore();
    useLabStore.getState().applySnapshot(snapshot({ mode: 'run' }));
    expect(ACTIONS.reveal.unavailable(useLabStore.getState())).toBe('Turn Predict on first.');
    useLabStore.getState().setPredicting(true);
    expect(ACTIONS.reveal.unavailable(useLabStore.getState())).toBe('Switch Mode to Step first.');
    useLabStore.getState().applySnapshot(snapshot({ mode: 'step' }));
    expect(ACTIONS.reveal.unavailable(useLabStore.getState())).toBeNull();
    useLabStore.getState().setPredicting(false);
  });
});
