import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../shared/result';
import type { RecordingStatus } from '../../../shared/recording/status';
import { LabApiProvider } from '../store/api-context';
import { resetLabStore, useLabStore } from '../store/lab-store';
import { engineSnapshot, handMadeApi, snapshot } from '../test/fixtures';
import { FilesProvider } from './files-context';
import type { RecordingFiles } from './files';
import { RecordControls } from './RecordControls';

const browserFiles: RecordingFiles = {
  saved: () => Promise.resolve(fail('RECORDING', 'not in this test')),
  downloadUrl: (name) => `/recordings/${name}`,
};

function renderRecording(
  recording: Partial<RecordingStatus>,
  { files = browserFiles, listening = true }: { files?: RecordingFiles; listening?: boolean } = {},
) {
  const engine = snapshot(
    listening
      ? engineSnapshot()
      : engineSnapshot({
          server: { state: 'stopped', host: '127.0.0.1', port: 50000, address: null, error: null },
        }),
  );
  const lab = handMadeApi(engine, {
    startRecording: () => ok({ active: null, last: null, folder: '/tmp/r' }),
    stopRecording: () => ok({ active: null, last: null, folder: '/tmp/r' }),
  });
  act(() => {
    useLabStore
      .getState()
      .applySnapshot({ ...engine, recording: { active: null, last: null, folder: '/tmp/r', ...recording } });
  });
  render(
    <LabApiProvider api={lab.api}>
      <FilesProvider files={files}>
        <RecordControls
          open={
            <button type="button" className="btn">
              Open recording…
            </button>
          }
        />
      </FilesProvider>
    </LabApiProvider>,
  );
  return lab;
}

const NAME = 'socket-lab-2026-12-03-220000.slrec.gz';
const active = { name: NAME, startedAt: 0, iterations: 1234, bytes: 2048 };
const last = { name: NAME, iterations: 1234, bytes: 2048, error: null };

beforeEach(resetLabStore);
afterEach(cleanup);

describe('Record, before any recording', () => {
  it('is one group: Record beside Open recording…, and a line that says nothing is recorded', () => {
    renderRecording({});
    const group = screen.getByRole('group', { name: 'Recording' });
    expect(within(group).getByRole('button', { name: 'Record' })).toBeTruthy();
    expect(within(group).getByRole('button', { name: 'Open recording…' })).toBeTruthy();
    expect(group.querySelector('.record-status')?.textContent).toBe('Not recording');
  });

  it('waits for a running server, and says so', () => {
    renderRecording({}, { listening: false });
    const record = screen.getByRole('button', { name: 'Record' });
    expect(record.getAttribute('aria-disabled')).toBe('true');
    expect(record.getAttribute('title')).toMatch(/^Start the server first/);
  });

  it('starts a recording on a click', async () => {
    const lab = renderRecording({});
    await userEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(lab.calls.map((c) => c.name)).toContain('startRecording');
  });
});

describe('Record, while it records', () => {
  it('shows the size and the iterations so far, under Stop recording', () => {
    renderRecording({ active });
    expect(screen.getByRole('button', { name: 'Stop recording' })).toBeTruthy();
    expect(screen.getByLabelText('Recording so far').textContent).toBe('2.0 KiB · 1,234 iterations');
    expect(screen.getByRole('group', { name: 'Recording' }).getAttribute('data-recording')).toBe('on');
  });

  it('shows a long recording whole: no count or size cut short', () => {
    renderRecording({ active: { ...active, iterations: 1_234_567, bytes: 123.4 * 1024 * 1024 } });
    expect(screen.getByLabelText('Recording so far').textContent).toBe('123 MiB · 1,234,567 iterations');
  });

  it('says so when the machine is busy and a thread at a fair share writes it', () => {
    renderRecording({ active: { ...active, busy: true } });
    const progress = screen.getByLabelText('Recording so far');
    expect(progress.textContent).toBe('2.0 KiB · 1,234 iterations · machine busy');
    expect(progress.querySelector('.recording-busy')?.textContent).toBe('machine busy');
    expect(progress.getAttribute('title')).toMatch(/^Other programs keep every core busy: .*nothing is lost/);
  });

  it('stops on a click', async () => {
    const lab = renderRecording({ active });
    await userEvent.click(screen.getByRole('button', { name: 'Stop recording' }));
    expect(lab.calls.map((c) => c.name)).toContain('stopRecording');
  });

  it('shows the progress, not the last recording, while a new one runs', () => {
    renderRecording({ active, last });
    expect(screen.queryByRole('button', { name: /^Last recording/ })).toBeNull();
  });
});

