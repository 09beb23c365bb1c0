/**
 * `npm run bench:ui` (a benchmark, not a test): 1,000 connections (`--connections n`) echoing
 * 10 messages/s each against the lab, the window open in Chromium. Measures the window's frame
 * rate (rAF sampling), the renderer's JS heap, its main thread's busy time, and how soon a list
 * change is on screen. Targets (issue 14): ≥ 50 fps and heap < 200 MB up to 10,000 connections;
 * at 1,000, a list change on screen within 100 ms (p95) and the main thread ≤ 400 ms busy a second.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { sampleFrames, seenAt, watchListCount } from './page-probes';
import { profileTop } from './profile';
import { traceTop } from './trace';
import { mainThreadCpuMs } from './cpu';
import { mutationsBy } from './mutations';
import { watchAccepts } from './accepts';
import { freePort, labCommand, startShell } from './shell';
import { optionsFor, parseUiBenchArgs, UI_USAGE, type UiBenchSettings } from './args';
import { frameStats, percentile, printReport } from './stats';

const root = join(import.meta.dirname, '../..');
const parsed = parseUiBenchArgs(process.argv.slice(2), process.env);
if ('help' in parsed || 'error' in parsed) {
  console.log('error' in parsed ? `${parsed.error}\n${UI_USAGE}` : UI_USAGE);
  process.exit('error' in parsed ? 2 : 0);
}
const settings: UiBenchSettings = parsed;
const CONNECTIONS = settings.connections;
const INTERVAL_MS = 100; // 10 messages a second per connection
const MEASURE_MS = settings.measureMs;
const PROBES = 20;

/** Chromium's own counters for the page (JS heap; seconds spent in script, style, layout), from one session. */
async function metricsOf(page: Page): Promise<() => Promise<Record<string, number>>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(list.map((m) => [m.name, m.value]));
  };
}

/**
 * Connect a probe while the load runs and time until the inputs list shows it on screen:
 * from connect() (end to end), and from the engine iteration that accepted it (the target).
 */
