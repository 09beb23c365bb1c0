import type { z } from 'zod';
import { lessonSchema, type Lesson } from './schema';

export type Parsed = { ok: true; lesson: Lesson } | { ok: false; error: string };

/** Where in the file an issue is: "step 3, field "action"", "field "title"", or the file itself. */
function place(path: readonly PropertyKey[], keys: readonly string[] = []): string {
  const [first, index, ...rest] = path;
  const field = (names: readonly PropertyKey[]): string =>
    names.length > 0 ? `field "${names.map(String).join('.')}"` : '';
  if (first === 'steps' && typeof index === 'number') {
    const where = field(keys.length > 0 ? [...rest, ...keys] : rest);
    return [`step ${index + 1}`, where].filter(Boolean).join(', ');
  }
  return field(keys.length > 0 ? [...path, ...keys] : path) || 'the file';
}

/** One issue as a teacher reads it: where, then what is wrong. Never zod's own wording. */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `${place(issue.path)}: unknown field ${keys}; check its spelling against docs/lessons.md.`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `${place(issue.path)}: missing.`;
  }
  return `${place(issue.path)}: ${issue.message}`;
}

/**
 * A lesson file's text to a lesson, or the error to show: the file's name, the step and the
 * field, and what is wrong ("03-chunks.json: step 2, field "action": there is no such action…").
 */
export function parseLesson(file: string, json: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${file}: is not valid JSON (${why}).` };
  }
  const parsed = lessonSchema.safeParse(data);
  if (parsed.success) return { ok: true, lesson: parsed.data };
  const issues = parsed.error.issues.slice(0, 3).map(describe);
  return { ok: false, error: `${file}: ${issues.join(' ')}` };
}