describe('Record, after a recording', () => {
  it('sums it up in a line that opens its details, closed at first', () => {
    renderRecording({ last });
    const summary = screen.getByRole('button', {
      name: 'Last recording: Saved · 1,234 iterations · 2.0 KiB',
    });
    expect(summary.textContent).toBe('Saved · 1,234 iterations · 2.0 KiB▾');
    expect(summary.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region', { name: 'Last recording' })).toBeNull();
  });

  it('opens to its name, iterations, size, folder, Download and Open; Escape closes it and focus goes back', async () => {
    renderRecording({ last });
    const summary = screen.getByRole('button', { name: /^Last recording/ });
    await userEvent.click(summary);
    expect(summary.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('region', { name: 'Last recording' });
    expect(summary.getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.textContent).toContain(NAME);
    expect(panel.textContent).toContain('Saved · 1,234 iterations · 2.0 KiB');
    expect(panel.textContent).toContain('Kept in /tmp/r');
    const download = within(panel).getByRole('link', { name: 'Download' });
    expect(download.getAttribute('href')).toBe(`/recordings/${NAME}`);
    expect(download.getAttribute('download')).toBe(NAME);
    expect(document.activeElement).toBe(download); // the panel takes focus: Tab goes on to Open
    expect(within(panel).getByRole('button', { name: `Open ${NAME} as a replay` })).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: 'Show in folder' })).toBeNull();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Last recording' })).toBeNull();
    expect(document.activeElement).toBe(summary);
  });

  it('in the desktop app, shows it in its folder instead of a download', async () => {
    const show = vi.fn(() => Promise.resolve(ok(null)));
    renderRecording({ last }, { files: { saved: browserFiles.saved, show } });
    await userEvent.click(screen.getByRole('button', { name: /^Last recording/ }));
    const panel = screen.getByRole('region', { name: 'Last recording' });
    expect(within(panel).queryByRole('link', { name: 'Download' })).toBeNull();
    await userEvent.click(within(panel).getByRole('button', { name: 'Show in folder' }));
    expect(show).toHaveBeenCalledWith(NAME);
  });

  it('Open asks the shell for the file, and says why when it cannot have it', async () => {
    const saved = vi.fn(() => Promise.resolve(fail('RECORDING', 'It is gone.')));
    renderRecording({ last }, { files: { ...browserFiles, saved } });
    await userEvent.click(screen.getByRole('button', { name: /^Last recording/ }));
    await userEvent.click(screen.getByRole('button', { name: `Open ${NAME} as a replay` }));
    expect(saved).toHaveBeenCalledWith(NAME);
    expect(useLabStore.getState().openError).toBe('It is gone.');
  });

  it('says when it stopped early, and why', async () => {
    renderRecording({ last: { ...last, error: 'The disk is full.' } });
    const summary = screen.getByRole('button', {
      name: 'Last recording: Stopped early · 1,234 iterations · 2.0 KiB',
    });
    await userEvent.click(summary);
    const panel = screen.getByRole('region', { name: 'Last recording' });
    expect(panel.textContent).toContain(`${NAME} (stopped early)`);
    expect(panel.textContent).toContain('The disk is full.');
  });

  it('a click outside closes it', async () => {
    renderRecording({ last });
    await userEvent.click(screen.getByRole('button', { name: /^Last recording/ }));
    await userEvent.click(document.body);
    expect(screen.queryByRole('region', { name: 'Last recording' })).toBeNull();
  });
});

describe('Record, before the host has said anything about recording', () => {
  it('leaves Open recording… alone', () => {
    const engine = snapshot(engineSnapshot());
    const lab = handMadeApi(engine, {});
    act(() => useLabStore.getState().applySnapshot(engine));
    render(
      <LabApiProvider api={lab.api}>
        <FilesProvider files={browserFiles}>
          <RecordControls open={<button type="button">Open recording…</button>} />
        </FilesProvider>
      </LabApiProvider>,
    );
    expect(screen.getByRole('button', { name: 'Open recording…' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record' })).toBeNull();
  });
});
