import { memo, useLayoutEffect, useRef } from 'react';
import { FD_SETSIZE, type SocketId } from '../../../shared/engine';
import { useLabStore } from '../store/lab-store';
import { clientName } from './clients/client-format';
import { usePeerClient } from './clients/origin';
import { flyIn, rememberChip } from './flip';
import { formatBytes } from './format';
import { useRovingTabIndex } from './tab-stop';

export type ListName = 'inputs' | 'outputs' | 'exceptional';

/** Which of the select() sets returned this socket. */
export interface Marks {
  readable: boolean;
  writable: boolean;
  exceptional: boolean;
}

interface ChipProps {
  id: SocketId;
  list: ListName;
  marks: Marks;
  /** Just joined this list: slide in from where it was. */
  arrived: boolean;
  /** Queue depth from a past iteration, when the timeline shows one. */
  pastQueue: { messages: number; bytes: number } | null;
  /** After Reveal: "readable:right writable:missed", or empty. */
  verdicts?: string;
}

const MARK_NAMES = ['readable', 'writable', 'exceptional'] as const;
type MarkName = (typeof MARK_NAMES)[number];

const MARK_TITLES = {
  readable: 'readable: select() says recv() (or accept()) will not block',
  writable: 'writable: select() says send() will not block',
  exceptional: 'exceptional: TCP urgent (out-of-band) data is waiting',
} as const;

function MarkBadges({ on }: { on: MarkName[] }) {
  return (
    <span className="chip-marks">
      {on.map((m) => (
        <span key={m} className={`mark mark-${m}`} title={MARK_TITLES[m]}>
          {m}
        </span>
      ))}
    </span>
  );
}

/** The listening socket: set apart, it only ever becomes readable when a connection waits. */
function ListenerBody() {
  const address = useLabStore((s) => s.engine?.server.address ?? null);
  const queued = useLabStore((s) => s.engine?.listener.queued ?? 0);
  const room = useLabStore((s) => (s.engine?.listener.backlog ?? 0) + 1);
  const waiting = useLabStore((s) => s.engine?.listener.waiting ?? 0);
  return (
    <>
      <span className="chip-id">
        #0 <span className="chip-fd">fd 3</span>
      </span>{' '}
      <span className="chip-peer">listening {address ?? ''}</span>{' '}
      <span className="chip-queue" title={`the accept queue: listen(${room - 1}) holds ${room}`}>
        queue {queued}/{room}
      </span>{' '}
      <span className="chip-flags">
        {waiting > 0 && (
          <span
            className="chip-flag"
            title="past the backlog: each joins at its next SYN retry if there is room"
          >
            +{waiting} waiting for a SYN retry
          </span>
        )}
      </span>
    </>
  );
}

/** A test client of the lab, or external (nc, the user's own program). */
function PeerOrigin({ client }: { client: number | null }) {
  return client === null ? (
    <span className="chip-origin chip-external" title="not one of the lab's test clients">
      {' '}
      external
    </span>
  ) : (
    <span className="chip-origin" title="one of the lab's test clients">
      {' '}
      client {clientName(client)}
    </span>
  );
}

