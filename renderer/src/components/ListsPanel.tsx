import { useMemo } from 'react';
import type { SocketId } from '../../../shared/engine';
import { useLabStore } from '../store/lab-store';
import { useDisplay, type SetsSource } from '../store/selectors';
import { useVerdicts } from '../teaching/use-verdicts';
import { EmptyState, ListeningHint } from './EmptyState';
import type { ListName } from './SocketChip';
import { SocketList } from './SocketList';

const SOURCE_TEXT: Record<SetsSource, string> = {
  none: 'Marks show what select() returns.',
  last: 'Marks: what the last select() returned.',
  pending: 'Halted before select(): marks show what it would return.',
  predict: 'Predict: mark what select() will return, then Reveal.',
  cursor: 'Halted mid-iteration: marks show the sets it works through.',
  past: 'The lists and queues as they were after it.',
};

/** The seed's lists, in the order select() takes them, each with what it means. */
const LISTS: { name: ListName; hint: string }[] = [
  { name: 'inputs', hint: 'read from (the listener first); passed as the third list too' },
  { name: 'outputs', hint: 'have queued data to echo back' },
  {
    name: 'exceptional',
    hint: 'TCP urgent data only, not errors as the tutorial says: an error makes a socket readable',
  },
];

/** The seed's three lists side by side, with the select() marks explained. */
export function ListsPanel() {
  const display = useDisplay();
  const { record } = display;
  const pastQueues = useMemo(
    () =>
      record
        ? new Map<SocketId, { messages: number; bytes: number }>(
            record.after.queues.map(([id, messages, bytes]) => [id, { messages, bytes }]),
          )
        : null,
    [record],
  );
  const exceptional = display.sets?.exceptional ?? NONE;
  const predicting = display.source === 'predict';
  const verdicts = useVerdicts(display.source === 'cursor');
  const score = useLabStore((s) => s.revealed);
  return (
    <section className="lists-panel" aria-label="Lists" data-source={display.source}>
      <div className="lists-caption">
        <code className="select-call">select(inputs, outputs, inputs)</code>
        <span
          className="select-model"
          title="The lab answers select() as Linux does, on every OS: a reset makes a socket readable (not exceptional), listen(5) queues six, descriptors stop at 1023."
        >
          as Linux answers it
        </span>
        <span className="sets-source">
          {record ? `Iteration ${record.n}. ` : ''}
          {SOURCE_TEXT[display.source]}
          {verdicts && score
            ? ` Your prediction: ${score.score.right} right, ${score.score.wrong} wrong, ${score.score.missed} missed.`
            : ''}
        </span>
      </div>
      <div className="lists">
        {LISTS.map(({ name, hint }) => (
          <SocketList
            key={name}
            name={name}
            hint={hint}
            ids={name === 'inputs' ? display.inputs : name === 'outputs' ? display.outputs : exceptional}
            sets={display.sets}
            pastQueues={pastQueues}
            predicting={predicting}
            verdicts={verdicts}
          />
        ))}
        {!record && <EmptyState />}
      </div>
      {!record && <ListeningHint />}
    </section>
  );
}

const NONE: SocketId[] = [];
