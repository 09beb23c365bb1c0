import { describe, expect, it } from 'vitest';
import { parseLesson } from './parse';
import { SHIPPED_LESSONS } from './shipped';

const lesson = (steps: unknown[]): string => JSON.stringify({ format: 1, title: 'T', steps });

describe('lesson files', () => {
  it('ships at least five lessons, every one valid', () => {
    expect(SHIPPED_LESSONS.length).toBeGreaterThanOrEqual(5);
    for (const { file, parsed } of SHIPPED_LESSONS) expect(parsed, file).toMatchObject({ ok: true });
  });

  it('names the file, the step and the field of an unknown action', () => {
    const parsed = parseLesson('bad.json', lesson([{ note: 'a' }, { action: 'stepp', note: 'b' }]));
    expect(parsed).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^bad\.json: step 2, field "action": there is no such action; the actions are step|^bad\.json: step 2, field "action": there is no such action/,
      ),
    });
  });

  it('names an unknown scenario, a misspelt field, a missing note, and bad JSON', () => {
    const scenario = parseLesson('s.json', lesson([{ scenario: 'One clint', note: 'x' }]));
    expect(!scenario.ok && scenario.error).toMatch(
      /^s\.json: step 1, field "scenario": scenario must be the title of one of the lab's scenarios: "One client"/,
    );
    const typo = parseLesson('t.json', lesson([{ actoin: 'step', note: 'x' }]));
    expect(!typo.ok && typo.error).toBe(
      't.json: step 1: unknown field "actoin"; check its spelling against docs/lessons.md.',
    );
    const missing = parseLesson('m.json', lesson([{ action: 'step' }]));
    expect(!missing.ok && missing.error).toBe('m.json: step 1, field "note": missing.');
    const broken = parseLesson('b.json', '{ "format": 1, ');
    expect(!broken.ok && broken.error).toMatch(/^b\.json: is not valid JSON \(/);
  });

  it('checks a question and a Run until value', () => {
    const question = parseLesson(
      'q.json',
      lesson([{ note: 'x', question: { text: 'q', choices: ['a', 'b'], answer: 3 } }]),
    );
    expect(!question.ok && question.error).toBe(
      'q.json: step 1, field "question.answer": answer is past the last choice.',
    );
    const until = parseLesson('u.json', lesson([{ note: 'x', runUntil: { kind: 'queue', bytes: -4 } }]));
    expect(!until.ok && until.error).toBe(
      'u.json: step 1, field "runUntil.bytes": The byte count must be 1 or more.',
    );
  });
});
