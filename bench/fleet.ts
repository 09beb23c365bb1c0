/**
 * The fleet as the load generator: the app's own test clients (one fleet
 * process) against the engine (its own process), as the window would run them.
 * `npm run bench` calls this after its table (see bench/hooks.ts); it prints
 * verified messages per second and the concurrent connections sustained, next
 * to the external load generator's figure.
 */
import type { SpawnSpec } from '../shared/contract';
import { FleetController } from '../electron/fleet/controller';
import { nodeLauncher } from '../electron/fleet/node-launcher';
import { RTT_BUCKETS } from '../electron/fleet/rtt';
import type { BenchContext } from './hooks';
import { ServerProcess } from './servers';

const SETTLE_TIMEOUT_MS = 60_000;

/** Resolves once `condition` holds (re-checked on fleet changes), or false after `ms`. */
function until(fleet: FleetController, condition: () => boolean, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (value: boolean): void => {
      clearTimeout(timer);
      off();
      resolve(value);
    };
    const timer = setTimeout(() => finish(false), ms);
    const off = fleet.on('change', () => condition() && finish(true));
    if (condition()) finish(true);
  });
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The bucket bound under which `q` of the round trips fell, in ms. */
function percentile(counts: number[], q: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const [i, n] of counts.entries()) {
    seen += n;
    if (seen >= q * total) return RTT_BUCKETS[i] ?? null;
  }
  return RTT_BUCKETS.at(-1) ?? null;
}

interface Figures {
  clients: number;
  open: number;
  verified: number;
  perSecond: number;
  p50: number | null;
  p99: number | null;
  problems: string[];
}

/** Spawns `spec` against a fresh engine process, waits for every client to verify, then measures for `durationMs`. */
async function measure(spec: SpawnSpec, durationMs: number): Promise<Figures> {
  const server = await ServerProcess.start({ name: 'engine' });
  const fleet = new FleetController(nodeLauncher());
  try {
    const spawned = await fleet.spawn(spec, { host: '127.0.0.1', port: server.port });
    if (!spawned.ok) throw new Error(spawned.error.message);
    const settled = await until(fleet, () => fleet.summary().verified === spec.count, SETTLE_TIMEOUT_MS);
    const before = fleet.summary();
    const startedAt = performance.now();
    await delay(durationMs);
    const after = fleet.summary();
    const seconds = (performance.now() - startedAt) / 1000;
    const counts = after.rttCounts.map((n, i) => n - (before.rttCounts[i] ?? 0));
    const problems = Object.entries(after.errors).map(([code, n]) => `${code}×${n}`);
    if (!settled)
      problems.push(`only ${before.verified} of ${spec.count} verified within ${SETTLE_TIMEOUT_MS / 1000} s`);
    if (after.mismatches > 0) problems.push(`${after.mismatches} MISMATCH`);
    if (after.bytesLost > 0) problems.push(`${after.bytesLost} B LOST`);
    if (!server.alive) problems.push(`engine died: ${server.exit ?? ''}`);
    return {
      clients: spec.count,
      open: after.byState.open,
      verified: after.verified,
      perSecond: ((after.roundTrips ?? 0) - (before.roundTrips ?? 0)) / seconds,
      p50: percentile(counts, 0.5),
      p99: percentile(counts, 0.99),
      problems,
    };
  } finally {
    await fleet.dispose();
    await server.stop();
  }
}

const num = (n: number): string => Math.round(n).toLocaleString('en');
const ms = (n: number | null): string => (n === null ? '–' : `≤${n} ms`);

function line(label: string, f: Figures, extra = ''): string {
  const problems = f.problems.length ? `  ${f.problems.join(' ')}` : '';
  return (
    `  ${label.padEnd(34)} ${num(f.perSecond).padStart(9)} verified msg/s  ` +
    `${num(f.open).padStart(6)} open  p50 ${ms(f.p50)}  p99 ${ms(f.p99)}${extra}${problems}`
  );
}

/** `npm run bench`'s fleet section; also runs alone: `tsx bench/fleet.ts [--quick]`. */
export async function runFleetBench(context: BenchContext): Promise<void> {
  const durationMs = context.durationMs;
  const base = { intervalMs: 0, connectRate: 5000, lifetimeMs: 0, reconnect: false } as const;
  const pingPong = await measure({ ...base, count: 100, behaviour: 'echo', messageSize: 1024 }, durationMs);
  const ref = context.reference.engineMsgPerSec;
  const versus = ref
    ? `  (external load generator: ${num(ref)} msg/s, fleet/external ${(pingPong.perSecond / ref).toFixed(2)}×)`
    : '';
  context.log(line(context.reference.label, pingPong, versus));
  const many = context.quick ? 1000 : 5000;
  // Each client sends once a second: measure a few seconds whatever the run's case length.
  const crowd = await measure(
    { ...base, count: many, behaviour: 'echo', messageSize: 256, intervalMs: 1000 },
    Math.max(durationMs, 3000),
  );
  context.log(line(`${num(many)} clients, 256 B every second`, crowd, `  (ideal ${num(many)} msg/s)`));
}

export default runFleetBench;

// Run alone: tsx bench/fleet.ts [--quick]
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').at(-1) ?? '\0')) {
  const quick = process.argv.includes('--quick');
  void runFleetBench({
    quick,
    durationMs: quick ? 2000 : 5000,
    reference: { label: 'ping-pong 1 KiB × 100', engineMsgPerSec: null, nodeMsgPerSec: null },
    log: (text) => console.log(text),
  });
}
