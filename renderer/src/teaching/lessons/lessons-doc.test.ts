import { describe, expect, it } from 'vitest';
import doc from '../../../../docs/lessons.md?raw';
import { SCENARIOS } from '../../../../shared/scenarios';
import { ACTION_IDS } from '../../actions/catalog';

/** docs/lessons.md is how a teacher learns the names: it must list every one the schema accepts. */
describe('docs/lessons.md', () => {
  it('lists every action id', () => {
    for (const id of ACTION_IDS) expect(doc, id).toContain(`| \`${id}\``);
  });

  it('lists every scenario by its exact title', () => {
    for (const { title } of SCENARIOS) expect(doc, title).toContain(`| \`${title}\``);
  });
});
