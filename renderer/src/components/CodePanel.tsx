import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Action, IterationRecord } from '../../../shared/engine';
import { formatAction } from '../../../shared/format';
import { SEED_DEFAULTS, SEED_LINES, seedLines, seedSource, type SeedValues } from '../../../shared/seed';
import type { LabState } from '../store/lab-store';
import { useLabStore } from '../store/lab-store';
import { selectPicked } from '../store/selectors';
import { usePacedLab } from '../store/use-paced';
import { tintPython } from './python-tokens';
import { ProgramSource } from './ProgramSource';
import { ScrollList } from './ScrollList';

interface Shown {
  actions: Action[];
  /** The action Step action just ran: its line is the debugger's cursor. */
  current: Action | null;
  origin: string;
  /** A picked iteration: worth scrolling to what it did past select(). */
  past: boolean;
}

const NOTHING: Action[] = [];
/** `while inputs:` — where the interesting part starts. */
const LOOP_LINE = SEED_LINES.findIndex((l) => l.startsWith('while inputs')) + 1;
const SELECT_LINE = SEED_LINES.findIndex((l) => l.includes('select.select(')) + 1;

/** A picked iteration, else the Step action trail; null when the newest iteration is shown. */
function selectChosen(s: LabState): Shown | null {
  const picked = selectPicked(s);
  if (picked) return { actions: picked.actions, current: null, origin: `iteration ${picked.n}`, past: true };
  if (s.stepTrail.length > 0)
    return { actions: s.stepTrail, current: s.stepTrail.at(-1) ?? null, origin: 'step action', past: false };
  return null;
}

const selectNewest = (s: LabState): IterationRecord | undefined => s.history.at(-1);

/** What the user chose follows at once; the newest iteration, which changes with every batch, at a pace. */
function useShown(): Shown {
  const chosen = useLabStore(useShallow(selectChosen));
  const newest = usePacedLab(selectNewest);
  if (chosen) return chosen;
  return newest
    ? { actions: newest.actions, current: null, origin: `iteration ${newest.n}`, past: false }
    : { actions: NOTHING, current: null, origin: '', past: false };
}

/** The values the running server uses (the last run's when stopped), where the seed has literals. */
function selectSeedValues(s: LabState): SeedValues {
  const engine = s.engine;
  if (!engine) return SEED_DEFAULTS;
  const { host, port } = engine.server;
  return {
    host: host || SEED_DEFAULTS.host,
    port: host ? port : SEED_DEFAULTS.port,
    backlog: engine.options.backlog,
    recvSize: engine.options.recvSize,
  };
}

/** The seed's loop (the engine's, or the original's when the lab runs it), else a watched program's own source. */
export function CodePanel() {
  const program = useLabStore((s) => s.engine?.program ?? null);
  return program && !program.original ? <ProgramSource program={program} /> : <SeedCode />;
}

/** The seed's loop as Python 3, with the lines the shown actions ran lit, and crashes marked. */
function SeedCode() {
  const { actions, current, origin, past } = useShown();
  const values = useLabStore(useShallow(selectSeedValues));
  // Tinted once per set of values, not on every redraw of the lit lines.
  const source = useMemo(
    () =>
      seedSource(values)
        .split('\n')
        .map((text) => tintPython(text)),
    [values],
  );
  const lit = useMemo(() => new Set(actions.flatMap((a) => seedLines(a))), [actions]);
  const here = useMemo(() => new Set(current ? seedLines(current) : []), [current]);
  const crashes = useMemo(() => {
    const byLine = new Map<number, Action>();
    for (const a of actions) if (a.kind === 'crash') byLine.set(seedLines(a)[0] ?? 0, a);
    return byLine;
  }, [actions]);
  const codeRef = useRef<HTMLOListElement>(null);
  // Live, stay on select() (the loop body below changes too fast to chase); a picked
  // iteration shows its first line after select().
  const afterSelect = [...lit].filter((line) => line > SELECT_LINE);
  const crashLine = crashes.keys().next().value;
  const target =
    crashLine !== undefined
      ? crashLine
      : here.size > 0
        ? Math.min(...here)
        : past && afterSelect.length > 0
          ? Math.min(...afterSelect)
          : lit.size > 0
            ? Math.min(...lit)
            : LOOP_LINE;
  // Keep the line that ran in view (centred when it was out of view), without scrolling the page.
  useEffect(() => {
    const code = codeRef.current;
    const line = code?.querySelector<HTMLElement>(`[data-line="${target}"]`);
    if (!code || !line) return;
    const top = line.offsetTop;
    // "In view" means in the upper part, so the lines after it show too.
    const visible =
      top >= code.scrollTop && top + line.offsetHeight <= code.scrollTop + code.clientHeight * 0.6;
    if (!visible || here.size > 0) code.scrollTop = top - code.clientHeight / 2 + line.offsetHeight;
  }, [target, here]);
  return (
    <section className="panel code-panel" aria-label="Code">
      <header className="panel-header">
        <h2>The loop</h2>
        <span className="muted">
          the tutorial's server, Python 3, with the lab's values{origin ? ` · lit: ${origin}` : ''}
        </span>
      </header>
      {current && (
        <p className="code-now" role="status" aria-label="Current action">
          ▶ {formatAction(current)}
        </p>
      )}
      <ScrollList ref={codeRef} className="code" label="Seed source">
        {source.map((tinted, index) => {
          const line = index + 1;
          const crash = crashes.get(line);
          const isHere = here.has(line);
          const classes = [
            'code-line',
            lit.has(line) ? 'lit' : '',
            isHere ? 'here' : '',
            crash ? 'crash' : '',
          ];
          return (
            <li
              key={line}
              className={classes.filter(Boolean).join(' ')}
              data-line={line}
              aria-current={isHere ? 'step' : undefined}
            >
              <span className="line-no" aria-hidden="true">
                {line}
              </span>
              <code>{tinted}</code>
              {crash && <span className="crash-marker">✖ {formatAction(crash)}</span>}
            </li>
          );
        })}
      </ScrollList>
    </section>
  );
}
