import type { Page } from '@playwright/test';

/** DOM mutations over `ms`, by the nearest labelled region of their target (where the window redraws). */
export async function mutationsBy(page: Page, ms: number): Promise<string[]> {
  const counts = (await page.evaluate(`new Promise((resolve) => {
    const counts = {};
    const where = (node) => {
      const el = node.nodeType === 1 ? node : node.parentElement;
      const region = el && el.closest('[aria-label],[role=list]');
      return region ? (region.getAttribute('aria-label') || region.getAttribute('role')) + ' <' + region.tagName.toLowerCase() + '>' : '?';
    };
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const key = where(r.target) + ' ' + r.type + (r.attributeName ? ':' + r.attributeName : '');
        counts[key] = (counts[key] || 0) + 1;
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    setTimeout(() => { observer.disconnect(); resolve(counts); }, ${ms});
  })`)) as Record<string, number>;
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, n]) => `${String(Math.round((n * 1000) / ms)).padStart(7)}/s  ${k}`);
}
