import { count, type Row } from './report';

const find = (rows: Row[], label: string, server: string, variant = ''): Row | undefined =>
  rows.find((r) => r.bench.label === label && r.bench.server === server && r.bench.variant === variant);

function verdict(ok: boolean | null): string {
  return ok === null ? 'n/a ' : ok ? 'PASS' : 'FAIL';
}

/** Issue 2 §5's targets, PASS/FAIL, with the figures they rest on. */
export function printTargets(rows: Row[], extras: Row[]): void {
  console.log('\nTargets (issue 2 §5)');
  const pingPong = 'ping-pong 1 KiB × 100';
  const engine = find(rows, pingPong, 'engine');
  const node = find(rows, pingPong, 'node');
  const ratio = engine?.msgPerSec && node?.msgPerSec ? engine.msgPerSec / node.msgPerSec : null;
  console.log(
    `  ${verdict(ratio === null ? null : ratio >= 0.5)}  ${pingPong}, every iteration recorded: engine ≥ 0.5× plain Node — ` +
      `${count(engine?.msgPerSec ?? null)} vs ${count(node?.msgPerSec ?? null)} msg/s = ${ratio === null ? '–' : ratio.toFixed(2)}×` +
      cpu(engine, node, 'message'),
  );
  const stream = 'stream 64 KiB writes × 1';
  const engineStream = find(rows, stream, 'engine');
  const seedStream = find(rows, stream, 'seed');
  const engineMb = engineStream?.mbPerSec ?? null;
  const seedMb = seedStream?.mbPerSec ?? null;
  const streamOk = engineMb !== null && seedMb !== null ? engineMb >= seedMb : null;
  console.log(
    `  ${verdict(streamOk)}  stream, recv(1024): engine ≥ the seed — ` +
      `${engineStream?.mbPerSec?.toFixed(1) ?? '–'} vs ${seedStream?.mbPerSec?.toFixed(1) ?? (seedStream ? '–' : 'no seed')} MB/s` +
      cpu(engineStream, seedStream, 'KiB'),
  );
  const engineRows = [...rows, ...extras].filter((r) => r.bench.server === 'engine');
  const wrong = engineRows.filter(
    (r) => r.mismatches > 0 || r.served < r.attempted || r.notes.some((n) => n.includes('CRASH')),
  );
  console.log(
    `  ${verdict(engineRows.length === 0 ? null : wrong.length === 0)}  engine: every client served, every echo byte-exact` +
      (wrong.length > 0
        ? ` — not in: ${wrong.map((r) => `${r.bench.label} ${r.bench.variant}`.trim()).join(', ')}`
        : ''),
  );
  const seedRow = find(extras, pingPong, 'seed', 'listen(128)');
  const traced = find(extras, pingPong, 'traced-seed', 'traced, listen(128)');
  if (seedRow && traced) {
    // Both with listen(128), so every client gets in and the rates compare the loops, not the
    // SYN retries; CPU per message (python3 and the lab's side of the tracer together) beside.
    const kept = traced.msgPerSec && seedRow.msgPerSec ? traced.msgPerSec / seedRow.msgPerSec : null;
    console.log(
      `  ${verdict(kept === null ? null : kept >= 0.5)}  ${pingPong}: the seed under the tracer keeps ≥ 0.5× its own speed (both listen(128)) — ` +
        `${count(traced.msgPerSec)} vs ${count(seedRow.msgPerSec)} msg/s = ${kept === null ? '–' : kept.toFixed(2)}× ` +
        `(${traced.served} and ${seedRow.served} of 100 served; CPU per message ${traced.cpuPerOp?.toFixed(1) ?? '–'} vs ${seedRow.cpuPerOp?.toFixed(1) ?? '–'} µs)`,
    );
  }
  const nagle = 'ping-pong 16 KiB × 1';
  for (const server of ['engine', 'seed']) {
    const off = find(rows, nagle, server);
    const on = find(extras, nagle, server, 'noDelay on');
    if (!off || !on) continue;
    console.log(
      `  info  ${nagle}, ${server}: TCP_NODELAY off ${count(off.msgPerSec)} msg/s (p50 ${rtt(off)}), on ${count(on.msgPerSec)} msg/s (p50 ${rtt(on)})`,
    );
  }
}

/**
 * Issue 14's targets: the engine, every iteration recorded, against plain Node and the seed in
 * the same run — as rates, with server CPU per message beside (what a busy machine disturbs least).
 */
