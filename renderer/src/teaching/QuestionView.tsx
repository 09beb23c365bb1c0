import { useId, useState } from 'react';
import type { Question } from './lessons/schema';

/** A lesson's question: choices to check, or an open question with its answer behind a button. */
export function QuestionView({ question }: { question: Question }) {
  const [chosen, setChosen] = useState<number | null>(null);
  const [checked, setChecked] = useState(false);
  const name = useId();
  const right = question.answer !== undefined && chosen === question.answer - 1;
  return (
    <fieldset className="question">
      <legend>{question.text}</legend>
      {question.choices?.map((choice, i) => (
        <label key={i} className="question-choice">
          <input
            type="radio"
            name={name}
            checked={chosen === i}
            onChange={() => {
              setChosen(i);
              setChecked(false);
            }}
          />
          {choice}
        </label>
      ))}
      <button
        type="button"
        className="btn btn-small"
        disabled={question.choices !== undefined && chosen === null}
        onClick={() => setChecked(true)}
      >
        {question.choices ? 'Check' : 'Show the answer'}
      </button>
      {checked && (
        <p className="question-answer" role="status">
          {question.choices ? (right ? 'Right. ' : 'Not quite. ') : ''}
          {question.explain ?? ''}
        </p>
      )}
    </fieldset>
  );
}
