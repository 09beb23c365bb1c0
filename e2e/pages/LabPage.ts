import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

export type ListName = 'inputs' | 'outputs' | 'exceptional';

/** The Socket Lab window as a newcomer sees it: every locator by role and accessible name. */
export class LabPage {
  readonly root: Locator;
  readonly host: Locator;
  readonly port: Locator;
  readonly startServer: Locator;
  readonly stopServer: Locator;
  readonly step: Locator;
  readonly stepAction: Locator;
  readonly tutorialMode: Locator;
  readonly crashBanner: Locator;
  readonly currentLine: Locator;
  readonly currentAction: Locator;
  readonly detail: Locator;
  /** Carries `data-iteration`, the engine's iteration count. */
  readonly counters: Locator;

  constructor(
    readonly page: Page,
    private readonly testInfo: TestInfo,
  ) {
    this.root = page.locator('[data-state]').first();
    this.host = page.getByRole('textbox', { name: 'Host' });
    this.port = page.getByRole('textbox', { name: 'Port' });
    this.startServer = page.getByRole('button', { name: 'Start Server' });
    this.stopServer = page.getByRole('button', { name: 'Stop Server' });
    this.step = page.getByRole('button', { name: 'Step', exact: true });
    this.stepAction = page.getByRole('button', { name: 'Step action', exact: true });
    this.tutorialMode = page.getByRole('switch', { name: 'Tutorial mode' });
    this.crashBanner = page.getByRole('alert').filter({ hasText: 'original would crash here' });
    this.currentLine = page.getByRole('list', { name: 'Seed source' }).locator('[aria-current="step"]');
    this.currentAction = page.getByRole('status', { name: 'Current action' });
    this.detail = page.getByRole('region', { name: 'Connection detail' });
    this.counters = page.getByRole('group', { name: 'Counters' });
  }

  /** Opens the window on the browser shell and waits until it is connected to the engine. */
  async open(): Promise<void> {
    const url = process.env.SOCKETLAB_URL;
    if (!url)
      throw new Error('SOCKETLAB_URL is not set: run through playwright.config.ts (its webServer prints it)');
    await this.page.goto(url);
    await expect(this.root).toHaveAttribute('data-state', 'ready');
  }

  /** Leaves the engine as a newcomer finds it: stopped, Run mode, Safe. Specs share one browser shell. */
  async reset(): Promise<void> {
    if (await this.stopServer.isVisible()) {
      await this.stopServer.click();
      await expect(this.startServer).toBeVisible();
    }
    await this.mode('Run');
    if (await this.tutorialMode.isChecked()) await this.tutorialMode.click();
    await expect(this.tutorialMode).not.toBeChecked();
  }

  /**
   * Picks a mode and waits until the engine runs in it: the radio is checked at once, and bytes
   * sent before the engine switches would still be read in the old mode.
   */
  async mode(name: 'Run' | 'Slow' | 'Step'): Promise<void> {
    const group = this.page.getByRole('radiogroup', { name: 'Mode' });
    await group.getByRole('radio', { name }).check();
    await expect(group).toHaveAttribute('data-mode', name.toLowerCase());
  }

  /** Types Host and Port and clicks Start Server; waits until it is listening. */
  async start(port: number, host = '127.0.0.1'): Promise<void> {
    await this.host.fill(host);
    await this.port.fill(String(port));
    await this.startServer.click();
    await expect(this.stopServer).toBeVisible();
  }

  list(name: ListName): Locator {
    return this.page.getByRole('list', { name, exact: true });
  }

  /** The chip of the connection whose peer is the test client on `localPort`. */
  chipOf(name: ListName, localPort: number): Locator {
    return this.list(name)
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^#\\d+ fd \\d+ 127\\.0\\.0\\.1:${localPort}\\b`) });
  }

  /** The marks select() gave a chip ("readable writable …"). */
  marks(chip: Locator): Locator {
    return chip.locator('[data-marks]');
  }

  /**
   * Starts noting the durations of the animations chips start in `list` (the FLIP moves).
   * A string, because e2e is type-checked as Node code, without the DOM's types.
   */
  async watchMoves(list: ListName): Promise<void> {
    await this.page.evaluate(`(() => {
      const seen = (window.labMoves = new Set());
      new MutationObserver(() => {
        for (const chip of document.querySelectorAll('[data-flip-list="${list}"]'))
          for (const animation of chip.getAnimations()) seen.add(animation);
      }).observe(document.body, { subtree: true, childList: true });
    })()`);
  }

  /** The durations noted since watchMoves (ms). */
  moves(): Promise<number[]> {
    return this.page.evaluate('[...window.labMoves].map((a) => Number(a.effect.getTiming().duration))');
  }

  /** A full-window screenshot kept with the test's results. */
  async shot(name: string): Promise<void> {
    const path = this.testInfo.outputPath(`${name}.png`);
    await this.page.screenshot({ path });
    await this.testInfo.attach(name, { path, contentType: 'image/png' });
  }
}
