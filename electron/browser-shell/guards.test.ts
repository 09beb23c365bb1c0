// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkUpgrade, newToken } from './guards';

const token = 'secret-token';
const good = { url: `/ws?token=${token}`, host: '127.0.0.1:5170', origin: 'http://127.0.0.1:5170' };
const check = (patch: Partial<typeof good>) => checkUpgrade({ ...good, ...patch }, token, 5170, '/ws');

describe('checkUpgrade', () => {
  it('accepts the right path, host, origin and token', () => {
    expect(check({})).toEqual({ ok: true });
    expect(check({ host: 'localhost:5170', origin: 'http://localhost:5170' })).toEqual({ ok: true });
  });
  it.each([
    ['no token', { url: '/ws' }, 401],
    ['a wrong token', { url: '/ws?token=secret-tokem' }, 401],
    ['a token prefix', { url: '/ws?token=secret' }, 401],
    ['a foreign Host', { host: 'evil.example' }, 403],
    ['a Host on another port', { host: '127.0.0.1:5171' }, 403],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['an Origin prefix trap', { origin: 'http://127.0.0.1:5170.evil.example' }, 403],
    ['no Origin', { origin: undefined }, 403],
    ['another path', { url: `/other?token=${token}` }, 404],
  ])('refuses %s', (_what, patch, status) => {
    expect(check(patch)).toMatchObject({ ok: false, status });
  });
  it('makes a new unguessable token each run', () => {
    expect(newToken()).not.toBe(newToken());
    expect(newToken()).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
