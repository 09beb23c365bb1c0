import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORT, type EngineOptions, type Fidelity } from '../../shared/engine';

export const USAGE = `Usage: npm run server -- [--host 127.0.0.1] [--port 50000] [--fidelity safe|tutorial] [--log text|jsonl|none]
                         [--backlog 5] [--recv-size 1024] [--send-buffer 65536] [--nodelay]
                         [--stop-on-crash] [--record FILE]

Runs Socket Lab's select() echo server without a window. Ctrl-C stops it.
  --backlog        listen(N): at most N + 1 connections wait for accept() (the seed's 5)
  --recv-size      bytes one recv() returns at most (the seed's 1024)
  --send-buffer    the emulated SO_SNDBUF, in bytes (65536)
  --nodelay        TCP_NODELAY on (off, as in the seed)
  --stop-on-crash  Tutorial mode: stop where the original would crash, and exit 3
  --record FILE    record the session to FILE (a .slrec.gz the window opens: Open recording…)
Try it with: nc 127.0.0.1 50000`;

export type LogFormat = 'text' | 'jsonl' | 'none';

export interface Settings {
  host: string;
  port: number;
  fidelity: Fidelity;
  log: LogFormat;
  /** Where to record the session (docs/recording-format.md); undefined: no recording. */
  record?: string;
  /** Socket options given on the command line; the engine validates them. */
  options: Partial<EngineOptions>;
}

const WHOLE = /^\d+$/;

/** Parses the command line into settings, or returns the message to print. */
export function parseSettings(argv: string[]): Settings | { error: string } | { help: true } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        host: { type: 'string', default: DEFAULT_HOST },
        port: { type: 'string', default: String(DEFAULT_PORT) },
        fidelity: { type: 'string', default: 'safe' },
        log: { type: 'string', default: 'text' },
        'recv-size': { type: 'string' },
        'send-buffer': { type: 'string' },
        backlog: { type: 'string' },
        nodelay: { type: 'boolean', default: false },
        'stop-on-crash': { type: 'boolean', default: false },
        record: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (parsed.help) return { help: true };
  const port = Number(parsed.port);
  if (!/^\d+$/.test(parsed.port) || port > 65535)
    return { error: `--port must be a whole number from 0 to 65535 (got "${parsed.port}").` };
  if (parsed.fidelity !== 'safe' && parsed.fidelity !== 'tutorial')
    return { error: `--fidelity must be safe or tutorial (got "${parsed.fidelity}").` };
  if (parsed.record !== undefined && parsed.record.trim() === '')
    return { error: '--record needs a file name, such as --record session.slrec.gz.' };
  if (parsed.log !== 'text' && parsed.log !== 'jsonl' && parsed.log !== 'none')
    return { error: `--log must be text, jsonl or none (got "${parsed.log}").` };
  const options: Partial<EngineOptions> = {};
  for (const [flag, key, unit] of [
    ['backlog', 'backlog', 'connections'],
    ['recv-size', 'recvSize', 'bytes'],
    ['send-buffer', 'sendBufferSize', 'bytes'],
  ] as const) {
    const value = parsed[flag];
    if (value === undefined) continue;
    if (!WHOLE.test(value)) return { error: `--${flag} must be a whole number of ${unit} (got "${value}").` };
    options[key] = Number(value);
  }
  if (parsed.nodelay) options.noDelay = true;
  if (parsed['stop-on-crash']) options.stopOnCrash = true;
  return {
    host: parsed.host,
    port,
    fidelity: parsed.fidelity,
    log: parsed.log,
    options,
    record: parsed.record,
  };
}
