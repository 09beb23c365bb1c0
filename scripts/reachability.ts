/**
 * Can this machine download what electron-builder needs? Asked once, quickly, before a
 * build that would otherwise hang for minutes on an unreachable GitHub and then fail.
 */

/** A place electron-builder downloads from, and what it fetches there. */
export interface DownloadSource {
  what: string;
  url: string;
}

/** The answer for one source: any HTTP reply means reachable (a 404 on a folder URL too). */
export type ProbeResult = { ok: true; status: number } | { ok: false; reason: string };

/** The default hosts, as @electron/get and electron-builder use them when no mirror is set. */
const ELECTRON_DEFAULT = 'https://github.com/electron/electron/releases/download/';
const BUILDER_BINARIES_DEFAULT =
  'https://github.com/electron-userland/electron-builder-binaries/releases/download/';

/** Where Electron's runtime and electron-builder's tools (NSIS, appimagetool, fpm…) come from, mirrors honoured. */
export function downloadSources(env: NodeJS.ProcessEnv, electronVersion: string): DownloadSource[] {
  return [
    { what: `Electron's runtime v${electronVersion}`, url: env.ELECTRON_MIRROR || ELECTRON_DEFAULT },
    {
      what: "electron-builder's packaging tools",
      url: env.ELECTRON_BUILDER_BINARIES_MIRROR || BUILDER_BINARIES_DEFAULT,
    },
  ];
}

/** The proxy variable in force, if any: Node's fetch ignores proxies, so a probe would be wrong. */
export function proxyInUse(env: NodeJS.ProcessEnv): string | undefined {
  return ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'].find(
    (name) => env[name],
  );
}

/** The deepest cause's code or message of a failed fetch (`ENOTFOUND`, `ECONNREFUSED`, …). */
function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  let cause: unknown = error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    const host = (cause as NodeJS.ErrnoException & { hostname?: string }).hostname;
    if (code) return host ? `${code} ${host}` : code;
    return cause.message;
  }
  return String(error);
}

/** One HEAD request with a hard deadline; never throws, never follows redirects. */
export async function probe(url: string, timeoutMs: number): Promise<ProbeResult> {
  try {
    const response = await fetch(url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return { ok: true, status: response.status };
  } catch (error) {
    return { ok: false, reason: reasonOf(error, timeoutMs) };
  }
}

/** The sources that could not be reached, each with why, probed in parallel. */
export async function unreachable(
  sources: readonly DownloadSource[],
  timeoutMs: number,
): Promise<Array<DownloadSource & { reason: string }>> {
  const results = await Promise.all(sources.map((source) => probe(source.url, timeoutMs)));
  return sources.flatMap((source, i) => {
    const result = results[i];
    return result && !result.ok ? [{ ...source, reason: result.reason }] : [];
  });
}

/** The one message `npm run dist` prints when it cannot build here. */
export function offlineMessage(failed: ReadonlyArray<DownloadSource & { reason: string }>): string {
  const lines = failed.map((source) => `  - ${source.what}: ${source.url} (${source.reason})`);
  return [
    'npm run dist: cannot build the installers here: electron-builder must download',
    ...lines,
    'Nothing was built. Run it on a machine with internet access (the release workflow does), set',
    'ELECTRON_MIRROR / ELECTRON_BUILDER_BINARIES_MIRROR to a reachable mirror, or pass --no-probe',
    'if both are already in the local cache.',
  ].join('\n');
}
