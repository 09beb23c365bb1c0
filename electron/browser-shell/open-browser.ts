import { spawn } from 'node:child_process';

/**
 * How to open a URL in the user's browser here: $BROWSER if set (as Python's webbrowser and
 * Jupyter read it; "none" or empty opens nothing), else the platform's opener. Null where
 * there is no browser to open: a Linux box with no display.
 */
export function browserCommand(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): [string, string[]] | null {
  if (env.BROWSER !== undefined) {
    const first = env.BROWSER.split(platform === 'win32' ? ';' : ':')[0]?.trim() ?? '';
    if (first === '' || first === 'none') return null;
    const [command = first, ...args] = first.split(/\s+/);
    return args.some((a) => a.includes('%s'))
      ? [command, args.map((a) => a.replace('%s', url))]
      : [command, [...args, url]];
  }
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '', url]];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return ['xdg-open', [url]];
}

/** Opens `url` if there is a browser; `say` gets one line when there is none or it fails. The URL is printed anyway. */
export function openBrowser(url: string, say: (line: string) => void, env = process.env): void {
  const command = browserCommand(url, env);
  if (!command) {
    // BROWSER=none asked for nothing; otherwise there is no display to show a browser on.
    if (env.BROWSER === undefined)
      say('No display here to open a browser on: open the URL above in a browser on this machine.');
    return;
  }
  const child = spawn(command[0], command[1], { stdio: 'ignore', detached: true });
  child.on('error', () => say(`Could not run ${command[0]} to open a browser: open the URL above yourself.`));
  child.on('exit', (code) => {
    if (code) say(`${command[0]} could not open a browser (exit ${code}): open the URL above yourself.`);
  });
  child.unref();
}
