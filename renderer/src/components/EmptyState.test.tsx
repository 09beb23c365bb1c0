import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { resetLabStore, useLabStore } from '../store/lab-store';
import { engineSnapshot, snapshot } from '../test/fixtures';
import { EmptyState } from './EmptyState';

beforeEach(resetLabStore);
afterEach(cleanup);

it('suggests nc on the default address while a fresh engine has never listened', () => {
  const fresh = engineSnapshot({
    server: { state: 'stopped', host: '', port: 0, address: null, error: null },
  });
  act(() => useLabStore.getState().applySnapshot(snapshot(fresh)));
  render(<EmptyState />);
  expect(screen.getByRole('note', { name: 'Getting started' }).textContent).toContain('nc 127.0.0.1 50000');
});