export function printSpeedTargets(rows: Row[]): void {
  console.log('\nTargets (issue 14: faster than the program it imitates)');
  const pingPong = 'ping-pong 1 KiB × 100';
  const [engine, node, seed] = (['engine', 'node', 'seed'] as const).map((s) => find(rows, pingPong, s));
  rateTarget(`${pingPong}: engine ≥ 1.0× plain Node`, engine, node, 1.0, 'message');
  rateTarget(`${pingPong}: engine ≥ 1.0× the seed`, engine, seed, 1.0, 'message');
  const p99 = engine?.p99 && node?.p99 ? engine.p99 / node.p99 : null;
  console.log(
    `  ${verdict(p99 === null ? null : p99 <= 1.5)}  ${pingPong}: engine's p99 round trip ≤ 1.5× plain Node's — ` +
      `${engine ? rtt99(engine) : '–'} vs ${node ? rtt99(node) : '–'} = ${p99 === null ? '–' : p99.toFixed(2)}×`,
  );
  const many = 'ping-pong 1 KiB × 1000';
  rateTarget(
    `${many}: engine ≥ 0.9× plain Node`,
    find(rows, many, 'engine'),
    find(rows, many, 'node'),
    0.9,
    'message',
  );
  const stream = 'stream 64 KiB writes × 1';
  const engineStream = find(rows, stream, 'engine');
  const seedStream = find(rows, stream, 'seed');
  const mb =
    engineStream?.mbPerSec && seedStream?.mbPerSec ? engineStream.mbPerSec / seedStream.mbPerSec : null;
  console.log(
    `  ${verdict(mb === null ? null : mb >= 1.3)}  stream, recv(1024): engine ≥ 1.3× the seed — ` +
      `${engineStream?.mbPerSec?.toFixed(1) ?? '–'} vs ${seedStream?.mbPerSec?.toFixed(1) ?? '–'} MB/s = ${mb === null ? '–' : mb.toFixed(2)}×` +
      cpu(engineStream, seedStream, 'KiB'),
  );
}

function rateTarget(what: string, a: Row | undefined, b: Row | undefined, at: number, per: string): void {
  const ratio = a?.msgPerSec && b?.msgPerSec ? a.msgPerSec / b.msgPerSec : null;
  console.log(
    `  ${verdict(ratio === null ? null : ratio >= at)}  ${what} — ` +
      `${count(a?.msgPerSec ?? null)} vs ${count(b?.msgPerSec ?? null)} msg/s = ${ratio === null ? '–' : ratio.toFixed(2)}×` +
      cpu(a, b, per),
  );
}

const median = (values: number[]): number | null => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? null : (sorted[Math.floor((sorted.length - 1) / 2)] ?? null);
};

/**
 * Issue 12's target: Record slows the engine by at most 10% at 1 KiB × 100 ping-pong, as the
 * ratio of the medians of the alternating pairs (msg/s), with server CPU per round trip beside.
 */
export function printRecordingCost(rows: Row[]): void {
  const on = rows.filter((r) => r.bench.variant === 'recording');
  const off = rows.filter((r) => r.bench.variant === 'not recording');
  if (on.length === 0 || off.length === 0) return;
  const rate = (list: Row[]) => median(list.flatMap((r) => (r.msgPerSec === null ? [] : [r.msgPerSec])));
  const cost = (list: Row[]) => median(list.flatMap((r) => (r.cpuPerOp === null ? [] : [r.cpuPerOp])));
  const [onRate, offRate, onCpu, offCpu] = [rate(on), rate(off), cost(on), cost(off)];
  const ratio = onRate !== null && offRate !== null ? onRate / offRate : null;
  const cpuNote =
    onCpu !== null && offCpu !== null
      ? `; server CPU per round trip ${offCpu.toFixed(1)} → ${onCpu.toFixed(1)} µs (${(((onCpu - offCpu) / offCpu) * 100).toFixed(0)}%)`
      : '';
  console.log(
    `  ${verdict(ratio === null ? null : ratio >= 0.9)}  ping-pong 1 KiB × 100, recording to a file: ≥ 0.90× not recording — ` +
      `${count(onRate)} vs ${count(offRate)} msg/s = ${ratio === null ? '–' : ratio.toFixed(2)}× (medians of ${on.length})${cpuNote}`,
  );
}

/** Server CPU per operation, side by side: what a busy machine disturbs least. */
function cpu(a: Row | undefined, b: Row | undefined, per: string): string {
  if (a?.cpuPerOp === null || a?.cpuPerOp === undefined || b?.cpuPerOp === null || b?.cpuPerOp === undefined)
    return '';
  return ` (server CPU per ${per}: ${a.cpuPerOp.toFixed(1)} vs ${b.cpuPerOp.toFixed(1)} µs)`;
}

/** A round trip in µs, as the table prints it. */
function duration(micros: number | null): string {
  return micros === null
    ? '–'
    : micros >= 1000
      ? `${(micros / 1000).toFixed(1)} ms`
      : `${Math.round(micros)} µs`;
}

const rtt99 = (row: Row): string => duration(row.p99);
const rtt = (row: Row): string => duration(row.p50);
