// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_SOURCE } from '../shared/seed';

/** From `while inputs:` to the end: the loop itself, without the harness around it. */
const loopOf = (source: string): string => source.slice(source.indexOf('while inputs:')).trimEnd();

describe('bench/seed_server.py', () => {
  it("runs the seed's loop line for line (the only addition: TCP_NODELAY when asked)", () => {
    const python = readFileSync(join(import.meta.dirname, 'seed_server.py'), 'utf8');
    const withoutNodelay = loopOf(python)
      .split('\n')
      .filter(
        (line, i, lines) => !/^\s*if nodelay:$/.test(line) && !/^\s*if nodelay:$/.test(lines[i - 1] ?? ''),
      )
      .join('\n');
    expect(withoutNodelay).toBe(loopOf(SEED_SOURCE));
  });
});
