import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Menu, useMenu } from './Menu';

/** A menu whose owner re-renders on its own, as the toolbar's do when the store changes. */
function Owner({ tick }: { tick: number }) {
  const menu = useMenu();
  return (
    <Menu id="list" label="Things" title="Some things" {...menu} after={<span>tick {tick}</span>}>
      <button type="button">First</button>
      <button type="button">Second</button>
    </Menu>
  );
}

afterEach(cleanup);

describe('Menu', () => {
  it('moves focus into its list once, and a re-render of its owner leaves focus where the user put it', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Owner tick={0} />);
    await user.click(screen.getByRole('button', { name: 'Things' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'First' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Second' }));
    rerender(<Owner tick={1} />);
    screen.getByText('tick 1');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Second' }));
  });

  it('closes on Escape and gives focus back to its button', async () => {
    const user = userEvent.setup();
    render(<Owner tick={0} />);
    const button = screen.getByRole('button', { name: 'Things' });
    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Things' })).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});
