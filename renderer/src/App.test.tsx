import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../shared/engine';
import { fail, ok } from '../../shared/result';
import { seedLines } from '../../shared/seed';
import { App } from './App';
import { resetLabStore } from './store/lab-store';
import {
  connection,
  delta,
  keyErrorCrash,
  engineSnapshot,
  handMadeApi,
  record,
  snapshot,
} from './test/fixtures';
import { fakeLayout } from './test/layout';

const sets = (readable: number[], writable: number[] = [], exceptional: number[] = []) => ({
  readable,
  writable,
  exceptional,
});

async function renderReady(api: ReturnType<typeof handMadeApi>['api']) {
  const view = render(<App api={api} />);
  await screen.findByRole('list', { name: 'inputs' });
  await act(async () => undefined);
  expect(view.container.querySelector('.app')?.getAttribute('data-state')).toBe('ready');
  return view;
}

const items = (list: string) =>
  within(screen.getByRole('list', { name: list }))
    .queryAllByRole('listitem')
    .map((li) => li.textContent ?? '');

beforeAll(() => fakeLayout());
beforeEach(resetLabStore);
afterEach(cleanup);

describe('the window', () => {
  it('shows the three lists with chips that begin with their #id', async () => {
    const { api } = handMadeApi(
      snapshot({ inputs: [0, 1, 2], outputs: [2], connections: [connection(1), connection(2)] }),
    );
    await renderReady(api);
    expect(items('inputs').map((t) => t.split(' ')[0])).toEqual(['#0', '#1', '#2']);
    expect(items('outputs')[0]).toMatch(/^#2 fd 5 127\.0\.0\.1:40002/);
    expect(items('exceptional')).toEqual([]);
    expect(items('inputs')[0]).toContain('listening 127.0.0.1:50000');
  });

  it('moves a chip when a batch moves its socket, and marks the select() sets', async () => {
    const { api, push } = handMadeApi(snapshot({ inputs: [0, 1], connections: [connection(1)] }));
    await renderReady(api);
    act(() =>
      push(
        delta({
          engine: { outputs: [1], lastSets: sets([1], [1]) },
          connections: [connection(1, { queuedMessages: 1, queuedBytes: 5 })],
        }),
      ),
    );
    expect(items('outputs')[0]).toMatch(/^#1 .* q 1 · 5 B/);
    expect(items('outputs')[0]).toContain('writable');
    expect(items('outputs')[0]).not.toContain('readable'); // outputs are only asked about writing
    expect(items('inputs')[1]).toContain('readable');
  });

  it('shows, while halted in Step mode, what the next select() would return', async () => {
    const { api } = handMadeApi(
      snapshot({ mode: 'step', inputs: [0, 1], connections: [connection(1)], pending: sets([1]) }),
    );
    await renderReady(api);
    expect(screen.getByText(/Halted before select\(\)/)).toBeTruthy();
    expect(items('inputs')[1]).toContain('readable');
  });

  it('shows a failed Start Server next to the button, and the app keeps working', async () => {
    const stopped = engineSnapshot({
      server: { state: 'stopped', host: '127.0.0.1', port: 50000, address: null, error: null },
    });
    const { api, calls } = handMadeApi(snapshot(stopped), {
      startServer: () => fail('EADDRINUSE', 'Port 50000 is already in use: pick another port.'),
    });
    await renderReady(api);
    expect(screen.getByRole('note', { name: 'Getting started' }).textContent).toContain('nc 127.0.0.1 50000');
    await userEvent.click(screen.getByRole('button', { name: 'Start Server' }));
    expect((await screen.findByRole('alert')).textContent).toContain('already in use');
    await userEvent.clear(screen.getByRole('textbox', { name: 'Port' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Port' }), '70000');
    await userEvent.click(screen.getByRole('button', { name: 'Start Server' }));
    expect((await screen.findByRole('alert')).textContent).toContain('at most 65535');
    expect(calls.filter((c) => c.name === 'startServer')).toHaveLength(1);
  });

  it('walks the code panel line by line under Step action', async () => {
    const actions = [
      { kind: 'select', phase: 'select', ...sets([1]) },
      { kind: 'recv', id: 1, bytes: 5, phase: 'readable' },
      { kind: 'put', id: 1, bytes: 5, phase: 'readable' },
    ] as const;
    let next = 0;
    const { api } = handMadeApi(snapshot({ mode: 'step', inputs: [0, 1], connections: [connection(1)] }), {
      stepAction: () => ok(actions[next++ % actions.length]!),
    });
    await renderReady(api);
    const here = () =>
      Array.from(document.querySelectorAll('[aria-current="step"]')).map((li) =>
        Number(li.getAttribute('data-line')),
      );
    for (const action of actions) {
      await userEvent.click(screen.getByRole('button', { name: 'Step action' }));
      expect(here()).toEqual(seedLines(action));
    }
    expect(screen.getByRole('status', { name: 'Current action' }).textContent).toContain('queue #1 put 5 B');
  });

  it('Space steps, Shift+Space steps one action', async () => {
    const { api, calls } = handMadeApi(snapshot({ mode: 'step' }), {
      step: () => ok(record(1, [])),
      stepAction: () => ok({ kind: 'select', phase: 'select', ...sets([]) }),
    });
    await renderReady(api);
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{Shift>} {/Shift}');
    expect(calls.map((c) => c.name).filter((n) => n !== 'snapshot')).toEqual(['step', 'stepAction']);
  });

  it('opens a connection: its queue as text or hex, its counters and history', async () => {
    const { api } = handMadeApi(snapshot({ inputs: [0, 1], outputs: [1], connections: [connection(1)] }), {
      inspect: () =>
        ok({
          ...connection(1, { queuedMessages: 1, queuedBytes: 5, bytesIn: 5, sendBuffered: 1024 }),
          queue: [{ bytes: 5, preview: btoa('hello') }],
          queueMore: 0,
          history: [{ kind: 'recv', id: 1, bytes: 5, phase: 'readable' }],
        }),
    });
    await renderReady(api);
    await userEvent.click(
      within(screen.getByRole('list', { name: 'outputs' })).getByRole('button', { name: /^#1/ }),
    );
    const queue = await screen.findByRole('list', { name: 'Queue' });
    expect(queue.textContent).toContain('hello');
    await userEvent.click(screen.getByRole('button', { name: 'hex' }));
    expect(screen.getByRole('list', { name: 'Queue' }).textContent).toContain('68 65 6c 6c 6f');
    expect(screen.getByRole('meter', { name: 'Send buffer' }).getAttribute('aria-valuenow')).toBe('1024');
    expect(screen.getByRole('list', { name: 'Connection history' }).textContent).toContain('recv #1 5 B');
  });

  it('shows a past iteration from the timeline, and Live returns', async () => {
    const past = record(3, [{ kind: 'select', phase: 'select', ...sets([1]) }], {
      inputs: [0, 1],
      outputs: [1],
      queues: [[1, 2, 10]],
    });
    const { api } = handMadeApi(snapshot({ inputs: [0], connections: [] }, [past]));
    await renderReady(api);
    // The row's name is its visible text ("3 R #1 1 action") with words around it.
    await userEvent.click(screen.getByRole('button', { name: 'Iteration 3 R #1 1 action' }));
    expect(items('outputs')[0]).toMatch(/^#1 .* q 2 · 10 B/);
    await userEvent.click(screen.getByRole('button', { name: 'Live' }));
    expect(items('outputs')).toEqual([]);
  });

  it('keeps the place where the original would crash on screen', async () => {
    const { api, push } = handMadeApi(snapshot({ fidelity: 'tutorial' }));
    await renderReady(api);
    const crash = keyErrorCrash;
    act(() => push(delta({ iterations: [record(5, [crash])] })));
    expect(document.querySelector('.crash-banner')?.textContent).toMatch(
      /original would crash here: KeyError on #1/,
    );
    expect(document.querySelector('.code-line.crash')?.getAttribute('data-line')).toBe(
      String(seedLines(crash)[0]),
    );
  });

  it('asks again for the snapshot while the transport is still coming up', async () => {
    const made = handMadeApi(snapshot());
    let refusals = 2;
    const api = {
      ...made.api,
      snapshot: async (args: Record<string, never>) =>
        refusals-- > 0
          ? fail('TRANSPORT', 'Not connected to the lab server (reconnecting…).')
          : made.api.snapshot(args),
    };
    const view = render(<App api={api} />);
    expect(view.container.querySelector('.app')?.getAttribute('data-state')).toBe('connecting');
    await screen.findByText('#0');
    expect(view.container.querySelector('.app')?.getAttribute('data-state')).toBe('ready');
  });

  it('flips the Tutorial mode switch at once and sends the fidelity', async () => {
    const { api, calls } = handMadeApi(snapshot(), { setFidelity: () => ok(null) });
    await renderReady(api);
    const toggle = screen.getByRole('switch', { name: 'Tutorial mode' });
    await userEvent.click(toggle);
    expect((toggle as HTMLInputElement).checked).toBe(true);
    expect(calls.at(-1)).toEqual({ name: 'setFidelity', args: { fidelity: 'tutorial' } });
  });

  it('Speed runs faster to the right: it sets the pause between iterations in Slow mode', async () => {
    const { api, calls } = handMadeApi(snapshot({ mode: 'slow' }), {
      setOptions: (args) => ok({ ...DEFAULT_OPTIONS, ...(args as object) }),
    });
    await renderReady(api);
    const speed = screen.getByRole('slider', { name: 'Speed' });
    fireEvent.change(speed, { target: { value: '1950' } });
    expect(calls.at(-1)).toEqual({ name: 'setOptions', args: { slowDelayMs: 100 } });
    expect(speed.getAttribute('aria-valuetext')).toBe('100 ms between iterations');
  });
});
