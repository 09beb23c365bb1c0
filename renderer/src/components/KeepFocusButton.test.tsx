import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { KeepFocusButton } from './KeepFocusButton';

afterEach(cleanup);

describe('KeepFocusButton', () => {
  it('keeps focus when it becomes unavailable, and then neither clicks nor submits', async () => {
    const clicks: string[] = [];
    const form = (disabled: boolean) => (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          clicks.push('submit');
        }}
      >
        <input aria-label="Port" />
        <KeepFocusButton type="submit" disabled={disabled} onClick={() => clicks.push('click')}>
          Go
        </KeepFocusButton>
      </form>
    );
    const { rerender } = render(form(false));
    const button = screen.getByRole('button', { name: 'Go' });
    await userEvent.click(button);
    expect(clicks).toEqual(['click', 'submit']);

    rerender(form(true));
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await userEvent.keyboard('{Enter}');
    await userEvent.type(screen.getByRole('textbox', { name: 'Port' }), '5{Enter}');
    expect(clicks).toEqual(['click', 'submit']);
  });
});
