import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type EngineOptions } from '../../../shared/engine';
import { fail, ok, type Result } from '../../../shared/result';
import { LabApiProvider } from '../store/api-context';
import { resetLabStore, useLabStore } from '../store/lab-store';
import { delta, handMadeApi, snapshot } from '../test/fixtures';
import { OptionsPanel } from './OptionsPanel';

type Answer = (args: unknown) => Result<EngineOptions>;

function renderPanel(setOptions: Answer, options: EngineOptions = DEFAULT_OPTIONS) {
  const lab = handMadeApi(snapshot({ options }), { setOptions });
  useLabStore.getState().applySnapshot(snapshot({ options }));
  render(
    <LabApiProvider api={lab.api}>
      <OptionsPanel />
    </LabApiProvider>,
  );
  const sent = () => lab.calls.filter((c) => c.name === 'setOptions').map((c) => c.args);
  return { ...lab, sent };
}

const field = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
/** The option's own block: its field and, when refused, its error. */
const optionOf = (name: string) => field(name).closest('.option') as HTMLElement;
const engineSays = (options: Partial<EngineOptions>) =>
  act(() =>
    useLabStore.getState().applyDelta(delta({ engine: { options: { ...DEFAULT_OPTIONS, ...options } } })),
  );

beforeEach(resetLabStore);
afterEach(cleanup);

describe('the socket options panel', () => {
  it("shows the engine's values, sizes as 64K / 1M", async () => {
    renderPanel(() => ok(DEFAULT_OPTIONS));
    await userEvent.click(screen.getByText('Socket options'));
    expect(field('Recv size').value).toBe('1024');
    expect(field('Send buffer').value).toBe('64K');
    expect(field('Queue cap').value).toBe('1M');
    expect(field('Max connections').value).toBe('10000');
    expect((screen.getByRole('checkbox', { name: 'TCP_NODELAY' }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/Nagle/).textContent).toContain('~20 messages/s');
    // Unavailable but focusable (aria-disabled): pressing it must not drop the keyboard's focus.
    expect(screen.getByRole('button', { name: 'Defaults' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('applies a field on Enter and on blur, and then shows what the engine holds', async () => {
    const { sent } = renderPanel((args) => ok({ ...DEFAULT_OPTIONS, ...(args as Partial<EngineOptions>) }));
    await userEvent.click(screen.getByText('Socket options'));
    await userEvent.clear(field('Recv size'));
    await userEvent.type(field('Recv size'), '16{Enter}');
    expect(sent()).toEqual([{ recvSize: 16 }]);
    engineSays({ recvSize: 16 });
    expect(field('Recv size').value).toBe('16');
    expect(screen.getByText('1 changed')).toBeTruthy();
    await userEvent.clear(field('Send buffer'));
    await userEvent.type(field('Send buffer'), '8K');
    await userEvent.tab();
    expect(sent()).toEqual([{ recvSize: 16 }, { sendBufferSize: 8192 }]);
  });

  it("shows a refusal beside its field, which keeps the engine's value", async () => {
    const message = 'The queue cap (100 B) must hold at least one recv (1024 B).';
    renderPanel(() => fail('BAD_ARGUMENT', message));
    await userEvent.click(screen.getByText('Socket options'));
    await userEvent.clear(field('Queue cap'));
    await userEvent.type(field('Queue cap'), '100{Enter}');
    const error = await within(optionOf('Queue cap')).findByRole('alert');
    // The lab's own codes are for tests: the reader sees the sentence only.
    expect(error.textContent).not.toContain('BAD_ARGUMENT');
    expect(error.getAttribute('data-code')).toBe('BAD_ARGUMENT');
    expect(error.textContent).toContain(message);
    expect(field('Queue cap').value).toBe('1M');
    expect(field('Queue cap').getAttribute('aria-invalid')).toBe('true');
    expect(within(optionOf('Recv size')).queryByRole('alert')).toBeNull();
  });

  it('says what is wrong with text that is not a number, without sending it', async () => {
    const { sent } = renderPanel(() => ok(DEFAULT_OPTIONS));
    await userEvent.click(screen.getByText('Socket options'));
    await userEvent.clear(field('History size'));
    await userEvent.type(field('History size'), 'lots{Enter}');
    expect(within(optionOf('History size')).getByRole('alert').textContent).toContain('not a number');
    expect(sent()).toEqual([]);
  });

  it('switches TCP_NODELAY and Stop on crash live', async () => {
    const { sent } = renderPanel((args) => ok({ ...DEFAULT_OPTIONS, ...(args as Partial<EngineOptions>) }));
    await userEvent.click(screen.getByText('Socket options'));
    await userEvent.click(screen.getByRole('checkbox', { name: 'TCP_NODELAY' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Stop on crash' }));
    expect(sent()).toEqual([{ noDelay: true }, { stopOnCrash: true }]);
    expect((screen.getByRole('checkbox', { name: 'TCP_NODELAY' }) as HTMLInputElement).checked).toBe(true);
  });

  it("Defaults restores the seed's options, leaving Slow's speed alone", async () => {
    const changed = { ...DEFAULT_OPTIONS, recvSize: 16, noDelay: true, slowDelayMs: 100 };
    const { sent } = renderPanel(() => ok(DEFAULT_OPTIONS), changed);
    await userEvent.click(screen.getByText('Socket options'));
    expect(screen.getByText('2 changed')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Defaults' }));
    const { slowDelayMs: _speed, ...expected } = DEFAULT_OPTIONS;
    expect(sent()).toEqual([expected]);
  });
});
