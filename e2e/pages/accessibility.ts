import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/**
 * axe rules switched off for the whole window, each with why. Empty: every rule axe runs by
 * default (WCAG 2.x A/AA and best practices) applies. Add one only with the rule's id and a
 * reason a reviewer can check, e.g. `{ rule: 'region', why: '…' }`.
 */
const EXCEPTIONS: readonly { rule: string; why: string }[] = [];

const THEMES = ['light', 'dark'] as const;

/** One line per failing element: enough to find it and to see why it failed. */
function describe(theme: string, violation: Violation): string[] {
  return violation.nodes.map(
    (node) =>
      `[${theme}] ${violation.id} (${violation.impact ?? 'no impact'}): ${node.target.join(' ')} — ${
        node.failureSummary?.replace(/\s+/g, ' ').trim() ?? violation.help
      }`,
  );
}

/**
 * Scans the window as it is now with axe-core, in the light and the dark theme (emulating
 * `prefers-color-scheme`), and fails on any violation of any impact. The violations and what
 * axe could not decide (its "incomplete": gradients, overlaps) are attached to the test as
 * `axe-<state>-<theme>.json`. Every panel calls it in one line, in each state a user meets:
 * `await expectAccessible(page, 'options panel open')`.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const found: string[] = [];
  // A chip sliding to its list starts at half opacity: a moment's state, not its colours. Scan at rest.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect.poll(() => page.evaluate('document.getAnimations().length')).toBe(0);
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).disableRules(EXCEPTIONS.map((e) => e.rule)).analyze();
    const { violations, incomplete } = results; // what failed, and what axe could not decide
    await test.info().attach(`axe-${state.replace(/\W+/g, '-')}-${colorScheme}.json`, {
      body: JSON.stringify({ violations, incomplete }, null, 2),
      contentType: 'application/json',
    });
    found.push(...violations.flatMap((violation) => describe(colorScheme, violation)));
  }
  await page.emulateMedia({ colorScheme: null, reducedMotion: null }); // back to the context's own
  expect(found, `axe violations in "${state}"`).toEqual([]);
}
