import { expect, type Locator, type Page } from '@playwright/test';

/** The Socket options panel, by role and accessible name. */
export class OptionsPanelPage {
  readonly summary: Locator;
  readonly defaults: Locator;

  constructor(readonly page: Page) {
    this.summary = page.getByText('Socket options', { exact: true });
    this.defaults = page.getByRole('button', { name: 'Defaults' });
  }

  /** Opens the (collapsed) panel if it is closed. */
  async open(): Promise<void> {
    if (!(await this.defaults.isVisible())) await this.summary.click();
    await expect(this.defaults).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  /** The field's block, holding its error when the engine refused it. */
  errorOf(label: string): Locator {
    return this.page
      .locator('.option')
      .filter({ has: this.field(label) })
      .getByRole('alert');
  }

  /** Types a value and presses Enter, which applies it. */
  async set(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
    await this.field(label).press('Enter');
  }

  /** Back to the seed's options (specs share one browser shell). */
  async restore(): Promise<void> {
    await this.open();
    if (await this.defaults.isEnabled()) await this.defaults.click();
    await expect(this.defaults).toBeDisabled();
  }
}
