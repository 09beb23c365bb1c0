/** Test support for the tracer and the differential tests: is there a python3, and the seed in a file for it. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { seedSource } from '../../shared/seed';

/** python3's version line ("Python 3.11.7"), or null where there is none. */
export function python3(): string | null {
  try {
    return execFileSync('python3', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** The seed as the code panel shows it (127.0.0.1, a free port), in a file python3 can run; removed when the test ends. */
export function seedFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'socketlab-trace-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'seed.py');
  writeFileSync(path, seedSource({ host: '127.0.0.1', port: 0, backlog: 5, recvSize: 1024 }));
  return path;
}
