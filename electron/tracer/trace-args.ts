import { fail, ok, type Result } from '../../shared/result';

export const TRACE_USAGE = `Usage: npm run trace -- [--log text|jsonl] [--step] [--port N] [--open] python3 server.py [args...]

Runs a Python program under Socket Lab's tracer and shows its select() loop: every
select.select(), poll() and epoll() call (so selectors and asyncio too), the sets passed
in and returned, and its accept/recv/send/close calls.
  (default)        the window, in your browser: the URL is printed (--open opens it)
  --log text|jsonl no window: one line per action, or one iteration record per line
  --step           halt the program before its first select(); step it from the window
  --port N         the window's port (default: any free one)
The program's own output goes to this terminal. Ctrl-C stops both.`;

export interface TraceArgs {
  log: 'text' | 'jsonl' | null;
  step: boolean;
  port: number;
  open: boolean;
  python: string;
  /** The script and its arguments. */
  args: string[];
}

/** Flags first, then the program: `python3 server.py args` (or just `server.py args`). */
export function parseTraceArgs(argv: readonly string[]): Result<TraceArgs> {
  const parsed: TraceArgs = { log: null, step: false, port: 0, open: false, python: 'python3', args: [] };
  let i = 0;
  for (; i < argv.length && (argv[i] ?? '').startsWith('--'); i++) {
    const flag = argv[i];
    if (flag === '--step') parsed.step = true;
    else if (flag === '--open') parsed.open = true;
    else if (flag === '--log') {
      const value = argv[++i];
      if (value !== 'text' && value !== 'jsonl')
        return fail('BAD_ARGUMENT', `--log takes text or jsonl. ${TRACE_USAGE}`);
      parsed.log = value;
    } else if (flag === '--port') {
      const value = argv[++i] ?? '';
      if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
        return fail('BAD_PORT', `--port needs a number from 0 to 65535, got ${JSON.stringify(value)}.`);
      parsed.port = Number(value);
    } else if (flag === '--help') return fail('BAD_ARGUMENT', TRACE_USAGE);
    else if (flag === '--') {
      i++;
      break;
    } else return fail('BAD_ARGUMENT', `Unknown argument ${JSON.stringify(flag)}.\n${TRACE_USAGE}`);
  }
  const rest = argv.slice(i);
  const first = rest[0];
  if (first === undefined) return fail('BAD_ARGUMENT', `Name the program to run.\n${TRACE_USAGE}`);
  if (/\.pyw?$/.test(first)) parsed.args = [...rest];
  else {
    parsed.python = first;
    parsed.args = rest.slice(1);
    if (parsed.args.length === 0)
      return fail('BAD_ARGUMENT', `Name the Python program ${first} should run.\n${TRACE_USAGE}`);
  }
  return ok(parsed);
}
