import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DesktopApi } from '../../../shared/contract';
import { fail, ok } from '../../../shared/result';
import { LabApiProvider } from '../store/api-context';
import { resetLabStore, useLabStore } from '../store/lab-store';
import { engineSnapshot, handMadeApi, snapshot } from '../test/fixtures';
import { ProgramError, ProgramMenu } from './ProgramMenu';

function renderMenu({ refuse = false }: { refuse?: boolean } = {}) {
  const engine = snapshot(engineSnapshot());
  const lab = handMadeApi(engine, {
    watchProgram: () => (refuse ? fail('NO_PYTHON', 'python3 was not found.') : ok(null)),
  });
  act(() => useLabStore.getState().applySnapshot(engine));
  render(
    <LabApiProvider api={lab.api}>
      <ProgramMenu />
      <ProgramError />
    </LabApiProvider>,
  );
  const watches = () => lab.calls.filter((c) => c.name === 'watchProgram').map((c) => c.args);
  return { watches };
}

const group = () => screen.getByRole('group', { name: 'Real programs' });

beforeEach(resetLabStore);
afterEach(() => {
  cleanup();
  delete window.labDesktop;
});

describe('Real programs, in the browser shell', () => {
  it('is one button, Run the original, that runs the seed', async () => {
    const { watches } = renderMenu();
    const buttons = within(group()).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Run the original']);
    expect(buttons[0]!.getAttribute('title')).toMatch(
      /^Run the tutorial's server itself \(python3, traced\)/,
    );
    expect(screen.queryByRole('button', { name: 'Programs' })).toBeNull();
    await userEvent.click(buttons[0]!);
    expect(watches()).toEqual([{ program: 'original' }]);
  });
});

describe('Real programs, in the desktop app', () => {
  beforeEach(() => {
    window.labDesktop = {} as DesktopApi;
  });

  const programs = () => within(group()).getByRole('button', { name: 'Programs' });
  const panel = () => screen.queryByRole('region', { name: 'Programs' });

  it('is one small button, Programs, with its panel closed', () => {
    renderMenu();
    expect(within(group()).getAllByRole('button')).toEqual([programs()]);
    expect(programs().getAttribute('aria-expanded')).toBe('false');
    expect(panel()).toBeNull();
    expect(screen.queryByRole('button', { name: 'Run the original' })).toBeNull();
  });

  it('opens to both actions, each with what it does; focus goes to the first', async () => {
    renderMenu();
    await userEvent.click(programs());
    expect(programs().getAttribute('aria-expanded')).toBe('true');
    const open = panel()!;
    expect(programs().getAttribute('aria-controls')).toBe(open.id);
    const original = within(open).getByRole('button', { name: 'Run the original' });
    const choose = within(open).getByRole('button', { name: 'Watch a program…' });
    expect(original.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(original.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /^Run the tutorial's server itself \(python3, traced\)/,
    );
    expect(document.getElementById(choose.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /^Pick a Python program of yours/,
    );
    expect(document.activeElement).toBe(original);
  });

  it('Run the original runs the seed, closes the panel and gives focus back to Programs', async () => {
    const { watches } = renderMenu();
    await userEvent.click(programs());
    await userEvent.click(screen.getByRole('button', { name: 'Run the original' }));
    expect(watches()).toEqual([{ program: 'original' }]);
    expect(panel()).toBeNull();
    expect(document.activeElement).toBe(programs());
  });

  it('Watch a program… asks the desktop app to pick one, from the keyboard too', async () => {
    const { watches } = renderMenu();
    programs().focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Watch a program…' }));
    await userEvent.keyboard('{Enter}');
    expect(watches()).toEqual([{ program: 'choose' }]);
    expect(panel()).toBeNull();
  });

  it('Escape closes the panel and focus goes back to Programs', async () => {
    const { watches } = renderMenu();
    await userEvent.click(programs());
    await userEvent.keyboard('{Escape}');
    expect(panel()).toBeNull();
    expect(programs().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(programs());
    expect(watches()).toEqual([]);
  });

  it('a click outside closes it', async () => {
    renderMenu();
    await userEvent.click(programs());
    await userEvent.click(document.body);
    expect(panel()).toBeNull();
  });

  it('says why it could not run, in its own place (under the toolbar row), the panel closed', async () => {
    renderMenu({ refuse: true });
    await userEvent.click(programs());
    await userEvent.click(screen.getByRole('button', { name: 'Watch a program…' }));
    expect(panel()).toBeNull();
    expect(within(group()).queryByRole('alert')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('python3 was not found.');
  });
});
