// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVE_PORT, parseServeArgs } from './args';

describe('parseServeArgs', () => {
  it('defaults, --port N, --port=N and --open', () => {
    expect(parseServeArgs([])).toEqual({ ok: true, value: { port: DEFAULT_SERVE_PORT, open: false } });
    expect(parseServeArgs(['--port', '0', '--open'])).toEqual({ ok: true, value: { port: 0, open: true } });
    expect(parseServeArgs(['--port=8080'])).toEqual({ ok: true, value: { port: 8080, open: false } });
  });
  it.each([
    ['--port'],
    ['--port', '65536'],
    ['--port', '-1'],
    ['--port', 'x'],
    ['--bogus'],
    ['--host', '0.0.0.0'],
  ])('refuses %j with the usage line', (...argv) => {
    const result = parseServeArgs(argv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/Usage: npm run serve/);
  });
});
