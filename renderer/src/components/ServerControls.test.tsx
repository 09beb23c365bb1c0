import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/result';
import { LabApiProvider } from '../store/api-context';
import { resetLabStore, useLabStore } from '../store/lab-store';
import { engineSnapshot, handMadeApi, snapshot } from '../test/fixtures';
import { isExposedHost } from './HostWarning';
import { ServerControls } from './ServerControls';

const stopped = snapshot(
  engineSnapshot({
    server: { state: 'stopped', host: '127.0.0.1', port: 50000, address: null, error: null },
  }),
);

function renderControls() {
  const lab = handMadeApi(stopped, {
    startServer: (args) => {
      const { host, port } = args as { host: string; port: number };
      return ok({ state: 'listening', host, port, address: `${host}:${port}`, error: null });
    },
  });
  act(() => useLabStore.getState().applySnapshot(stopped));
  render(
    <LabApiProvider api={lab.api}>
      <ServerControls />
    </LabApiProvider>,
  );
  const starts = () => lab.calls.filter((c) => c.name === 'startServer').map((c) => c.args);
  return { starts };
}

const host = () => screen.getByRole('textbox', { name: 'Host' });
const start = () => userEvent.click(screen.getByRole('button', { name: 'Start Server' }));

beforeEach(resetLabStore);
afterEach(cleanup);

describe('binding a host other than loopback', () => {
  it('knows loopback from the rest', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', 'localhost', 'LOCALHOST'])
      expect(isExposedHost(h)).toBe(false);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.org']) expect(isExposedHost(h)).toBe(true);
  });

  it('warns beside Host, and starts only on a confirming second click', async () => {
    const { starts } = renderControls();
    expect(screen.queryByRole('note', { name: 'Host warning' })).toBeNull();
    expect(host().getAttribute('aria-describedby')).toBeNull(); // never an id of nothing
    await userEvent.clear(host());
    await userEvent.type(host(), '0.0.0.0');
    const note = screen.getByRole('note', { name: 'Host warning' });
    expect(note.textContent).toContain('other machines on your network can connect to this echo server');
    expect(host().getAttribute('aria-describedby')).toContain(note.id);
    await start();
    expect(starts()).toEqual([]);
    expect(screen.getByRole('alert', { name: 'Host warning' }).textContent).toContain(
      'Click Start Server again',
    );
    await start();
    expect(starts()).toEqual([{ host: '0.0.0.0', port: 50000 }]);
  });

  it('asks again when the host changes between the clicks', async () => {
    const { starts } = renderControls();
    await userEvent.clear(host());
    await userEvent.type(host(), '0.0.0.0');
    await start();
    await userEvent.clear(host());
    await userEvent.type(host(), '192.168.1.10');
    expect(screen.queryByRole('alert', { name: 'Host warning' })).toBeNull();
    await start();
    expect(starts()).toEqual([]);
  });

  it('starts on loopback at once, without a warning', async () => {
    const { starts } = renderControls();
    await userEvent.clear(host());
    await userEvent.type(host(), '::1');
    expect(screen.queryByRole('note', { name: 'Host warning' })).toBeNull();
    await start();
    expect(starts()).toEqual([{ host: '::1', port: 50000 }]);
  });
});
