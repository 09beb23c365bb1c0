import { afterEach, describe, expect, it } from 'vitest';
import { flyIn, rememberChip } from './flip';

/** A chip-like element at a fixed place, recording the animations asked of it. */
function chip(key: string, list: string, left: number, top: number) {
  const element = document.createElement('button');
  element.dataset.flipKey = key;
  element.dataset.flipList = list;
  element.getBoundingClientRect = () => DOMRect.fromRect({ x: left, y: top, width: 200, height: 40 });
  const asked: { keyframes: Keyframe[]; options: KeyframeAnimationOptions }[] = [];
  element.animate = ((keyframes: Keyframe[], options: KeyframeAnimationOptions) => {
    asked.push({ keyframes, options });
    return new EventTarget() as Animation;
  }) as HTMLElement['animate'];
  document.body.append(element);
  return { element, asked };
}

function reduceMotion(reduce: boolean): void {
  window.matchMedia = ((query: string) => ({
    matches: reduce && query.includes('reduce'),
  })) as typeof window.matchMedia;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('flyIn', () => {
  it('slides a chip that joined a list from where its socket sits in another, within 300 ms', () => {
    reduceMotion(false);
    chip('7', 'inputs', 10, 300);
    const arrived = chip('7', 'outputs', 400, 100);
    flyIn('7', 'outputs', arrived.element);
    expect(arrived.asked).toHaveLength(1);
    expect(arrived.asked[0]?.keyframes[0]?.transform).toBe('translate(-390px, 200px)');
    expect(Number(arrived.asked[0]?.options.duration)).toBeLessThanOrEqual(300);
  });

  it('does not move anything when the user prefers reduced motion', () => {
    reduceMotion(true);
    chip('8', 'inputs', 10, 300);
    const arrived = chip('8', 'outputs', 400, 100);
    flyIn('8', 'outputs', arrived.element);
    expect(arrived.asked).toHaveLength(0);
  });

  it('flies from the list it was last seen in when its old chip is gone', () => {
    reduceMotion(false);
    const list = document.createElement('div');
    const scroller = document.createElement('div');
    list.setAttribute('role', 'list');
    list.setAttribute('aria-label', 'inputs');
    scroller.getBoundingClientRect = () => DOMRect.fromRect({ x: 20, y: 150, width: 300, height: 400 });
    scroller.append(list);
    document.body.append(scroller);
    rememberChip('9', 'inputs');
    const arrived = chip('9', 'exceptional', 700, 150);
    flyIn('9', 'exceptional', arrived.element);
    expect(arrived.asked[0]?.keyframes[0]?.transform).toBe('translate(-680px, 0px)');
  });
});
