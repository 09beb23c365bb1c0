import { DEFAULT_OPTIONS } from '../../shared/engine';

/** How this run of `npm run bench:ui` was asked for. */
export interface UiBenchSettings {
  connections: number;
  measureMs: number;
  /** Print a CPU profile of the page (top functions) before measuring. */
  profile: boolean;
  /** Print the renderer main thread's time by trace event before measuring. */
  trace: boolean;
  /** Print the DOM mutations per second by region before measuring. */
  mutations: boolean;
}

export const UI_USAGE = `npm run bench:ui -- [--connections n] [--seconds s] [--profile] [--trace] [--mutations]
  --connections  echoing connections against the lab (default 1000; up to 20000)
  --seconds      measured seconds (default 10)
  --profile      print the page's top functions (a CPU profile) before measuring
  --trace        print the renderer main thread's time by trace event before measuring
  --mutations    print the DOM mutations per second, by region, before measuring
  (UI_BENCH_CONNECTIONS, UI_BENCH_SECONDS, UI_BENCH_PROFILE and UI_BENCH_TRACE still work)`;

/** `--connections 10000` and friends, with the old environment variables as defaults. */
export function parseUiBenchArgs(
  argv: string[],
  env: Record<string, string | undefined> = {},
): UiBenchSettings | { error: string } | { help: true } {
  const settings: UiBenchSettings = {
    connections: Number(env.UI_BENCH_CONNECTIONS ?? 1000),
    measureMs: Number(env.UI_BENCH_SECONDS ?? 10) * 1000,
    profile: Boolean(env.UI_BENCH_PROFILE),
    trace: Boolean(env.UI_BENCH_TRACE),
    mutations: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => argv[++i] ?? '';
    if (flag === '--help' || flag === '-h') return { help: true };
    if (flag === '--connections') settings.connections = Number(value());
    else if (flag === '--seconds') settings.measureMs = Number(value()) * 1000;
    else if (flag === '--profile') settings.profile = true;
    else if (flag === '--trace') settings.trace = true;
    else if (flag === '--mutations') settings.mutations = true;
    else return { error: `Unknown option ${String(flag)}.` };
  }
  if (!(
    Number.isInteger(settings.connections) &&
    settings.connections >= 1 &&
    settings.connections <= 20_000
  ))
    return { error: '--connections must be a whole number from 1 to 20000.' };
  if (!(settings.measureMs >= 1000 && settings.measureMs <= 120_000))
    return { error: '--seconds must be 1–120.' };
  return settings;
}

/**
 * Engine options the run needs beyond the seed's: a backlog that admits the load's waves of 50
 * in one go rather than at their SYN retries (listen(5) keeps 44 of each waiting, as the seed's
 * would), and past the default size, room for every connection and the probes.
 */
export function optionsFor(
  connections: number,
  probes: number,
): { backlog: number; maxConnections?: number } {
  if (connections + probes <= DEFAULT_OPTIONS.maxConnections) return { backlog: 1024 };
  return { maxConnections: connections + probes, backlog: 1024 };
}
