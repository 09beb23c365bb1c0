import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8';

/** Self time (µs) by event name of nested complete events, and the time the outermost ones cover. */
function selfTimes(slices: TraceEvent[]): { self: Map<string, number>; busy: number } {
  const self = new Map<string, number>();
  const stack: { name: string; end: number; dur: number; child: number }[] = [];
  const close = (until: number): void => {
    for (let top = stack.at(-1); top && top.end <= until; top = stack.at(-1)) {
      stack.pop();
      self.set(top.name, (self.get(top.name) ?? 0) + top.dur - top.child);
    }
  };
  let busy = 0;
  for (const e of slices) {
    close(e.ts);
    const dur = e.dur ?? 0;
    const parent = stack.at(-1);
    if (parent) parent.child += dur;
    else busy += dur;
    stack.push({ name: e.name, end: e.ts + dur, dur, child: 0 });
  }
  close(Infinity);
  return { self, busy };
}

/**
 * With --trace: a Chromium trace of the page for `ms`, as the renderer main thread's self time
 * by event (script, Layout, Paint, Commit…), per second. UI_BENCH_TRACE_FILE=path keeps the
 * events (Perfetto and DevTools open them).
 */
export async function traceTop(page: Page, ms: number, top = 20): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await new Promise((resolve) => setTimeout(resolve, ms));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  if (process.env.UI_BENCH_TRACE_FILE) writeFileSync(process.env.UI_BENCH_TRACE_FILE, JSON.stringify(events));
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  if (!main) return ['no renderer main thread in the trace'];
  const slices = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const { self, busy } = selfTimes(slices);
  const perSecond = (us: number): string => (us / ms).toFixed(1).padStart(7);
  return [
    `renderer main thread in the trace: ${perSecond(busy)} ms/s busy; self time by event:`,
    ...[...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `${perSecond(us)} ms/s  ${name}`),
  ];
}
