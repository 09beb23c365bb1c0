/**
 * `npm run dist [-- electron-builder args]`: the installers for this platform, as
 * electron-builder.yml describes them, in release/. Where Electron's runtime cannot be
 * downloaded it stops within seconds with one message instead of hanging on the network.
 *
 *   npm run dist                     # this OS's targets (AppImage+deb, dmg arm64+x64, or NSIS)
 *   npm run dist -- --linux deb      # anything after -- goes to electron-builder
 *   npm run dist -- --no-probe       # skip the reachability check (everything cached)
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateIcons } from './icons';
import { downloadSources, offlineMessage, proxyInUse, unreachable } from './reachability';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
/** Long enough for a slow but working link, short enough that "offline" is said in seconds. */
const PROBE_TIMEOUT_MS = 5000;
/** The installers' description, relative to the project root. */
const BUILDER_CONFIG_FILE = 'electron-builder.yml';

/** Runs a command in the project root with inherited output; resolves to its exit code. */
function run(command: string, args: readonly string[], shell = false): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', shell });
    child.on('error', fail);
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** `npm run build`, through the npm that launched us when there is one (no shell needed on Windows). */
function npmRunBuild(): Promise<number> {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.[cm]?js$/.test(npmCli)) return run(process.execPath, [npmCli, 'run', 'build']);
  return run('npm', ['run', 'build'], process.platform === 'win32'); // Node refuses npm.cmd without a shell
}

/** electron-builder's arguments: this project's config, never publish from here, then the user's. */
export function electronBuilderArgs(extra: readonly string[]): string[] {
  return ['--config', BUILDER_CONFIG_FILE, '--publish', 'never', ...extra];
}

async function main(argv: readonly string[]): Promise<number> {
  const noProbe = argv.includes('--no-probe');
  const builderArgs = argv.filter((arg) => arg !== '--no-probe');

  const electronPackage = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as {
    version: string;
  };
  const proxy = proxyInUse(process.env);
  if (noProbe || proxy) {
    console.log(`dist: not probing the download hosts (${noProbe ? '--no-probe' : `${proxy} is set`})`);
  } else {
    const failed = await unreachable(downloadSources(process.env, electronPackage.version), PROBE_TIMEOUT_MS);
    if (failed.length > 0) {
      console.error(offlineMessage(failed));
      return 2;
    }
  }

  const icons = await generateIcons();
  console.log(`dist: ${icons.length} icons rendered from build/icon.svg`);
  const built = await npmRunBuild();
  if (built !== 0) return built;
  return run(process.execPath, [
    require.resolve('electron-builder/cli.js'),
    ...electronBuilderArgs(builderArgs),
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`dist: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
