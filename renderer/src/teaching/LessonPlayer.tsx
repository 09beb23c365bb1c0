import { useLabApi } from '../store/api-context';
import { useLabStore } from '../store/lab-store';
import { QuestionView } from './QuestionView';
import { runStep } from './lessons/run-step';

/** The lesson on screen: its step's note, the question if it asks one, Back / Next and the progress. */
export function LessonPlayer() {
  const api = useLabApi();
  const playing = useLabStore((s) => s.lesson);
  const busy = useLabStore((s) => s.scenarioBusy !== null);
  if (!playing) return null;
  const { lesson, index, file } = playing;
  const step = lesson.steps[index];
  const count = lesson.steps.length;
  if (!step) return null;
  const go = (to: number): void => {
    useLabStore.getState().playLesson({ ...playing, index: to });
    const next = lesson.steps[to];
    // Forward runs the step; Back only shows its note again: the lab cannot run backwards.
    if (next && to > index) void runStep(next, api);
  };
  return (
    <section className="lesson-player" aria-label="Lesson" data-file={file} data-step={index + 1}>
      <header className="guide-header">
        <h2>{lesson.title}</h2>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => useLabStore.getState().playLesson(null)}
          aria-label="End lesson"
        >
          ×
        </button>
      </header>
      <div className="lesson-progress">
        <progress max={count} value={index + 1} aria-label="Lesson progress" />
        <span>
          Step {index + 1} of {count}
        </span>
      </div>
      <p className="guide-note">{step.note}</p>
      {step.question && <QuestionView key={`${file}-${index}`} question={step.question} />}
      <div className="lesson-nav">
        <button type="button" className="btn" disabled={index === 0} onClick={() => go(index - 1)}>
          Back
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={index === count - 1 || busy}
          onClick={() => go(index + 1)}
        >
          Next
        </button>
      </div>
    </section>
  );
}
