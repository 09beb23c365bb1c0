import { expect, type Locator, type Page } from '@playwright/test';

/** The teaching controls and panes, by role and accessible name. */
export class TeachingPage {
  readonly scenariosButton: Locator;
  readonly scenarioNotes: Locator;
  readonly notes: Locator;
  readonly halted: Locator;
  readonly predict: Locator;
  readonly reveal: Locator;
  readonly score: Locator;
  readonly runUntilCondition: Locator;
  readonly runUntilButton: Locator;
  readonly presenter: Locator;
  readonly zoom: Locator;
  readonly exportImage: Locator;
  readonly lessonsButton: Locator;
  readonly lesson: Locator;
  readonly logTab: Locator;
  readonly timelineTab: Locator;
  readonly searchLog: Locator;
  readonly log: Locator;

  constructor(readonly page: Page) {
    this.scenariosButton = page.getByRole('button', { name: 'Scenarios', exact: true });
    this.scenarioNotes = page.getByRole('region', { name: 'Scenario', exact: true });
    this.notes = page.getByRole('complementary', { name: 'Notes' });
    this.halted = page.getByRole('status', { name: 'Halted' });
    this.predict = page.getByRole('switch', { name: 'Predict' });
    this.reveal = page.getByRole('button', { name: 'Reveal', exact: true });
    this.score = page.getByRole('status', { name: 'Score' });
    this.runUntilCondition = page.getByRole('combobox', { name: 'Run until' });
    this.runUntilButton = page.getByRole('button', { name: 'Run until', exact: true });
    this.presenter = page.getByRole('switch', { name: 'Presenter' });
    this.zoom = page.getByRole('textbox', { name: 'Zoom %' });
    this.exportImage = page.getByRole('button', { name: 'Export image' });
    this.lessonsButton = page.getByRole('button', { name: 'Lessons', exact: true });
    this.lesson = page.getByRole('region', { name: 'Lesson', exact: true });
    this.logTab = page.getByRole('tab', { name: 'Log' });
    this.timelineTab = page.getByRole('tab', { name: 'Timeline' });
    this.searchLog = page.getByRole('searchbox', { name: 'Search the log' });
    this.log = page.getByRole('list', { name: 'Log', exact: true });
  }

  /** Opens the Scenarios list and clicks `title`; waits until it is set up. */
  async scenario(title: string, timeout = 30_000): Promise<void> {
    await this.scenariosButton.click();
    await this.page
      .getByRole('region', { name: 'Scenarios' })
      .getByRole('button', { name: title, exact: true })
      .click();
    await expect(this.scenarioNotes.getByRole('heading', { name: title })).toBeVisible();
    await expect(this.scenarioNotes).toHaveAttribute('data-ready', 'true', { timeout });
  }

  /** The Log tab, filtered to one kind of action. */
  async logOf(kind: string): Promise<Locator> {
    await this.logTab.click();
    await this.page.getByRole('combobox', { name: 'Kind' }).selectOption(kind);
    return this.log;
  }
}
