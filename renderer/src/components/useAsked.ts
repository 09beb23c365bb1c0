import { useState } from 'react';

/**
 * A control's value between the click and the engine's confirmation: what the user asked
 * for shows at once, and the engine's value wins as soon as it changes (or the ask fails).
 */
export function useAsked<T>(actual: T): [shown: T, ask: (value: T) => void, drop: () => void] {
  const [asked, setAsked] = useState<{ value: T; over: T } | null>(null);
  const shown = asked && Object.is(asked.over, actual) ? asked.value : actual;
  return [shown, (value) => setAsked({ value, over: actual }), () => setAsked(null)];
}
