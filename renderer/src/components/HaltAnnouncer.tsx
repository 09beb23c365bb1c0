import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LabState } from '../store/lab-store';
import { useLabStore } from '../store/lab-store';
import { describeSets, haltNews, type Halt } from './halt-news';

/** Sentences kept in the log; older ones have been said. */
const KEPT = 5;

/** Halted in Step mode on the live window: what a screen reader should hear about. */
function selectHalt(s: LabState): Halt | null {
  const engine = s.engine;
  if (engine?.mode !== 'step' || engine.server.state !== 'listening' || s.viewing !== null) return null;
  const newest = s.history.at(-1);
  return {
    n: newest?.n ?? 0,
    returned: newest ? describeSets(newest.sets) : null,
    user: newest?.actions.flatMap((a) =>
      a.kind === 'user-close' ? [`You asked the server to ${a.how} #${a.id}`] : [],
    )[0],
    // Predicting: what select() would return is the question, not something to say.
    next: engine.pending && !s.predicting ? describeSets(engine.pending) : null,
  };
}

/**
 * A polite live region for what changes while halted in Step mode — "Iteration 12: select()
 * returned 2 readable, 1 writable." — said once per change, summed up, instead of every chip
 * that moves or is marked. Unseen: the lists show the same thing.
 */
export function HaltAnnouncer() {
  const halt = useLabStore(useShallow(selectHalt));
  const [was, setWas] = useState<Halt | null>(null);
  const [said, setSaid] = useState<{ id: number; text: string }[]>([]);
  if (halt !== was) {
    setWas(halt);
    const news = haltNews(was, halt);
    if (news) setSaid((lines) => [...lines, { id: (lines.at(-1)?.id ?? 0) + 1, text: news }].slice(-KEPT));
  }
  return (
    <div className="visually-hidden" role="log" aria-live="polite" aria-label="While halted">
      {said.map((line) => (
        <p key={line.id}>{line.text}</p>
      ))}
    </div>
  );
}
