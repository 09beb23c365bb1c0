/**
 * `npm run soak -- --minutes N` (a benchmark, not a test): the browser shell with the window
 * open in Chromium for N minutes under a rolling mix of every client behaviour, clients that
 * never read, resets and reconnect storms. Prints the shell's RSS and heap at the start,
 * after the warm-up and at the end, bytes lost, errors and the window's frame rate.
 * Target: 10 minutes with RSS growth under 10% after the warm-up.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { LabSnapshot, Notice } from '../../shared/contract';
import type { FleetSummary } from '../../shared/fleet';
import { sampleFrames } from '../ui/page-probes';
import { freePort } from '../ui/shell';
import { frameStats } from '../ui/stats';
import { parseSoakArgs, USAGE } from './args';
import { connectControl, type Control } from './control';
import { ROUND, ROUND_MS } from './mix';
import { printReport, type MemoryPoint } from './report';

const root = join(import.meta.dirname, '../..');
const SAMPLE_MS = 10_000;
const FRAMES_EVERY_MS = 60_000;
const FRAME_SAMPLE_MS = 5_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The next message of `type` from a forked child. */
function reply<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise<T>((resolve) => {
    const listener = (message: { type: string }) => {
      if (message.type !== type) return;
      child.off('message', listener);
      resolve(message as T);
    };
    child.on('message', listener);
  });
}

/** Asks a forked child one question (`type`) and waits for its answer of the same type. */
function ask<T>(child: ChildProcess, type: string): Promise<T> {
  const answer = reply<T>(child, type);
  child.send({ type });
  return answer;
}

/** The window's JS heap in MB, from Chromium's own counters. */
async function windowHeap(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
  };
}

/** The fleet's figures over all rounds: each round's summary is added before its clients stop. */
class FleetTally {
  roundTrips = 0;
  bytesEchoed = 0;
  bytesLost = 0;
  mismatches = 0;
  errors: Record<string, number> = {};

  add(summary: FleetSummary): void {
    this.roundTrips += summary.roundTrips ?? 0;
    this.bytesEchoed += summary.bytesEchoed ?? 0;
    this.bytesLost += summary.bytesLost;
    this.mismatches += summary.mismatches;
    for (const [code, n] of Object.entries(summary.errors)) this.errors[code] = (this.errors[code] ?? 0) + n;
  }
}

async function snapshot(control: Control): Promise<LabSnapshot> {
  const result = await control.call<LabSnapshot>('snapshot', {});
  if (!result.ok) throw new Error(`snapshot: ${result.error.message}`);
  return result.value;
}

/** Stops the previous round's clients (counting what they did) and spawns a new round. */
async function newRound(control: Control, tally: FleetTally): Promise<void> {
  tally.add((await snapshot(control)).fleet);
  await control.call('stopClients', {});
  for (const spec of ROUND) {
    const spawned = await control.call('spawnClients', spec);
    if (!spawned.ok) throw new Error(`spawnClients ${spec.behaviour}: ${spawned.error.message}`);
  }
}

async function main(): Promise<void> {
  const settings = parseSoakArgs(process.argv.slice(2));
  if ('help' in settings) return console.log(USAGE);
  if ('error' in settings) throw new Error(`${settings.error}\n${USAGE}`);
  if (!existsSync(join(root, 'out/renderer/index.html'))) throw new Error('build first (npm run build)');
  const durationMs = settings.minutes * 60_000;
  const warmupMs = Math.min(60_000, durationMs / 5);

  const shell = fork(join(import.meta.dirname, 'shell.ts'), { execArgv: ['--import', 'tsx', '--expose-gc'] });
  const [{ url }] = (await once(shell, 'message')) as [{ url: string }];
  const memory = (): Promise<MemoryPoint> => ask<MemoryPoint>(shell, 'memory');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({
    executablePath: existsSync(executablePath) ? executablePath : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const load = fork(join(import.meta.dirname, 'load.ts'), { execArgv: ['--import', 'tsx'] });
  try {
    // The frame-rate probe is a string; the app's strict CSP would refuse to eval it.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // The page declares no icon, so Chromium asks for /favicon.ico and gets 404: not the app's error.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
        pageErrors.push(message.text());
    });
    await page.goto(url);
    await page.locator('[data-state="ready"]').waitFor();
    const port = await freePort();
    await page.getByRole('textbox', { name: 'Port' }).fill(String(port));
    await page.getByRole('button', { name: 'Start Server' }).click();
    await page.getByRole('button', { name: 'Stop Server' }).waitFor();
    const heap = await windowHeap(page);
    const control = await connectControl(url);
    const start = await memory();
    const windowStart = await heap();

    console.log(`soaking for ${settings.minutes} min (warm-up ${warmupMs / 1000} s)…`);
    const began = Date.now();
    load.send({
      type: 'start',
      port,
      silent: 70,
      silentBytes: 6 * 2 ** 20,
      stormSize: 500,
      stormEveryMs: 60_000,
    });
    const tally = new FleetTally();
    await newRound(control, tally);
    const after: MemoryPoint[] = [];
    let peakRss = start.rss;
    const fps: number[] = [];
    let nextRound = began + ROUND_MS;
    let nextFrames = began + FRAMES_EVERY_MS / 2;
    let nextSample = began;
    while (Date.now() < began + durationMs) {
      const now = Date.now();
      if (now >= nextRound) {
        await newRound(control, tally);
        nextRound += ROUND_MS;
      }
      if (now >= nextSample) {
        const point = await memory();
        peakRss = Math.max(peakRss, point.rss);
        if (now >= began + warmupMs) after.push(point);
        const minute = ((now - began) / 60_000).toFixed(1);
        console.log(
          `  ${minute} min: shell RSS ${(point.rss / 2 ** 20).toFixed(1)} MiB, heap ${(point.heapUsed / 2 ** 20).toFixed(1)} MiB`,
        );
        nextSample += SAMPLE_MS;
      }
      if (now >= nextFrames && now + FRAME_SAMPLE_MS < began + durationMs) {
        fps.push(frameStats(await sampleFrames(page, FRAME_SAMPLE_MS)).fps);
        nextFrames += FRAMES_EVERY_MS;
      }
      await sleep(250);
    }
    after.push(await memory());
    if (fps.length === 0) fps.push(frameStats(await sampleFrames(page, FRAME_SAMPLE_MS)).fps);
    const final = await snapshot(control);
    tally.add(final.fleet);
    const windowEnd = await heap();
    const stopped = reply<{ stormConnections: number }>(load, 'stopped');
    load.send({ type: 'stop' });
    const { stormConnections } = await stopped;
    const errorNotices = control.notices.filter((n: Notice) => n.level === 'error');
    control.close();
    printReport({
      minutes: settings.minutes,
      warmupSeconds: warmupMs / 1000,
      start,
      after,
      peakRss: Math.max(peakRss, ...after.map((p) => p.rss)),
      windowHeapMb: { start: windowStart, end: windowEnd },
      fps,
      accepted: final.engine.totals.accepted,
      roundTrips: tally.roundTrips,
      bytesEchoed: tally.bytesEchoed,
      engineBytesLost: final.engine.totals.bytesLost,
      fleetBytesLost: tally.bytesLost,
      mismatches: tally.mismatches,
      clientErrors: tally.errors,
      stormConnections,
      errorNotices,
      pageErrors,
    });
  } finally {
    load.kill();
    await browser.close();
    shell.send({ type: 'stop' });
    await once(shell, 'exit');
  }
}

await main();
