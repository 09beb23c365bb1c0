import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * File-descriptor exhaustion, made visible. At its limit Node's runtime accepts and closes
 * new connections itself (libuv's EMFILE trick), so the engine never hears of them. The
 * guard refuses them a little earlier instead, keeping a reserve for the process's other
 * needs, counts them, and reports them: how many, the limit, what to do.
 */

/** The process's open-file limits (RLIMIT_NOFILE); `hard` is null when unlimited. */
export interface FileLimits {
  soft: number;
  hard: number | null;
}

const parseLimit = (text: string | undefined): number | null =>
  text === undefined || text === 'unlimited' || !/^\d+$/.test(text) ? null : Number(text);

/** This process's limits: /proc on Linux, the shell's `ulimit` (which inherits them) elsewhere; null on Windows. */
export function fileLimits(): FileLimits | null {
  let fields: (string | undefined)[];
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    fields = line?.split(/\s+/).slice(3, 5) ?? [];
  } catch {
    if (process.platform === 'win32') return null;
    const shell = spawnSync('/bin/sh', ['-c', 'ulimit -Sn; ulimit -Hn'], { encoding: 'utf8', timeout: 2000 });
    fields = (shell.stdout ?? '').trim().split('\n');
  }
  const soft = parseLimit(fields[0]);
  return soft === null ? null : { soft, hard: parseLimit(fields[1]) };
}

/** Descriptors open in this process now; Infinity when even counting them fails for want of one; null where unknown. */
export function descriptorsInUse(): number | null {
  for (const dir of ['/proc/self/fd', '/dev/fd']) {
    try {
      return readdirSync(dir).length - 1; // less the one reading the directory
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EMFILE' || code === 'ENFILE') return Infinity;
    }
  }
  return null;
}

/** Re-count at most this often while near the limit: counting costs ~6 ms per 10,000 descriptors. */
const RECOUNT_NEAR_LIMIT_MS = 100;

/** What to tell the user, given the limits and the descriptors in use. */
export function exhaustionMessage(refused: number, total: number, limits: FileLimits, inUse: number): string {
  const raise =
    limits.hard === null || limits.hard > limits.soft
      ? `raise it in the shell that starts the lab (ulimit -n ${limits.hard ?? 65536})`
      : `the hard limit is ${limits.hard} too, so raising it needs an administrator (limits.conf, LimitNOFILE)`;
  const used = Number.isFinite(inUse) ? `, ${inUse} in use` : '';
  return (
    `Out of file descriptors: refused ${refused} new connection${refused === 1 ? '' : 's'} ` +
    `(${total} since the server started). This process may open ${limits.soft} files (ulimit -n)${used}: ` +
    `${raise}, or close some connections.`
  );
}

/**
 * Decides whether a just-accepted connection may keep its descriptor. The count of
 * descriptors in use is an estimate that only grows with admissions (closes are not
 * seen), re-counted when it nears the limit, so far from the limit admitting costs nothing.
 */
export class DescriptorGuard {
  private estimate: number;
  private countedAt: number;
  private refusedTotal = 0;
  private unreported = 0;
  private timer: NodeJS.Timeout | undefined;

  private readonly count: () => number | null;
  private readonly now: () => number;
  private readonly reportEveryMs: number;

  constructor(
    private readonly limits: FileLimits | null,
    private readonly report: (message: string) => void,
    /** The counter and the clock; tests give their own. */
    options: { count?: () => number | null; now?: () => number; reportEveryMs?: number } = {},
  ) {
    this.count = options.count ?? descriptorsInUse;
    this.now = options.now ?? (() => performance.now());
    this.reportEveryMs = options.reportEveryMs ?? 5000;
    this.estimate = this.count() ?? 0;
    this.countedAt = this.now();
  }

  /** Leave this many descriptors for everything else (the shell's own sockets, files, pipes). */
  private get reserve(): number {
    return this.limits ? Math.min(64, Math.floor(this.limits.soft / 4)) : 0;
  }

  /** Called with the new connection's descriptor open; false means: close it now. */
  admit(): boolean {
    if (!this.limits) return true;
    this.estimate += 1;
    const ceiling = this.limits.soft - this.reserve;
    if (this.estimate >= ceiling && this.now() - this.countedAt >= RECOUNT_NEAR_LIMIT_MS) {
      this.estimate = this.count() ?? 0;
      this.countedAt = this.now();
    }
    if (this.estimate < ceiling) return true;
    this.estimate -= 1; // the caller closes it at once
    this.refused();
    return false;
  }

  /** Stops reporting (server stop). */
  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Reports the first refusal at once, then at most one summary per interval while they go on. */
  private refused(): void {
    this.refusedTotal += 1;
    this.unreported += 1;
    if (this.timer) return;
    this.flush();
    this.timer = setInterval(() => (this.unreported > 0 ? this.flush() : this.dispose()), this.reportEveryMs);
    this.timer.unref();
  }

  private flush(): void {
    if (!this.limits) return;
    this.report(exhaustionMessage(this.unreported, this.refusedTotal, this.limits, this.count() ?? NaN));
    this.unreported = 0;
  }
}
