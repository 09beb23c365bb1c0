/** Test support for the tracer and the differential tests: is there a python3 to run programs with? */
import { execFileSync } from 'node:child_process';

/** python3's version line ("Python 3.11.7"), or null where there is none. */
export function python3(): string | null {
  try {
    return execFileSync('python3', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}
