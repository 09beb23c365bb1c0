/**
 * `npm run bench`: the engine (Run mode, every iteration recorded and read)
 * against a plain Node echo server and the seed in Python 3, each in its own
 * process, driven by load generator processes. Not a test: it prints figures.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseBenchArgs, USAGE, type BenchSettings } from './args';
import type { BenchContext, FleetBench } from './hooks';
import { LoadPool, type Measured } from './load';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { extraCases, mainCases, recordingCases, type BenchCase } from './plan';
import { formatRow, header, headline, rowOf, type Row } from './report';
import { hasPython, ServerProcess } from './servers';
import { printRecordingCost, printSpeedTargets, printTargets } from './targets';

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
let nextClient = 0;

async function runCase(bench: BenchCase, settings: BenchSettings, pool: LoadPool): Promise<Row> {
  const notes: string[] = [];
  const execArgv =
    bench.server === 'engine' && settings.profileDir ? profileArgs(settings.profileDir, bench) : [];
  let server: ServerProcess;
  try {
    const options =
      bench.server === 'engine' ? { ...settings.engineOptions, ...bench.options } : bench.options;
    const recordTo = bench.record ? join(tmpdir(), `socket-lab-bench-${process.pid}.slrec.gz`) : undefined;
    server = await ServerProcess.start({ name: bench.server, options, execArgv, recordTo });
  } catch (error) {
    return rowOf(bench, null, [`did not start: ${(error as Error).message}`], null);
  }
  const spec = {
    workload: bench.workload,
    host: '127.0.0.1',
    port: server.port,
    connections: bench.connections,
    size: bench.size,
    total: bench.total,
    firstClient: (nextClient += bench.total),
    connectTimeoutMs: settings.connectTimeoutMs,
    warmupMs: bench.workload === 'storm' ? 0 : settings.warmupMs,
    durationMs: settings.durationMs + (bench.workload === 'storm' ? settings.warmupMs : 0),
  };
  const measured: Measured = await pool.run(spec, server);
  if (!server.alive) notes.push(`CRASHED during the case: ${server.exit ?? ''}`);
  const stats = await server.engineStats();
  const records = stats?.records ?? null;
  if (stats?.recordedBytes !== undefined) notes.push(`recorded ${(stats.recordedBytes / 1e6).toFixed(1)} MB`);
  // The seed's KeyError comes when clients close: give it the moment to show.
  if (server.name === 'seed' && server.alive) await delay(200);
  if (notes.length === 0 && !server.alive) notes.push(`crashed as the clients closed: ${server.exit ?? ''}`);
  await server.stop();
  if (bench.record) rmSync(join(tmpdir(), `socket-lab-bench-${process.pid}.slrec.gz`), { force: true });
  const { result } = measured;
  if (result.served < result.attempted)
    notes.push(`UNSERVED ${result.attempted - result.served}/${result.attempted}`);
  if (result.mismatches > 0) notes.push(`${result.mismatches} echo MISMATCH`);
  const errors = Object.entries(result.errors).map(([code, n]) => `${code}×${n}`);
  if (errors.length > 0) notes.push(errors.join(' '));
  if (measured.timedOut) notes.push('a load worker hung and was replaced');
  // Then the figure is the load generator's limit as much as the server's.
  if (measured.loadCpu >= 0.9 * settings.workers) notes.push('load generator saturated');
  if (records !== null) notes.push(`${records.toLocaleString('en')} records`);
  return rowOf(bench, measured, notes, records);
}

function profileArgs(dir: string, bench: BenchCase): string[] {
  const slug = `${bench.label}-${bench.variant}`.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '');
  // One folder per case: the loader's hook thread writes a profile of its own beside the main thread's (the larger file).
  const caseDir = `${dir}/engine-${slug}`;
  mkdirSync(caseDir, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${caseDir}`];
}

async function runAll(
  cases: BenchCase[],
  settings: BenchSettings,
  pool: LoadPool,
  compareTo: Row[],
): Promise<Row[]> {
  const rows: Row[] = [];
  let label = '';
  for (const bench of cases) {
    const row = await runCase(bench, settings, pool);
    const node = [...compareTo, ...rows].find(
      (r) => r.bench.server === 'node' && r.bench.label === bench.label && !r.bench.variant,
    );
    const base = node ? headline(node) : null;
    const value = headline(row);
    row.ratio = base && value !== null ? value / base : null;
    rows.push(row);
    console.log(formatRow(row, bench.label !== label));
    label = bench.label;
  }
  return rows;
}

/** Calls bench/fleet.ts (another engineer's) when it exists. */
async function runFleet(settings: BenchSettings, rows: Row[]): Promise<void> {
  const path = fileURLToPath(new URL('./fleet.ts', import.meta.url));
  if (!existsSync(path)) return;
  const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const run = [module.default, module.runFleetBench, ...Object.values(module)].find(
    (v) => typeof v === 'function',
  ) as FleetBench | undefined;
  if (!run) return;
  const find = (server: string): number | null =>
    rows.find(
      (r) => r.bench.label === 'ping-pong 1 KiB × 100' && r.bench.server === server && !r.bench.variant,
    )?.msgPerSec ?? null;
  const context: BenchContext = {
    quick: settings.quick,
    durationMs: settings.durationMs,
    reference: {
      label: 'ping-pong 1 KiB × 100',
      engineMsgPerSec: find('engine'),
      nodeMsgPerSec: find('node'),
    },
    log: (line) => console.log(line),
  };
  console.log('\nThe fleet as the load generator (bench/fleet.ts)');
  const printed = await run(context);
  if (printed) console.log(Array.isArray(printed) ? printed.join('\n') : printed);
}

