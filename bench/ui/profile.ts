import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const nameOf = (frame: ProfileNode['callFrame'] | undefined): string =>
  frame
    ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}`
    : '?';

const table = (times: Map<string, number>, top: number): string[] =>
  [...times.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, t]) => `${t.toFixed(0).padStart(7)} ms  ${name}`);

/**
 * With UI_BENCH_PROFILE=1: a CPU profile of the page for `ms`, as the top functions by self
 * time, then by total time (a function's callees included, counted once per sample).
 */
export async function profileTop(page: Page, ms: number, top = 15): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  await new Promise((resolve) => setTimeout(resolve, ms));
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  if (process.env.UI_BENCH_PROFILE_FILE)
    writeFileSync(process.env.UI_BENCH_PROFILE_FILE, JSON.stringify(profile));
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const name = nameOf(byNode.get(id)?.callFrame);
    self.set(name, (self.get(name) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const up = nameOf(byNode.get(at)?.callFrame);
      if (seen.has(up)) continue;
      seen.add(up);
      total.set(up, (total.get(up) ?? 0) + ms);
    }
  });
  return ['by self time:', ...table(self, top), 'by total time:', ...table(total, top * 2)];
}
