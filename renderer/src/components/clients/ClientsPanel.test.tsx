import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClientView, FleetSummary } from '../../../../shared/fleet';
import { ok } from '../../../../shared/result';
import { App } from '../../App';
import { resetLabStore } from '../../store/lab-store';
import { connection, delta, handMadeApi, noFleet, snapshot } from '../../test/fixtures';
import { fakeLayout } from '../../test/layout';

const client = (id: number, patch: Partial<ClientView> = {}): ClientView => ({
  id,
  behaviour: 'echo',
  state: 'open',
  error: null,
  localPort: 41000 + id,
  bytesSent: 1024,
  bytesEchoed: 1024,
  verification: { state: 'ok' },
  rttP50: 0.42,
  rttP99: 1.5,
  ...patch,
});

const fleet = (patch: Partial<FleetSummary> = {}): FleetSummary => ({ ...noFleet, alive: true, ...patch });

async function renderApp(api: ReturnType<typeof handMadeApi>['api']) {
  render(<App api={api} />);
  await screen.findByRole('list', { name: 'clients' });
  await act(async () => undefined);
}

beforeAll(() => fakeLayout());
beforeEach(resetLabStore);
afterEach(cleanup);

describe('the Clients panel', () => {
  it('spawns with the count, behaviour and sizes typed in', async () => {
    const { api, calls } = handMadeApi(snapshot(), { spawnClients: () => ok({ ids: [1, 2, 3] }) });
    await renderApp(api);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Behaviour' }), 'burst');
    await user.clear(screen.getByRole('textbox', { name: 'Clients' }));
    await user.type(screen.getByRole('textbox', { name: 'Clients' }), '3');
    await user.clear(screen.getByRole('textbox', { name: 'Message size' }));
    await user.type(screen.getByRole('textbox', { name: 'Message size' }), '64K');
    await user.click(screen.getByRole('button', { name: 'Spawn' }));
    expect(calls.filter((c) => c.name === 'spawnClients').map((c) => c.args)).toEqual([
      {
        count: 3,
        behaviour: 'burst',
        messageSize: 65536,
        intervalMs: 250,
        connectRate: 50,
        lifetimeMs: 0,
        reconnect: false,
      },
    ]);
  });

  it('says what is wrong with a bad count instead of sending it, in words, never the raw validation text', async () => {
    const { api, calls } = handMadeApi(snapshot());
    await renderApp(api);
    const user = userEvent.setup();
    await user.clear(screen.getByRole('textbox', { name: 'Clients' }));
    await user.type(screen.getByRole('textbox', { name: 'Clients' }), '20000');
    await user.click(screen.getByRole('button', { name: 'Spawn' }));
    expect(screen.getByRole('alert').textContent?.trim()).toBe('Clients must be at most 10,000.');
    await user.clear(screen.getByRole('textbox', { name: 'Clients' }));
    await user.click(screen.getByRole('button', { name: 'Spawn' }));
    expect(screen.getByRole('alert').textContent?.trim()).toBe('Clients must be a number.');
    expect(calls.some((c) => c.name === 'spawnClients')).toBe(false);
  });

  it('lists clients with state, bytes, verification and round trips, and the totals', async () => {
    const { api, push } = handMadeApi(snapshot());
    await renderApp(api);
    act(() =>
      push(
        delta({
          clients: [
            client(1),
            client(2, { state: 'error', error: 'ECONNREFUSED', verification: { state: 'pending' } }),
            client(3, { verification: { state: 'lost', bytes: 512 } }),
          ],
          fleet: fleet({
            clients: 3,
            verified: 1,
            bytesLost: 512,
            errors: { ECONNREFUSED: 1 },
            byState: { ...noFleet.byState, open: 2, error: 1 },
          }),
        }),
      ),
    );
    const rows = within(screen.getByRole('list', { name: 'clients' })).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      'C1echoopen↑1.0 KiB ↓1.0 KiBverified0.42/1.50 ms',
      'C2echoerror ECONNREFUSED↑1.0 KiB ↓1.0 KiBpending0.42/1.50 ms',
      'C3echoopen↑1.0 KiB ↓1.0 KiB512 B lost0.42/1.50 ms',
    ]);
    expect(screen.getByTestId('fleet-verified').textContent).toBe('1 verified');
    expect(screen.getByLabelText('Fleet totals').textContent).toContain('ECONNREFUSED ×1');
  });

  it('says when the fleet process died', async () => {
    const { api, push } = handMadeApi(snapshot());
    await renderApp(api);
    act(() => push(delta({ fleet: fleet({ alive: false, exit: 'was killed by SIGKILL' }) })));
    expect(screen.getByText(/The client fleet process was killed by SIGKILL/)).toBeDefined();
  });

  it('sends a custom message from the chosen client', async () => {
    const { api, calls, push } = handMadeApi(snapshot(), { sendFromClient: () => ok(null) });
    await renderApp(api);
    act(() => push(delta({ clients: [client(7)], fleet: fleet({ clients: 1 }) })));
    const user = userEvent.setup();
    await user.click(within(screen.getByRole('list', { name: 'clients' })).getByRole('button'));
    await user.clear(screen.getByRole('textbox', { name: 'Message' }));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), '68 69');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Encoding' }), 'hex');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(calls.filter((c) => c.name === 'sendFromClient').map((c) => c.args)).toEqual([
      { clientId: 7, data: '68 69', encoding: 'hex' },
    ]);
  });

  it('marks a chip as a test client or as external', async () => {
    const { api, push } = handMadeApi(
      snapshot({
        inputs: [0, 1, 2],
        connections: [connection(1, { peer: '127.0.0.1:41001' }), connection(2, { peer: '127.0.0.1:50123' })],
      }),
    );
    await renderApp(api);
    act(() => push(delta({ clients: [client(1)], fleet: fleet({ clients: 1 }) })));
    const chips = within(screen.getByRole('list', { name: 'inputs' })).getAllByRole('listitem');
    expect(chips[1]?.textContent).toContain('client C1');
    expect(chips[2]?.textContent).toContain('external');
  });
});