async function probeLatency(
  page: Page,
  port: number,
  base: number,
  url: string,
): Promise<{ fromConnect: number[]; fromIteration: number[]; toWire: number[] }> {
  await watchListCount(page, 'inputs');
  const accepts = await watchAccepts(url);
  const fromConnect: number[] = [];
  const fromIteration: number[] = [];
  const toWire: number[] = [];
  for (let i = 0; i < PROBES; i += 1) {
    const began = Date.now();
    const probe = connect({ host: '127.0.0.1', port });
    await new Promise((resolve) => probe.once('connect', resolve));
    const acceptedAt = accepts.acceptedAt(probe.localPort ?? 0, 5_000);
    const shown = await seenAt(page, base + 1, began, 5_000);
    const accepted = await acceptedAt;
    if (shown !== null) fromConnect.push(shown - began);
    if (shown !== null && accepted !== null) fromIteration.push(shown - accepted.at);
    if (accepted && accepted.listedAt !== null) toWire.push(accepted.listedAt - accepted.at);
    // The next probe starts once this one's departure is on screen: otherwise one redraw can
    // take both the departure and the next arrival, and the count the probe waits for never shows.
    const left = Date.now();
    probe.destroy();
    await seenAt(page, base, left, 5_000);
  }
  accepts.close();
  return { fromConnect, fromIteration, toWire };
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'out/renderer/index.html')))
    throw new Error('build the renderer first (npm run build)');
  const shell = await startShell(root);
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({
    executablePath: existsSync(executablePath) ? executablePath : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const load = fork(join(import.meta.dirname, 'load.ts'), { execArgv: ['--import', 'tsx'] });
  load.on('error', (error) => console.error(`the load process: ${error.message}`));
  const fromLoad = (type: string): Promise<Record<string, number>> =>
    new Promise((resolve) => {
      const listener = (m: { type: string }): void => {
        if (m.type !== type) return;
        load.off('message', listener);
        resolve(m as never);
      };
      load.on('message', listener);
    });
  const askLoad = (type: string): Promise<Record<string, number>> => {
    const answer = fromLoad(type);
    load.send({ type });
    return answer;
  };
  try {
    // The bench's in-page probes are strings; the app's strict CSP would refuse to eval them.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    await page.goto(shell.url);
    await page.locator('[data-state="ready"]').waitFor();
    const port = await freePort();
    const options = optionsFor(CONNECTIONS, PROBES);
    await labCommand(shell.url, 'setOptions', options);
    console.log(`engine options: ${JSON.stringify(options)}`);
    await page.getByRole('textbox', { name: 'Port' }).fill(String(port));
    await page.getByRole('button', { name: 'Start Server' }).click();
    await page.getByRole('button', { name: 'Stop Server' }).waitFor();

    console.log(`opening ${CONNECTIONS} connections…`);
    load.send({
      type: 'start',
      port,
      connections: CONNECTIONS,
      intervalMs: INTERVAL_MS,
      maxMs: MEASURE_MS * 3 + 60_000 + CONNECTIONS * 30, // connecting 10,000 takes a while
    });
    await fromLoad('connected');
    const inputs = page.getByRole('list', { name: 'inputs', exact: true });
    await page.waitForFunction(
      `document.querySelector('[role="list"][aria-label="inputs"]')?.getAttribute('data-count') === '${CONNECTIONS + 1}'`,
      undefined,
      { timeout: 60_000 + CONNECTIONS * 20 },
    );
    load.send({ type: 'go', intervalMs: INTERVAL_MS });
    await page.waitForTimeout(2_000); // warm-up: the load reaches its steady rate (a bench, not a test)

    if (settings.profile) console.log((await profileTop(page, 5_000)).join('\n'));
    if (settings.trace) console.log((await traceTop(page, 3_000)).join('\n'));
    if (settings.mutations) console.log((await mutationsBy(page, 3_000)).join('\n'));
    console.log(`measuring for ${MEASURE_MS / 1000} s…`);
    const echoedBefore = await askLoad('count');
    const metrics = await metricsOf(page);
    const cpuBefore = mainThreadCpuMs('--type=renderer');
    const before = await metrics();
    const frames = await sampleFrames(page, MEASURE_MS);
    const after = await metrics();
    const cpuAfter = mainThreadCpuMs('--type=renderer');
    const busy = (name: string): number =>
      (((after[name] ?? 0) - (before[name] ?? 0)) * 1000) / (MEASURE_MS / 1000);
    const echoedDuring = { messages: (await askLoad('count')).messages! - echoedBefore.messages! };
    const latency = await probeLatency(page, port, CONNECTIONS + 1, shell.url);
    const shot = join(tmpdir(), 'socket-lab-bench-ui.png');
    await page.screenshot({ path: shot });
    load.send({ type: 'stop' });

    printReport({
      connections: CONNECTIONS,
      echoedPerSecond: echoedDuring.messages / (MEASURE_MS / 1000),
      frames: frameStats(frames),
      heapMb: Math.max(before.JSHeapUsedSize ?? 0, after.JSHeapUsedSize ?? 0) / 2 ** 20,
      busyMsPerSecond: {
        script: busy('ScriptDuration'),
        style: busy('RecalcStyleDuration'),
        layout: busy('LayoutDuration'),
        task: busy('TaskDuration'),
        cpu: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / (MEASURE_MS / 1000),
      },
      latencyP50: percentile(latency.fromIteration, 0.5),
      latencyP95: percentile(latency.fromIteration, 0.95),
      connectP50: percentile(latency.fromConnect, 0.5),
      wireP50: percentile(latency.toWire, 0.5),
      wireP95: percentile(latency.toWire, 0.95),
      probes: latency.fromIteration.length,
      screenshot: shot,
      visibleChips: await inputs.getByRole('listitem').count(),
    });
  } finally {
    load.kill();
    await browser.close();
    shell.child.kill('SIGTERM');
  }
}

await main();
