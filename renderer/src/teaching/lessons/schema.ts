import { z } from 'zod';
import { breakpointSchema } from '../../../../shared/breakpoints';
import { SCENARIOS } from '../../../../shared/scenarios';
import { ACTION_IDS } from '../../actions/catalog';

/**
 * A lesson file (docs/lessons.md is the teacher's guide to it): JSON, a title and a list of
 * steps. A step does one thing — sets a scenario up, runs a registered action (the same ones
 * the toolbar and the keys run) or runs until a breakpoint — then shows its note beside the
 * lists, and may ask for a prediction or a question.
 */

export const LESSON_FORMAT = 1;
const SCENARIO_TITLES = SCENARIOS.map((s) => s.title) as [string, ...string[]];

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text in double quotes.` })
    .trim()
    .min(1, `${field} is empty.`)
    .max(max, `${field} is longer than ${max} characters.`);

const questionSchema = z
  .strictObject({
    text: text('The question', 500),
    choices: z
      .array(text('A choice', 200), { error: 'choices must be a list of answers in [ ].' })
      .min(2, 'choices needs at least two answers.')
      .max(6, 'choices has at most six answers.')
      .optional(),
    /** The right choice, counted from 1. */
    answer: z
      .number({ error: 'answer must be the number of the right choice, from 1.' })
      .int()
      .min(1)
      .optional(),
    explain: text('explain', 1000).optional(),
  })
  .refine((q) => (q.choices === undefined) === (q.answer === undefined), {
    message:
      'a question with choices needs an answer (the number of the right one), and an answer needs choices.',
    path: ['answer'],
  })
  .refine((q) => q.answer === undefined || q.answer <= (q.choices?.length ?? 0), {
    message: 'answer is past the last choice.',
    path: ['answer'],
  });

const stepSchema = z
  .strictObject({
    scenario: z
      .enum(SCENARIO_TITLES, {
        error: `scenario must be the title of one of the lab's scenarios: ${SCENARIO_TITLES.map((t) => `"${t}"`).join(', ')}.`,
      })
      .optional(),
    action: z
      .enum(ACTION_IDS, { error: `there is no such action; the actions are ${ACTION_IDS.join(', ')}.` })
      .optional(),
    times: z
      .number({ error: 'times must be a number.' })
      .int('times must be a whole number.')
      .min(1, 'times must be 1 or more.')
      .max(50, 'times must be at most 50.')
      .optional(),
    runUntil: breakpointSchema.optional(),
    note: text('note', 2000),
    predict: z.boolean({ error: 'predict must be true or false.' }).optional(),
    question: questionSchema.optional(),
  })
  .refine((s) => [s.scenario, s.action, s.runUntil].filter((x) => x !== undefined).length <= 1, {
    message: 'a step does one thing: scenario, action or runUntil, not several.',
  })
  .refine((s) => s.times === undefined || s.action !== undefined, {
    message: 'times repeats an action: this step has none.',
    path: ['times'],
  });

export const lessonSchema = z.strictObject({
  format: z.literal(LESSON_FORMAT, { error: `format must be ${LESSON_FORMAT}.` }),
  title: text('title', 120),
  summary: text('summary', 600).optional(),
  steps: z
    .array(stepSchema, { error: 'steps must be a list of steps in [ ].' })
    .min(1, 'steps is empty: a lesson needs at least one step.')
    .max(100, 'a lesson has at most 100 steps.'),
});

export type Lesson = z.infer<typeof lessonSchema>;
export type LessonStep = Lesson['steps'][number];
export type Question = NonNullable<LessonStep['question']>;
