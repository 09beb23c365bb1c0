import { fail, ok, type Result } from '../../shared/result';
import { DEFAULT_SERVE_PORT } from '../../shared/wire';

/** What `npm run serve -- [--port N] [--open] [--new-token] [--print-url]` asks for. */
export interface ServeArgs {
  port: number;
  open: boolean;
  /** Replace the kept token: open tabs must then be given the new URL. */
  newToken: boolean;
  /** Print the URL of the shell on `port` with the kept token, and start nothing. */
  printUrl: boolean;
  /** Let the window run the seed itself under the tracer (Run the original). Off: a token holder runs no programs. */
  allowRun: boolean;
}

export { DEFAULT_SERVE_PORT };

const USAGE =
  'Usage: npm run serve -- [--port N] [--open] [--new-token] [--print-url] [--allow-run]   (N from 0 to 65535; 0 picks a free port)';

/** Parses the browser shell's arguments; unknown or malformed ones are an error with the usage line. */
export function parseServeArgs(argv: readonly string[]): Result<ServeArgs> {
  const args: ServeArgs = {
    port: DEFAULT_SERVE_PORT,
    open: false,
    newToken: false,
    printUrl: false,
    allowRun: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    if (flag === '--open') args.open = true;
    else if (flag === '--new-token') args.newToken = true;
    else if (flag === '--print-url') args.printUrl = true;
    else if (flag === '--allow-run') args.allowRun = true;
    else if (flag === '--port') {
      const value = inline ?? argv[++i];
      if (value === undefined || !/^\d{1,5}$/.test(value) || Number(value) > 65535) {
        return fail(
          'BAD_PORT',
          `--port needs a number from 0 to 65535, got ${JSON.stringify(value ?? '')}. ${USAGE}`,
        );
      }
      args.port = Number(value);
    } else if (flag === '--help' || flag === '-h') return fail('BAD_ARGUMENT', USAGE);
    else return fail('BAD_ARGUMENT', `Unknown argument ${JSON.stringify(arg)}. ${USAGE}`);
  }
  if (args.printUrl && args.port === 0)
    return fail('BAD_ARGUMENT', `--print-url needs the port the shell listens on, not 0. ${USAGE}`);
  return ok(args);
}
