import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../renderer/src/actions/catalog';
import { SCENARIOS } from '../shared/scenarios';

/** docs/lessons.md is how a teacher learns the names: it must list every one the schema accepts. */
const doc = readFileSync(join(import.meta.dirname, '../docs/lessons.md'), 'utf8');

describe('docs/lessons.md', () => {
  it('lists every action id', () => {
    for (const id of ACTION_IDS) expect(doc, id).toContain(`| \`${id}\``);
  });

  it('lists every scenario by its exact title', () => {
    for (const { title } of SCENARIOS) expect(doc, title).toContain(`| \`${title}\``);
  });
});
