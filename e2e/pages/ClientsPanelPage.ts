import { expect, type Locator, type Page } from '@playwright/test';
import type { Behaviour } from '../../shared/fleet';

/** The Clients panel, by role and accessible name. */
export class ClientsPanelPage {
  readonly count: Locator;
  readonly behaviour: Locator;
  readonly messageSize: Locator;
  readonly interval: Locator;
  readonly spawnButton: Locator;
  readonly stopButton: Locator;
  readonly list: Locator;
  readonly verified: Locator;
  readonly fleetDown: Locator;

  constructor(readonly page: Page) {
    this.count = page.getByRole('textbox', { name: 'Clients' });
    this.behaviour = page.getByRole('combobox', { name: 'Behaviour' });
    this.messageSize = page.getByRole('textbox', { name: 'Message size' });
    this.interval = page.getByRole('textbox', { name: 'Interval ms' });
    this.spawnButton = page.getByRole('button', { name: 'Spawn', exact: true });
    this.stopButton = page.getByRole('button', { name: 'Stop clients' });
    this.list = page.getByRole('list', { name: 'clients', exact: true });
    this.verified = page.getByTestId('fleet-verified');
    this.fleetDown = page.locator('[data-fleet="down"]');
  }

  /** Fills the form and clicks Spawn. */
  async spawn(
    count: number,
    behaviour: Behaviour,
    options: { size?: number; intervalMs?: number } = {},
  ): Promise<void> {
    await this.behaviour.selectOption(behaviour);
    await this.count.fill(String(count));
    if (options.size !== undefined) await this.messageSize.fill(String(options.size));
    if (options.intervalMs !== undefined) await this.interval.fill(String(options.intervalMs));
    await this.spawnButton.click();
    await expect(this.list).toHaveAttribute('data-count', String(count));
  }

  /** Stops every client, if there are any. */
  async stopAll(): Promise<void> {
    if (await this.stopButton.isEnabled()) await this.stopButton.click();
    await expect(this.list).toHaveAttribute('data-count', '0');
  }
}
