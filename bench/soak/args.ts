/** How `npm run soak -- --minutes N` was asked for. */
export interface SoakSettings {
  /** The whole run, warm-up included. */
  minutes: number;
}

export const USAGE = `npm run soak -- [--minutes N]
  Runs the browser shell with the window open in Chromium under a rolling mix of every client
  behaviour, clients that never read, resets and reconnect storms, then prints the shell's RSS
  and heap at the start, after the warm-up and at the end, bytes lost, errors and the window's
  frame rate. A benchmark, not a test. --minutes defaults to 10 (the target's length); decimals
  are fine for a quick look (--minutes 0.5).`;

export function parseSoakArgs(argv: readonly string[]): SoakSettings | { error: string } | { help: true } {
  const settings: SoakSettings = { minutes: 10 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2);
    if (flag === '--help' || flag === '-h') return { help: true };
    if (flag !== '--minutes') return { error: `Unknown option ${JSON.stringify(argv[i])}.` };
    const value = Number(inline ?? argv[++i]);
    if (!(value > 0 && value <= 24 * 60))
      return { error: '--minutes takes a number of minutes, up to 1440.' };
    settings.minutes = value;
  }
  return settings;
}
