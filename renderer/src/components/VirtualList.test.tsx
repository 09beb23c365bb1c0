import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memo } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeLayout } from '../test/layout';
import { useRovingTabIndex } from './tab-stop';
import { VirtualList } from './VirtualList';

beforeAll(() => fakeLayout(320, 300)); // 10 rows of 30 px in view
afterEach(cleanup);

const Row = memo(function Row({ id }: { id: number }) {
  return (
    <button type="button" tabIndex={useRovingTabIndex(id)}>
      row {id}
    </button>
  );
});

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

function List({ ids }: { ids: number[] }) {
  return (
    <>
      <button type="button">before</button>
      <VirtualList
        label="rows"
        ids={ids}
        rowHeight={30}
        overscan={2}
        initialHeight={300}
        scrollerClass="scroller"
        renderRow={(id) => <Row id={id} />}
      />
      <button type="button">after</button>
    </>
  );
}

const focusedText = (): string | null => document.activeElement?.textContent ?? null;

describe('VirtualList keyboard', () => {
  it('is one tab stop, on its first row until another is chosen', async () => {
    render(<List ids={range(100)} />);
    const rows = within(screen.getByRole('list', { name: 'rows' })).getAllByRole('button');
    expect(rows.filter((r) => r.tabIndex === 0).map((r) => r.textContent)).toEqual(['row 1']);
    await userEvent.tab();
    await userEvent.tab();
    expect(focusedText()).toBe('row 1');
    await userEvent.tab();
    expect(focusedText()).toBe('after');
    await userEvent.tab({ shift: true });
    expect(focusedText()).toBe('row 1');
  });

  it('moves with the arrow keys, Home, End and the page keys, rendering the row it reaches', async () => {
    render(<List ids={range(1000)} />);
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(focusedText()).toBe('row 3');
    await userEvent.keyboard('{ArrowUp}');
    expect(focusedText()).toBe('row 2');
    await userEvent.keyboard('{PageDown}'); // a page is the rows in view less one
    expect(focusedText()).toBe('row 11');
    await userEvent.keyboard('{End}');
    expect(focusedText()).toBe('row 1000');
    await userEvent.keyboard('{ArrowDown}');
    expect(focusedText()).toBe('row 1000');
    await userEvent.keyboard('{Home}');
    expect(focusedText()).toBe('row 1');
    // Tab leaves from, and comes back to, the row last chosen.
    await userEvent.keyboard('{End}');
    await userEvent.tab();
    await userEvent.tab({ shift: true });
    expect(focusedText()).toBe('row 1000');
  });

  it('follows the top while no row was chosen: new rows above take the tab stop', async () => {
    const { rerender } = render(<List ids={[3, 2, 1]} />);
    await userEvent.tab();
    await userEvent.tab();
    expect(focusedText()).toBe('row 3');
    await userEvent.tab();
    rerender(<List ids={[5, 4, 3, 2, 1]} />); // newest first, as the timeline
    await userEvent.tab({ shift: true });
    expect(focusedText()).toBe('row 5');
  });

  it('keeps its row elements when the members change: a new top row rebuilds nothing', () => {
    const { rerender } = render(<List ids={range(20)} />);
    const before = within(screen.getByRole('list', { name: 'rows' })).getAllByRole('listitem');
    rerender(<List ids={[0, ...range(20)]} />); // a new top row, as the timeline gets on every batch
    const after = within(screen.getByRole('list', { name: 'rows' })).getAllByRole('listitem');
    expect(after.slice(0, 5)).toEqual(before.slice(0, 5)); // the same elements, showing the next ids
    expect(after.slice(0, 3).map((row) => row.textContent)).toEqual(['row 0', 'row 1', 'row 2']);
    expect(
      after.filter((row) => row.querySelector('button')?.tabIndex === 0).map((r) => r.textContent),
    ).toEqual(['row 0']);
  });

  it('the row the user chose keeps its element as it moves, so focus moves with it', async () => {
    const { rerender } = render(<List ids={range(20)} />);
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    const focused = document.activeElement;
    expect(focusedText()).toBe('row 3');
    rerender(<List ids={[0, ...range(20)]} />);
    expect(document.activeElement).toBe(focused);
    expect(focusedText()).toBe('row 3');
  });

  it('keeps focus in the list when the focused row leaves it', async () => {
    const { rerender } = render(<List ids={range(5)} />);
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(focusedText()).toBe('row 3');
    rerender(<List ids={[1, 2, 4, 5]} />); // row 3's socket left: the row in its place takes focus
    expect(focusedText()).toBe('row 4');
    rerender(<List ids={[]} />); // nothing left: the (empty) list itself
    expect(document.activeElement).toBe(screen.getByRole('list', { name: 'rows' }));
  });
});
