import type { Measured } from './load';
import type { BenchCase } from './plan';

/** One printed row: a case's figures, its ratio to plain Node, and what went wrong. */
export interface Row {
  bench: BenchCase;
  msgPerSec: number | null;
  mbPerSec: number | null;
  p50: number | null;
  p99: number | null;
  verified: number;
  mismatches: number;
  served: number;
  attempted: number;
  /** Against the plain Node server on the same workload: msg/s (MB/s for the stream). */
  ratio: number | null;
  serverCpu: number | null;
  loadCpu: number | null;
  /** Server CPU µs per round trip (ping-pong, storm) or per KiB echoed (stream): robust to a busy machine. */
  cpuPerOp: number | null;
  /** Engine: iteration records built and consumed in the case. */
  records: number | null;
  notes: string[];
}

export function rowOf(
  bench: BenchCase,
  measured: Measured | null,
  notes: string[],
  records: number | null,
): Row {
  const result = measured?.result;
  const seconds = (result?.elapsedMs ?? 0) / 1000;
  const rate = (n: number): number | null => (seconds > 0 ? n / seconds : null);
  const ops = !result ? 0 : bench.workload === 'stream' ? result.verified / 1024 : result.messages;
  const serverCpu = measured?.serverCpu ?? null;
  return {
    bench,
    msgPerSec: bench.workload === 'stream' || !result ? null : rate(result.messages),
    mbPerSec: result ? rate(result.verified / 1e6) : null,
    p50: measured?.rtt.percentile(50) ?? null,
    p99: measured?.rtt.percentile(99) ?? null,
    verified: result?.verified ?? 0,
    mismatches: result?.mismatches ?? 0,
    served: result?.served ?? 0,
    attempted: result?.attempted ?? 0,
    ratio: null,
    serverCpu,
    loadCpu: measured?.loadCpu ?? null,
    cpuPerOp: serverCpu !== null && ops > 0 ? (serverCpu * seconds * 1e6) / ops : null,
    records,
    notes,
  };
}

/** The figure a workload is compared on. */
export function headline(row: Row): number | null {
  return row.bench.workload === 'stream' ? row.mbPerSec : row.msgPerSec;
}

const COLUMNS: [string, number][] = [
  ['case', 34],
  ['server', 18],
  ['msg/s', 9],
  ['MB/s', 8],
  ['p50', 8],
  ['p99', 8],
  ['verified', 9],
  ['× node', 7],
  ['cpu s/l', 9],
  ['µs/op', 6],
  ['notes', 0],
];

export function header(): string {
  const line = COLUMNS.map(([name, width], i) => (i < 2 ? name.padEnd(width) : name.padStart(width))).join(
    ' ',
  );
  return `${line}\n${'─'.repeat(line.length + 20)}`;
}

export function formatRow(row: Row, first: boolean): string {
  const server = row.bench.variant ? `${row.bench.server} ${row.bench.variant}` : row.bench.server;
  const cells = [
    first ? row.bench.label : '',
    server,
    count(row.msgPerSec),
    row.mbPerSec === null ? '–' : row.mbPerSec.toFixed(row.mbPerSec < 10 ? 2 : 1),
    micros(row.p50),
    micros(row.p99),
    bytes(row.verified),
    row.ratio === null ? '–' : `${row.ratio.toFixed(2)}×`,
    row.serverCpu === null ? '–' : `${percent(row.serverCpu)}/${percent(row.loadCpu ?? 0)}`,
    row.cpuPerOp === null ? '–' : row.cpuPerOp.toFixed(row.cpuPerOp < 10 ? 1 : 0),
  ];
  const line = cells
    .map((cell, i) => (i < 2 ? cell.padEnd(COLUMNS[i]?.[1] ?? 0) : cell.padStart(COLUMNS[i]?.[1] ?? 0)))
    .join(' ');
  return `${line}  ${row.notes.join('; ')}`;
}

export function count(n: number | null): string {
  if (n === null) return '–';
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return n >= 100 ? Math.round(n).toString() : n.toFixed(1);
}

export function micros(us: number | null): string {
  if (us === null) return '–';
  if (us >= 1e6) return `${(us / 1e6).toFixed(2)} s`;
  if (us >= 1e3) return `${(us / 1e3).toFixed(us >= 1e4 ? 0 : 1)} ms`;
  return `${Math.round(us)} µs`;
}

export function bytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} B`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