function ConnectionBody({ id, pastQueue }: { id: SocketId; pastQueue: ChipProps['pastQueue'] }) {
  const live = useLabStore((s) => s.connections.get(id));
  const gone = useLabStore((s) => (live ? undefined : s.departed.get(id)));
  const view = live ?? gone;
  const messages = pastQueue ? pastQueue.messages : (view?.queuedMessages ?? 0);
  const bytes = pastQueue ? pastQueue.bytes : (view?.queuedBytes ?? 0);
  const client = usePeerClient(view?.peer);
  const flags = gone
    ? ['closed']
    : [view?.eof ? 'EOF' : null, view?.backpressure ? 'paused' : null, view?.error].filter(Boolean);
  const fd = view?.fd;
  const pastSetSize = fd !== undefined && fd >= FD_SETSIZE;
  return (
    <>
      <span className="chip-id">
        #{id}
        {fd !== undefined && (
          <span
            className={pastSetSize ? 'chip-fd chip-fd-past' : 'chip-fd'}
            title={
              pastSetSize
                ? `past select()'s FD_SETSIZE (${FD_SETSIZE}): Python's select.select() raises ValueError`
                : 'its file descriptor, as the kernel would number it'
            }
          >
            {' '}
            fd {fd}
          </span>
        )}
      </span>{' '}
      <span className="chip-peer">{view?.peer ?? 'closed'}</span>{' '}
      <span className="chip-queue" title="messages waiting in its queue">
        {messages === 0 ? 'q 0' : `q ${messages} · ${formatBytes(bytes)}`}
      </span>{' '}
      <span className="chip-flags">
        {flags.length > 0 && <span className="chip-flag">{flags.join(' · ')} </span>}
        {view && <PeerOrigin client={client} />}
      </span>
    </>
  );
}

const VERDICT_TEXT = { right: '✓ right', wrong: '✗ wrong', missed: 'missed' } as const;

/** How a prediction fared, per set: "✓ right: readable". */
function VerdictBadges({ verdicts }: { verdicts: string }) {
  return (
    <span className="chip-verdicts">
      {verdicts.split(' ').map((entry) => {
        const [mark, verdict] = entry.split(':') as [string, keyof typeof VERDICT_TEXT];
        return (
          <span key={entry} className={`verdict verdict-${verdict}`} data-verdict={entry}>
            {VERDICT_TEXT[verdict]}: {mark}
          </span>
        );
      })}
    </span>
  );
}

function SocketChipView({ id, list, marks, arrived, pastQueue, verdicts = '' }: ChipProps) {
  const selected = useLabStore((s) => s.selectedId === id);
  const select = useLabStore((s) => s.select);
  const tabIndex = useRovingTabIndex(id);
  const ref = useRef<HTMLButtonElement>(null);
  const key = String(id);

  useLayoutEffect(() => {
    if (arrived && ref.current) flyIn(key, list, ref.current);
  }, [arrived, key, list]);
  // Remember the list this chip appeared in, for a later move whose source chip is gone.
  useLayoutEffect(() => rememberChip(key, list), [key, list]);

  const on = MARK_NAMES.filter((m) => marks[m]);
  const classes = ['chip', id === 0 ? 'chip-listener' : '', selected ? 'chip-selected' : '']
    .concat(on.map((m) => `is-${m}`))
    .filter(Boolean)
    .join(' ');
  return (
    <button
      ref={ref}
      type="button"
      className={classes}
      data-flip-key={key}
      data-flip-list={list}
      data-marks={on.join(' ')}
      aria-pressed={selected}
      tabIndex={tabIndex}
      title={selected ? 'Click to close its detail' : 'Click for its queue, counters and history'}
      onClick={() => select(selected ? null : id)}
    >
      {id === 0 ? <ListenerBody /> : <ConnectionBody id={id} pastQueue={pastQueue} />}{' '}
      {/* After Reveal the verdicts name each mark ("right: readable"): they stand where the marks do, in the chip's row height. */}
      {verdicts ? <VerdictBadges verdicts={verdicts} /> : <MarkBadges on={on} />}
    </button>
  );
}

const sameChip = (a: ChipProps, b: ChipProps): boolean =>
  a.id === b.id &&
  a.list === b.list &&
  a.arrived === b.arrived &&
  a.verdicts === b.verdicts &&
  a.marks.readable === b.marks.readable &&
  a.marks.writable === b.marks.writable &&
  a.marks.exceptional === b.marks.exceptional &&
  a.pastQueue?.messages === b.pastQueue?.messages &&
  a.pastQueue?.bytes === b.pastQueue?.bytes;

/** One socket in one list: `#id`, peer, queue depth and the marks from select(). */
export const SocketChip = memo(SocketChipView, sameChip);
