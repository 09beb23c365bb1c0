import { useState, type ChangeEvent } from 'react';
import { useLabApi } from '../store/api-context';
import { useLabStore } from '../store/lab-store';
import { runStep } from './lessons/run-step';
import { parseLesson } from './lessons/parse';
import type { Lesson } from './lessons/schema';
import { SHIPPED_LESSONS } from './lessons/shipped';
import { Menu, useMenu } from './Menu';

/** Lesson files past this size are not lessons. */
const MAX_FILE_BYTES = 512 * 1024;

/** The Lessons button: the lessons that ship with the lab, and `Open lesson file…` for a teacher's own. */
export function LessonsMenu() {
  const api = useLabApi();
  const menu = useMenu();
  const [error, setError] = useState<string | null>(null);
  const play = (file: string, lesson: Lesson): void => {
    menu.close();
    setError(null);
    useLabStore.getState().playLesson({ file, lesson, index: 0 });
    const first = lesson.steps[0];
    if (first) void runStep(first, api);
  };
  const openFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES)
      return setError(`${file.name}: is too large for a lesson (over 512 KiB).`);
    const parsed = parseLesson(file.name, await file.text());
    if (parsed.ok) play(file.name, parsed.lesson);
    else setError(parsed.error);
  };
  const alert = error && (
    <p className="field-error" role="alert" data-code="BAD_LESSON">
      {error}
    </p>
  );
  return (
    <Menu
      id="lessons-list"
      label="Lessons"
      title="Lessons: the seed from one client to its bugs, step by step"
      {...menu}
      after={!menu.open && alert}
    >
      <ul className="menu-list">
        {SHIPPED_LESSONS.map(({ file, parsed }) => (
          <li key={file}>
            {parsed.ok ? (
              <button type="button" className="menu-item" onClick={() => play(file, parsed.lesson)}>
                {parsed.lesson.title}
              </button>
            ) : (
              <p className="field-error">{parsed.error}</p>
            )}
          </li>
        ))}
      </ul>
      <label className="btn btn-small file-button">
        Open lesson file…
        <input type="file" accept=".json,application/json" onChange={(e) => void openFile(e)} />
      </label>
      {alert}
    </Menu>
  );
}
