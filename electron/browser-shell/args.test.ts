// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVE_PORT, parseServeArgs } from './args';

describe('parseServeArgs', () => {
  it('defaults, --port N, --port=N, --open, --new-token, --print-url and --allow-run', () => {
    const plain = { open: false, newToken: false, printUrl: false, allowRun: false };
    expect(parseServeArgs([])).toEqual({ ok: true, value: { ...plain, port: DEFAULT_SERVE_PORT } });
    expect(parseServeArgs(['--port', '0', '--open'])).toEqual({
      ok: true,
      value: { ...plain, port: 0, open: true },
    });
    expect(parseServeArgs(['--port=8080'])).toEqual({ ok: true, value: { ...plain, port: 8080 } });
    expect(parseServeArgs(['--new-token', '--print-url'])).toEqual({
      ok: true,
      value: { ...plain, port: DEFAULT_SERVE_PORT, newToken: true, printUrl: true },
    });
    expect(parseServeArgs(['--allow-run'])).toEqual({
      ok: true,
      value: { ...plain, port: DEFAULT_SERVE_PORT, allowRun: true },
    });
  });
  it.each([
    ['--port'],
    ['--port', '65536'],
    ['--port', '-1'],
    ['--port', 'x'],
    ['--bogus'],
    ['--host', '0.0.0.0'],
    ['--print-url', '--port', '0'],
  ])('refuses %j with the usage line', (...argv) => {
    const result = parseServeArgs(argv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/Usage: npm run serve/);
  });
});
