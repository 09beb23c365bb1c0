import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORT, type Fidelity } from '../../shared/engine';

export const USAGE = `Usage: npm run server -- [--host 127.0.0.1] [--port 50000] [--fidelity safe|tutorial] [--log text|jsonl|none]

Runs Socket Lab's select() echo server without a window. Ctrl-C stops it.
Try it with: nc 127.0.0.1 50000`;

export type LogFormat = 'text' | 'jsonl' | 'none';

export interface Settings {
  host: string;
  port: number;
  fidelity: Fidelity;
  log: LogFormat;
}

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
  if (parsed.log !== 'text' && parsed.log !== 'jsonl' && parsed.log !== 'none')
    return { error: `--log must be text, jsonl or none (got "${parsed.log}").` };
  return { host: parsed.host, port, fidelity: parsed.fidelity, log: parsed.log };
}
