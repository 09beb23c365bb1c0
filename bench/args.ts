import os from 'node:os';
import type { EngineOptions } from '../shared/engine';
import type { ServerName } from './servers';

/** How this run of the bench was asked for. */
export interface BenchSettings {
  quick: boolean;
  warmupMs: number;
  durationMs: number;
  connectTimeoutMs: number;
  /** Case labels must contain this (e.g. "1 KiB"). */
  only: string | null;
  servers: ServerName[];
  workers: number;
  /** Write CPU profiles of the engine process here (node --cpu-prof). */
  profileDir: string | null;
  jsonPath: string | null;
  /** Engine options for every engine case, e.g. {"historySize": 50} (experiments). */
  engineOptions: Partial<EngineOptions>;
}

export const USAGE = `npm run bench -- [--quick] [--duration ms] [--only text] [--servers node,engine,seed]
                       [--workers n] [--profile dir] [--json file] [--engine json]
  --quick      short cases (about a minute in all) instead of the full run (about 2½ minutes)
  --duration   measured milliseconds per case (after a warm-up)
  --only       run only the cases whose label contains the text, e.g. --only "1 KiB"
  --servers    which servers to run (default: all; the seed needs python3)
  --workers    load generator processes (default: cores - 1, at least 1, at most 4)
  --profile    write a .cpuprofile of each engine process into dir (open it in Chrome DevTools)
  --json       also write every figure to a JSON file
  --engine     engine options for every engine case, e.g. '{"historySize":50}' (for experiments)
  BENCH_ENGINE=path/to/select-server.ts measures a changed copy of the engine in the same harness`;

export function parseBenchArgs(argv: string[]): BenchSettings | { error: string } | { help: true } {
  const quick = argv.includes('--quick');
  const settings: BenchSettings = {
    quick,
    warmupMs: quick ? 200 : 500,
    durationMs: quick ? 700 : 2000,
    connectTimeoutMs: quick ? 1500 : 3000,
    only: null,
    servers: ['node', 'engine', 'seed'],
    workers: Math.max(1, Math.min(4, os.availableParallelism() - 1)),
    profileDir: null,
    jsonPath: null,
    engineOptions: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => argv[++i] ?? '';
    if (flag === '--quick') continue;
    if (flag === '--help' || flag === '-h') return { help: true };
    if (flag === '--duration') settings.durationMs = Number(value());
    else if (flag === '--only') settings.only = value();
    else if (flag === '--servers') settings.servers = value().split(',') as ServerName[];
    else if (flag === '--workers') settings.workers = Number(value());
    else if (flag === '--profile') settings.profileDir = value();
    else if (flag === '--json') settings.jsonPath = value();
    else if (flag === '--engine') {
      try {
        settings.engineOptions = JSON.parse(value()) as Partial<EngineOptions>;
      } catch {
        return { error: '--engine takes a JSON object of engine options.' };
      }
    } else return { error: `Unknown option ${String(flag)}.` };
  }
  if (!(settings.durationMs >= 100 && settings.durationMs <= 30_000))
    return { error: '--duration must be 100–30000 ms.' };
  if (!(Number.isInteger(settings.workers) && settings.workers >= 1 && settings.workers <= 16))
    return { error: '--workers must be 1–16.' };
  if (settings.servers.some((s) => !['node', 'engine', 'seed'].includes(s)))
    return { error: '--servers takes node, engine, seed.' };
  return settings;
}
