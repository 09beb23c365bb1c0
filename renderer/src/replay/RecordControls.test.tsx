import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail } from '../../../shared/result';
import type { RecordingStatus } from '../../../shared/recording/status';
import { LabApiProvider } from '../store/api-context';
import { resetLabStore, useLabStore } from '../store/lab-store';
import { engineSnapshot, handMadeApi, snapshot } from '../test/fixtures';
import { FilesProvider } from './files-context';
import { RecordControls } from './RecordControls';

const files = { saved: () => Promise.resolve(fail('RECORDING', 'not in this test')) };

function renderRecording(active: NonNullable<RecordingStatus['active']>): void {
  const listening = snapshot(engineSnapshot());
  const lab = handMadeApi(listening, {});
  act(() => {
    useLabStore
      .getState()
      .applySnapshot({ ...listening, recording: { active, last: null, folder: '/tmp/r' } });
  });
  render(
    <LabApiProvider api={lab.api}>
      <FilesProvider files={files}>
        <RecordControls />
      </FilesProvider>
    </LabApiProvider>,
  );
}

const active = { name: 'socket-lab-2026-12-03-220000.slrec.gz', startedAt: 0, iterations: 1234, bytes: 2048 };

beforeEach(resetLabStore);
afterEach(cleanup);

describe('Record, while it records', () => {
  it('shows the size and the iterations so far', () => {
    renderRecording(active);
    expect(screen.getByLabelText('Recording so far').textContent).toBe('2.0 KiB · 1,234 iterations');
  });

  it('says so when the machine is busy and a thread at a fair share writes it', () => {
    renderRecording({ ...active, busy: true });
    const progress = screen.getByLabelText('Recording so far');
    expect(progress.textContent).toBe('2.0 KiB · 1,234 iterations · machine busy');
    expect(progress.getAttribute('title')).toMatch(/^Other programs keep every core busy: .*nothing is lost/);
  });
});
