// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KINDS, PHASES } from '../../shared/recording/compact';

/** `docs/recording-format.md`'s table of codes: each `| code | name |` pair of its rows. */
function documentedCodes(): { kinds: string[]; phases: string[] } {
  const text = readFileSync(new URL('../../docs/recording-format.md', import.meta.url), 'utf8');
  const table = text.slice(
    text.indexOf('| code | kind'),
    text.indexOf('A field is written as the record has it'),
  );
  const kinds: string[] = [];
  const phases: string[] = [];
  for (const row of table.split('\n').slice(2)) {
    const cells = row.split('|').map((cell) => cell.trim().replace(/`/g, ''));
    for (let c = 1; c + 1 < cells.length; c += 2) {
      if (cells[c] === '') continue;
      // The last pair of columns is the phases.
      (c === 7 ? phases : kinds)[Number(cells[c])] = cells[c + 1] as string;
    }
  }
  return { kinds, phases };
}

describe('version 2 lines: the codes', () => {
  it('are the ones docs/recording-format.md gives a reader', () => {
    expect(documentedCodes()).toEqual({ kinds: KINDS, phases: [...PHASES] });
  });
});