async function main(): Promise<void> {
  const parsed = parseBenchArgs(process.argv.slice(2));
  if ('help' in parsed) return void console.log(USAGE);
  if ('error' in parsed) {
    console.error(`${parsed.error}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const settings = parsed;
  const began = performance.now();
  if (settings.servers.includes('seed') && !(await hasPython())) {
    settings.servers = settings.servers.filter((s) => s !== 'seed');
    console.log('python3 not found: the seed is left out of this run.');
  }
  const filter = (c: BenchCase): boolean => settings.only === null || c.label.includes(settings.only);
  const pool = new LoadPool(settings.workers);
  console.log(
    `Socket Lab bench${settings.quick ? ' (quick)' : ''}: ${settings.warmupMs} ms warm-up + ${settings.durationMs} ms per case, ` +
      `${settings.workers} load process${settings.workers > 1 ? 'es' : ''}, each server in its own process, 127.0.0.1.\n` +
      'msg/s: round trips per second; MB/s: echoed bytes checked byte-exact, per second (10^6 B); p50/p99: round trip\n' +
      '(storm: connect → echo); × node: against the plain Node server; cpu s/l: server / load generator CPU (100% = one core);\n' +
      'µs/op: server CPU per round trip (stream: per KiB echoed), which a busy machine disturbs less than the rates.\n',
  );
  const [load] = os.loadavg();
  if (load !== undefined && load > 0.5)
    console.log(
      `Note: load average ${load.toFixed(2)} on ${os.availableParallelism()} cores before the run: other processes compete for the CPU, so figures are noisy.\n`,
    );
  console.log(header());
  try {
    const rows = await runAll(mainCases(settings.servers, settings.quick).filter(filter), settings, pool, []);
    const extras = extraCases(settings.servers).filter(filter);
    let extraRows: Row[] = [];
    if (extras.length > 0) {
      console.log("\nTCP_NODELAY on the seed's 16 KiB ping-pong, and a larger recv() for the stream");
      extraRows = await runAll(extras, settings, pool, rows);
    }
    const recording = recordingCases(settings.servers, settings.quick).filter(filter);
    let recordingRows: Row[] = [];
    if (recording.length > 0) {
      console.log('\nRecording (issue 12): the same ping-pong, Record off and on, in alternating pairs');
      recordingRows = await runAll(recording, settings, pool, rows);
    }
    printTargets(rows, extraRows);
    printSpeedTargets(rows);
    printRecordingCost(recordingRows);
    // The fleet's section belongs to the whole run, not to a filtered one.
    if (settings.only === null && settings.servers.includes('engine')) await runFleet(settings, rows);
    if (settings.jsonPath)
      writeFileSync(
        settings.jsonPath,
        JSON.stringify({ settings, rows: [...rows, ...extraRows, ...recordingRows] }, null, 2),
      );
  } finally {
    pool.close();
  }
  console.log(`\nDone in ${((performance.now() - began) / 1000).toFixed(0)} s.`);
}

void main();
