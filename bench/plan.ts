import type { EngineOptions } from '../shared/engine';
import type { Workload } from './protocol';
import type { ServerName } from './servers';

/** One row of the table: a workload, against one server configured one way. */
export interface BenchCase {
  /** The workload's label, shared by its rows: "ping-pong 1 KiB × 100". */
  label: string;
  workload: Workload;
  size: number;
  connections: number;
  /** Storm: connections in all. */
  total: number;
  server: ServerName;
  /** How the server is set up, when not the default: "noDelay on". */
  variant: string;
  options?: Partial<EngineOptions>;
}

const KiB = 1024;

function sizeLabel(bytes: number): string {
  return bytes >= KiB ? `${bytes / KiB} KiB` : `${bytes} B`;
}

/** The workloads of issue 2 §5, each against every server, in that order. */
export function mainCases(servers: ServerName[], quick: boolean): BenchCase[] {
  const workloads: Omit<BenchCase, 'server' | 'variant'>[] = [];
  for (const size of [64, KiB, 16 * KiB]) {
    for (const connections of [1, 100, 1000]) {
      workloads.push({
        label: `ping-pong ${sizeLabel(size)} × ${connections}`,
        workload: 'ping-pong',
        size,
        connections,
        total: connections,
      });
    }
  }
  workloads.push({
    label: 'stream 64 KiB writes × 1',
    workload: 'stream',
    size: 64 * KiB,
    connections: 1,
    total: 1,
  });
  const total = quick ? 300 : 1000;
  workloads.push({
    label: `connect storm ${total} (100 at once)`,
    workload: 'storm',
    size: 64,
    connections: 100,
    total,
  });
  return workloads.flatMap((w) => servers.map((server) => ({ ...w, server, variant: '' })));
}

/** The extra rows: Nagle on the seed's 16 KiB ping-pong, and recv() size. */
export function extraCases(servers: ServerName[]): BenchCase[] {
  const pingPong16 = {
    label: 'ping-pong 16 KiB × 1',
    workload: 'ping-pong' as const,
    size: 16 * KiB,
    connections: 1,
    total: 1,
  };
  const stream = {
    label: 'stream 64 KiB writes × 1',
    workload: 'stream' as const,
    size: 64 * KiB,
    connections: 1,
    total: 1,
  };
  const cases: BenchCase[] = [];
  for (const server of ['engine', 'seed'] as const) {
    if (!servers.includes(server)) continue;
    cases.push({ ...pingPong16, server, variant: 'noDelay on', options: { noDelay: true } });
  }
  if (servers.includes('engine'))
    cases.push({ ...stream, server: 'engine', variant: 'recv(65536)', options: { recvSize: 64 * KiB } });
  if (servers.includes('seed'))
    cases.push({
      label: 'ping-pong 1 KiB × 100',
      workload: 'ping-pong',
      size: KiB,
      connections: 100,
      total: 100,
      server: 'traced-seed',
      variant: 'traced',
    });
  return cases;
}
