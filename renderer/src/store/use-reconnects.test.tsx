import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LinkStatus, StatusListener } from '../api';
import { LinkLostBanner } from '../components/LinkLostBanner';
import { snapshot } from '../test/fixtures';
import { resetLabStore, useLabStore } from './lab-store';
import { useReconnects } from './use-reconnects';

/** A transport whose link the test raises and drops. */
function fakeLink() {
  const listeners = new Set<StatusListener>();
  return {
    onStatus(listener: StatusListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (status: LinkStatus, reason?: string) => act(() => listeners.forEach((l) => l(status, reason))),
  };
}

function Probe({ transport }: { transport: ReturnType<typeof fakeLink> }) {
  const generation = useReconnects(transport);
  const link = useLabStore((s) => s.link);
  return (
    <div data-testid="root" data-state={link} data-generation={generation}>
      <LinkLostBanner />
    </div>
  );
}

const root = () => screen.getByTestId('root');

beforeEach(resetLabStore);
afterEach(cleanup);

describe('a dropped link to the lab', () => {
  it('is said plainly, and the window remounts once the link is back', () => {
    const link = fakeLink();
    render(<Probe transport={link} />);
    link.emit('open');
    act(() => useLabStore.getState().applySnapshot(snapshot()));
    expect(root().dataset.state).toBe('ready');
    expect(screen.queryByRole('alert', { name: 'Connection lost' })).toBeNull();

    link.emit('closed');
    expect(root().dataset.state).toBe('lost');
    expect(screen.getByRole('alert', { name: 'Connection lost' }).textContent).toContain('Reconnecting');
    link.emit('connecting');
    link.emit('closed'); // a retry that fails too: still lost, no remount
    expect(root().dataset.state).toBe('lost');
    expect(root().dataset.generation).toBe('0');

    link.emit('connecting');
    link.emit('open');
    expect(root().dataset.generation).toBe('1');
  });

  it("gives the server's reason when it dropped a window that fell behind", () => {
    const link = fakeLink();
    render(<Probe transport={link} />);
    link.emit('open');
    act(() => useLabStore.getState().applySnapshot(snapshot()));
    const why = 'This window fell behind: over 2 MiB of updates unread for 10 s.';
    link.emit('closed', why);
    expect(screen.getByRole('alert', { name: 'Connection lost' }).textContent).toContain(why);
    link.emit('closed'); // the retries that follow keep the reason
    expect(screen.getByRole('alert', { name: 'Connection lost' }).textContent).toContain(why);
    link.emit('open');
    expect(root().dataset.generation).toBe('1');
  });

  it('says when the lab no longer accepts the token, how to get the new URL, and remounts once it does', () => {
    const link = fakeLink();
    render(<Probe transport={link} />);
    link.emit('open');
    act(() => useLabStore.getState().applySnapshot(snapshot()));
    link.emit('closed');
    link.emit('refused', 'It was started with a new one. Print it with: npm run serve -- --print-url');
    expect(root().dataset.state).toBe('refused');
    const banner = screen.getByRole('alert', { name: 'Token refused' });
    expect(banner.querySelector('code')?.textContent).toBe('npm run serve -- --print-url');
    link.emit('open');
    expect(root().dataset.generation).toBe('1');
  });

  it('leaves a first connection to the sync hook: no banner before the window was ever ready', () => {
    const link = fakeLink();
    render(<Probe transport={link} />);
    link.emit('connecting');
    link.emit('closed');
    expect(root().dataset.state).toBe('connecting');
    link.emit('open');
    expect(root().dataset.generation).toBe('0');
  });
});
