import { expect, type Locator, type Page } from '@playwright/test';

/** What the window shows that a recording determines: counters, and each list's chips (no marks, no kernel flags). */
export interface WindowState {
  iteration: string;
  counters: string[];
  lists: Record<'inputs' | 'outputs' | 'exceptional', string[]>;
  /** The code panel's "▶ action" line while halted mid-iteration, else ''. */
  action: string;
}

/** Read in the page (a string: e2e is type-checked without the DOM's types). */
const READ_STATE = `(() => {
  const lists = {};
  for (const name of ['inputs', 'outputs', 'exceptional']) {
    lists[name] = [...document.querySelectorAll('[data-flip-list="' + name + '"]')].map((chip) =>
      ['.chip-id', '.chip-peer', '.chip-queue']
        .map((part) => (chip.querySelector(part)?.textContent ?? '').trim())
        .filter((text, i) => i === 0 || !chip.classList.contains('chip-listener'))
        .join(' '),
    );
  }
  const counters = document.querySelector('[aria-label="Counters"]');
  return {
    iteration: counters.dataset.iteration,
    counters: [...counters.querySelectorAll('.counter')].map((c) => c.textContent).filter((t) => !t.includes('iter/s')),
    lists,
    action: (document.querySelector('[aria-label="Current action"]')?.textContent ?? '').trim(),
  };
})()`;

/** Record, Open recording… and the replay's own bar, by role and accessible name. */
export class ReplayPage {
  readonly record: Locator;
  readonly stopRecording: Locator;
  readonly recordingProgress: Locator;
  /** The line under Record after a recording ("Saved · 25 iterations · 1.3 KiB ▾"): it opens the panel. */
  readonly lastRecording: Locator;
  /** The last recording's name, folder, Download (or Show in folder) and Open. */
  readonly lastRecordingPanel: Locator;
  readonly download: Locator;
  readonly openButton: Locator;
  readonly fileInput: Locator;
  readonly bar: Locator;
  readonly banner: Locator;
  readonly problems: Locator;
  readonly scrubber: Locator;
  readonly goTo: Locator;
  readonly go: Locator;
  readonly speed: Locator;
  readonly close: Locator;
  readonly stepBack: Locator;
  readonly stepActionBack: Locator;
  readonly notOpened: Locator;

  constructor(readonly page: Page) {
    this.record = page.getByRole('button', { name: 'Record', exact: true });
    this.stopRecording = page.getByRole('button', { name: 'Stop recording' });
    this.recordingProgress = page.getByLabel('Recording so far');
    this.lastRecording = page.getByRole('button', { name: /^Last recording: / });
    this.lastRecordingPanel = page.getByRole('region', { name: 'Last recording' });
    this.download = this.lastRecordingPanel.getByRole('link', { name: 'Download' });
    this.openButton = page.getByRole('button', { name: 'Open recording…' });
    this.fileInput = page.getByTestId('recording-file');
    this.bar = page.getByRole('region', { name: 'Replay' });
    this.banner = this.bar.locator('.replay-banner');
    this.problems = page.getByRole('list', { name: 'Problems with the file' });
    this.scrubber = page.getByRole('slider', { name: 'Position in the recording' });
    this.goTo = page.getByRole('textbox', { name: 'Go to iteration' });
    this.go = page.getByRole('button', { name: 'Go', exact: true });
    this.speed = page.getByRole('combobox', { name: 'Run speed' });
    this.close = page.getByRole('button', { name: 'Close replay' });
    this.stepBack = page.getByRole('button', { name: 'Step back' });
    this.stepActionBack = page.getByRole('button', { name: 'Step action back' });
    this.notOpened = page.getByRole('alert', { name: 'Recording not opened' });
  }

  /** Opens the last recording's panel (its line under Record), where Download and Open are. */
  async showLastRecording(): Promise<void> {
    await this.lastRecording.click();
    await expect(this.lastRecordingPanel).toBeVisible();
  }

  /** Open recording… and the file chooser, as a user picks a file. */
  async open(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.openButton.click();
    await (await chooser).setFiles(path);
  }

  /** Opens `path` and waits until the replay shows it. */
  async openReplay(path: string): Promise<void> {
    await this.open(path);
    await expect(this.bar).toBeVisible();
    await expect(this.page.locator('[data-state]').first()).toHaveAttribute('data-state', 'ready');
  }

  /** Waits until the replay stands after iteration `n`, `done` actions into the next. */
  async expectAt(n: number, done = 0): Promise<void> {
    await expect(this.bar).toHaveAttribute('data-position', String(n));
    await expect(this.bar).toHaveAttribute('data-done', String(done));
    await expect(this.page.getByRole('group', { name: 'Counters' })).toHaveAttribute(
      'data-iteration',
      String(done > 0 ? n + 1 : n),
    );
  }

  state(): Promise<WindowState> {
    return this.page.evaluate(READ_STATE) as Promise<WindowState>;
  }
}
