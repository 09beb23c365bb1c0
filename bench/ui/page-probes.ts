import type { Page } from '@playwright/test';

/**
 * Scripts the bench runs inside the page (as strings: the bench is type-checked
 * as Node code, without the DOM's types).
 */

/** Frame times from requestAnimationFrame over `ms`. */
export async function sampleFrames(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const times = [];
    const tick = (now) => {
      times.push(now);
      if (now - times[0] < ${ms}) requestAnimationFrame(tick);
      else resolve(times);
    };
    requestAnimationFrame(tick);
  })`);
}

/** Starts recording, for the named list, when its count changed and the next frame was drawn (Date.now()). */
export async function watchListCount(page: Page, list: string): Promise<void> {
  await page.evaluate(`(() => {
    const element = document.querySelector('[role="list"][aria-label="${list}"]');
    window.__benchSeen = [];
    new MutationObserver(() => {
      const count = Number(element.getAttribute('data-count'));
      requestAnimationFrame(() => window.__benchSeen.push({ count, at: Date.now() }));
    }).observe(element, { attributes: true, attributeFilter: ['data-count'] });
  })()`);
}

/** When the watched list first showed `count` after `since` (ms since epoch), or null. */
export async function seenAt(
  page: Page,
  count: number,
  since: number,
  timeoutMs: number,
): Promise<number | null> {
  const handle = await page
    .waitForFunction(
      `(window.__benchSeen || []).find((s) => s.count === ${count} && s.at >= ${since})?.at ?? false`,
      undefined,
      { timeout: timeoutMs, polling: 'raf' },
    )
    .catch(() => null);
  return handle ? ((await handle.jsonValue()) as number) : null;
}
