import { useMemo, useState } from 'react';
import type { SelectSets, SocketId } from '../../../shared/engine';
import { PredictChip } from '../teaching/PredictChip';
import { SocketChip, type ListName } from './SocketChip';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 44;
const NO_SETS: SelectSets = { readable: [], writable: [], exceptional: [] };
const NOBODY = new Set<SocketId>();
/**
 * Which answers of select(inputs, outputs, inputs) a list shows: inputs are checked for
 * reading and errors, outputs for writing; the exceptional list holds what errored.
 */
const CHECKS: Record<ListName, { readable: boolean; writable: boolean; exceptional: boolean }> = {
  inputs: { readable: true, writable: false, exceptional: true },
  outputs: { readable: false, writable: true, exceptional: false },
  exceptional: { readable: false, writable: false, exceptional: true },
};
/** More arrivals than this in one batch is a crowd, not a move to follow: no animation. */
const MAX_FLIGHTS = 12;

interface SocketListProps {
  name: ListName;
  /** One line under the title: what this list means in the seed. */
  hint: string;
  ids: SocketId[];
  sets: SelectSets | null;
  /** Queue depths as they were after a past iteration ([id, messages, bytes]); null when live. */
  pastQueues: Map<SocketId, { messages: number; bytes: number }> | null;
  /** Predicting: each chip offers its marks to toggle instead of showing select()'s. */
  predicting?: boolean;
  /** After Reveal: each socket's verdicts ("readable:right writable:missed"), by id. */
  verdicts?: ReadonlyMap<SocketId, string> | null;
}

/** The ids that were not in the previous list: they just moved here (React's "previous props" pattern). */
function useArrivals(ids: SocketId[]): Set<SocketId> {
  const [previous, setPrevious] = useState<SocketId[] | null>(null);
  const [arrivals, setArrivals] = useState<Set<SocketId>>(NOBODY);
  if (previous !== ids) {
    setPrevious(ids);
    if (previous === null) {
      setArrivals(NOBODY);
    } else {
      const before = new Set(previous);
      setArrivals(new Set(ids.filter((id) => !before.has(id))));
    }
  }
  return arrivals;
}

/** One of the seed's lists, virtualized: only the chips in view are in the DOM. */
export function SocketList({
  name,
  hint,
  ids,
  sets,
  pastQueues,
  predicting = false,
  verdicts = null,
}: SocketListProps) {
  const arrivals = useArrivals(ids);
  const marks = useMemo(() => {
    const s = sets ?? NO_SETS;
    return {
      readable: new Set(s.readable),
      writable: new Set(s.writable),
      exceptional: new Set(s.exceptional),
    };
  }, [sets]);
  const titleId = `list-title-${name}`;
  const checks = CHECKS[name];
  return (
    <section className={`socket-list list-${name}`} aria-labelledby={titleId}>
      <header className="list-header">
        <h2 id={titleId}>
          {name} <span className="list-count">{ids.length}</span>
        </h2>
        <p className="list-hint">{hint}</p>
      </header>
      <VirtualList
        label={name}
        ids={ids}
        rowHeight={ROW_HEIGHT}
        overscan={6}
        initialHeight={600}
        scrollerClass="list-scroller"
        renderRow={(id) =>
          predicting ? (
            <PredictChip id={id} list={name} />
          ) : (
            <SocketChip
              id={id}
              list={name}
              arrived={arrivals.size <= MAX_FLIGHTS && arrivals.has(id)}
              pastQueue={pastQueues ? (pastQueues.get(id) ?? { messages: 0, bytes: 0 }) : null}
              marks={{
                readable: checks.readable && marks.readable.has(id),
                writable: checks.writable && marks.writable.has(id),
                exceptional: checks.exceptional && marks.exceptional.has(id),
              }}
              verdicts={verdicts?.get(id) ?? ''}
            />
          )
        }
      />
    </section>
  );
}
