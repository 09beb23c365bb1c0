import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetLabStore, useLabStore } from '../store/lab-store';
import { connection, snapshot } from '../test/fixtures';
import { fakeLayout } from '../test/layout';
import { SocketList } from './SocketList';

beforeAll(() => fakeLayout(320, 600));
beforeEach(resetLabStore);
afterEach(cleanup);

describe('SocketList', () => {
  it('renders only the chips in view, however many sockets there are', () => {
    const ids = Array.from({ length: 5001 }, (_, i) => i);
    useLabStore
      .getState()
      .applySnapshot(snapshot({ inputs: ids, connections: ids.slice(1).map((id) => connection(id)) }));
    render(<SocketList name="inputs" hint="" ids={ids} sets={null} pastQueues={null} />);
    const list = screen.getByRole('list', { name: 'inputs' });
    expect(list.getAttribute('data-count')).toBe('5001');
    const items = within(list).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(5);
    expect(items.length).toBeLessThan(40);
    expect(items[0]?.getAttribute('aria-setsize')).toBe('5001');
  });

  it('marks only what select() asks a list about', () => {
    useLabStore
      .getState()
      .applySnapshot(snapshot({ inputs: [0, 1], outputs: [1], connections: [connection(1)] }));
    const sets = { readable: [1], writable: [1], exceptional: [] };
    render(
      <>
        <SocketList name="inputs" hint="" ids={[0, 1]} sets={sets} pastQueues={null} />
        <SocketList name="outputs" hint="" ids={[1]} sets={sets} pastQueues={null} />
      </>,
    );
    const marks = (list: string) =>
      within(screen.getByRole('list', { name: list }))
        .getAllByRole('button')
        .map((b) => b.getAttribute('data-marks'));
    expect(marks('inputs')).toEqual(['', 'readable']);
    expect(marks('outputs')).toEqual(['writable']);
  });

  it('shows queue depths from a past iteration when given them', () => {
    useLabStore.getState().applySnapshot(snapshot({ inputs: [0, 1], connections: [connection(1)] }));
    const past = new Map([[1, { messages: 3, bytes: 2048 }]]);
    render(<SocketList name="inputs" hint="" ids={[0, 1]} sets={null} pastQueues={past} />);
    expect(screen.getAllByRole('listitem')[1]?.textContent).toMatch(/^#1 .*q 3 · 2\.0 KiB/);
  });
});
