/** Frame rate and smoothness from rAF timestamps (ms). */
export function frameStats(times: number[]): { fps: number; worstMs: number; slowShare: number } {
  const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
  const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
  return {
    fps: span > 0 ? (gaps.length * 1000) / span : 0,
    worstMs: Math.max(0, ...gaps),
    slowShare: gaps.length ? gaps.filter((g) => g > 1000 / 30).length / gaps.length : 0,
  };
}

/** The p-th value of `values` (0..1), or NaN when empty. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

export interface UiBenchReport {
  connections: number;
  echoedPerSecond: number;
  frames: ReturnType<typeof frameStats>;
  heapMb: number;
  /**
   * Renderer main-thread time per second of measuring, by kind (ms/s): Chromium's task times,
   * which count time the thread waited for a core, and (Linux) the CPU time it used.
   */
  busyMsPerSecond: { script: number; style: number; layout: number; task: number; cpu: number | null };
  latencyP50: number;
  latencyP95: number;
  connectP50: number;
  /** From the accepting iteration to a batch listing it reaching a second window (the host's part). */
  wireP50: number;
  wireP95: number;
  probes: number;
  screenshot: string;
  visibleChips: number;
}

/** PASS, FAIL, or "info" where the issue sets no target at this size. */
const verdict = (ok: boolean | null): string => (ok === null ? 'info' : ok ? 'PASS' : 'FAIL');

/** Issue 14 sets the latency and main-thread targets at 1,000 connections; fps and heap at every size up to 10,000. */
export const LATENCY_AND_BUSY_UP_TO = 1000;

/** The bench's figures, then issue 14's targets for the window, PASS/FAIL. */
export function printReport(r: UiBenchReport): void {
  const small = r.connections <= LATENCY_AND_BUSY_UP_TO;
  const b = r.busyMsPerSecond;
  const rows: [string, string, string, boolean | null][] = [
    ['frame rate', `${r.frames.fps.toFixed(1)} fps`, '≥ 50 fps', r.frames.fps >= 50],
    ['renderer JS heap', `${r.heapMb.toFixed(1)} MB`, '< 200 MB', r.heapMb < 200],
    ['list change on screen (p50)', `${r.latencyP50.toFixed(0)} ms`, '–', null],
    [
      'list change on screen (p95)',
      `${r.latencyP95.toFixed(0)} ms`,
      '≤ 100 ms',
      small ? r.latencyP95 <= 100 : null,
    ],
    ['renderer main thread busy', `${b.task.toFixed(0)} ms/s`, '≤ 400 ms/s', small ? b.task <= 400 : null],
  ];
  console.log(`\nSocket Lab window under load: ${r.connections} connections × 10 messages/s`);
  console.log(
    `  echoed ≈ ${Math.round(r.echoedPerSecond)} messages/s; ${r.visibleChips} chips in the DOM of ${r.connections + 1}`,
  );
  console.log(
    `  worst frame ${r.frames.worstMs.toFixed(0)} ms; ${(r.frames.slowShare * 100).toFixed(1)}% of frames slower than 30 fps`,
  );
  console.log(
    `  renderer main thread per second: ${b.task.toFixed(0)} ms busy (script ${b.script.toFixed(0)}, style ${b.style.toFixed(0)}, layout ${b.layout.toFixed(0)})` +
      (b.cpu === null ? '' : `; ${b.cpu.toFixed(0)} ms of CPU (the rest waited for a core)`),
  );
  console.log(
    `\nTargets (issue 14, the window${small ? '' : `; latency and main thread are targets at ${LATENCY_AND_BUSY_UP_TO} connections`})`,
  );
  for (const [name, value, target, ok] of rows)
    console.log(`  ${verdict(ok)}  ${name.padEnd(30)} ${value.padStart(10)}   target ${target}`);
  console.log(
    `  (latency: from the iteration that accepted a probe to the frame that showed it; ${r.probes} probes;`,
  );
  console.log(
    `   of which the host's, to a batch listing it on the wire: p50 ${r.wireP50.toFixed(0)} / p95 ${r.wireP95.toFixed(0)} ms;`,
  );
  console.log(`   from the probe's connect(), engine time included: p50 ${r.connectP50.toFixed(0)} ms)`);
  console.log(`  screenshot: ${r.screenshot}\n`);
}
