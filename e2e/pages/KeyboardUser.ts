import { expect, type Locator, type Page } from '@playwright/test';

/** Where focus is, and whether the eye can find it there. */
interface FocusSeen {
  /** "button Step", "input Port": for messages. */
  where: string;
  /** A focus ring (an outline of 2 px or more) is drawn on it, or on what draws it. */
  ring: boolean;
  /** Its box is inside the window. */
  onScreen: boolean;
}

/**
 * Run in the page (a string: e2e is type-checked without the DOM's types). A control that
 * is drawn by another element (a transparent radio over its label, a switch beside its
 * track) shows its ring there.
 */
const SEE_FOCUS = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { where: 'nothing (body)', ring: false, onScreen: false };
  const ringed = (node) => {
    if (!node) return false;
    const style = getComputedStyle(node);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
  };
  const drawnBy = getComputedStyle(el).opacity === '0' ? [el.closest('label'), el.nextElementSibling] : [el];
  const box = el.getBoundingClientRect();
  const label = (el.getAttribute('aria-label') || (el.labels && el.labels[0] ? el.labels[0].textContent : el.textContent) || '').trim();
  return {
    where: el.tagName.toLowerCase() + ' ' + label.replace(/\\s+/g, ' ').slice(0, 40),
    ring: drawnBy.some(ringed),
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
  };
})()`;

/**
 * A user with a keyboard and no mouse: every key press is followed by a check that focus is
 * somewhere visible, ringed and on screen. `assertNoPointer()` proves no mouse was used.
 */
export class KeyboardUser {
  /** Every focus stop so far, for the failure message. */
  readonly path: string[] = [];

  constructor(readonly page: Page) {}

  /** Starts counting pointer events (a click by the test would be one). */
  async watchPointer(): Promise<void> {
    await this.page.evaluate(`(() => {
      window.labPointerEvents = 0;
      for (const type of ['pointerdown', 'mousedown', 'click'])
        addEventListener(type, (event) => { if (event.detail > 0 || event.pointerType) window.labPointerEvents++; }, true);
    })()`);
  }

  async assertNoPointer(): Promise<void> {
    expect(
      await this.page.evaluate('window.labPointerEvents'),
      'pointer events during a keyboard-only flow',
    ).toBe(0);
  }

  /** Presses `key`, then checks that focus is visible. */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    await this.expectFocusVisible();
  }

  /** Types into the focused field, replacing what it held. */
  async replaceText(text: string): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
  }

  /** Tabs (or Shift+Tabs) until `target` has focus, checking each stop on the way. */
  async tabTo(target: Locator, { backwards = false, max = 40 } = {}): Promise<void> {
    for (let i = 0; i < max; i += 1) {
      await this.press(backwards ? 'Shift+Tab' : 'Tab');
      if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    }
    throw new Error(`${max} Tabs did not reach ${target}; stops: ${this.path.slice(-max).join(' → ')}`);
  }

  async expectFocusVisible(): Promise<void> {
    const seen = (await this.page.evaluate(SEE_FOCUS)) as FocusSeen;
    this.path.push(seen.where);
    expect(seen, `focus after ${this.path.join(' → ')}`).toEqual({
      where: seen.where,
      ring: true,
      onScreen: true,
    });
  }
}
