// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { optionsFor, parseUiBenchArgs } from './args';

describe('bench:ui arguments', () => {
  it('defaults to 1,000 connections for 10 s, the environment still counting', () => {
    expect(parseUiBenchArgs([])).toEqual({
      connections: 1000,
      measureMs: 10_000,
      profile: false,
      trace: false,
      mutations: false,
    });
    expect(parseUiBenchArgs([], { UI_BENCH_CONNECTIONS: '50', UI_BENCH_SECONDS: '3' })).toMatchObject({
      connections: 50,
      measureMs: 3000,
    });
  });

  it('takes --connections and --seconds, and refuses what it cannot run', () => {
    expect(parseUiBenchArgs(['--connections', '10000', '--seconds', '5'])).toMatchObject({
      connections: 10_000,
      measureMs: 5000,
    });
    expect(parseUiBenchArgs(['--connections', 'many'])).toHaveProperty('error');
    expect(parseUiBenchArgs(['--connections', '0'])).toHaveProperty('error');
    expect(parseUiBenchArgs(['--fast'])).toEqual({ error: 'Unknown option --fast.' });
  });

  it("raises the backlog for the load's waves, and the connection limit past the default", () => {
    expect(optionsFor(1000, 20)).toEqual({ backlog: 1024 });
    expect(optionsFor(10_000, 20)).toEqual({ maxConnections: 10_020, backlog: 1024 });
  });
});
