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
  /** Engine: record every iteration to a file (the window's Record), to measure what that costs. */
  record?: boolean;
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

/**
 * Recording's cost (issue 12): the 1 KiB × 100 ping-pong with and without Record, in
 * alternating pairs, so a load that comes and goes on a shared machine hits both alike.
 */
export function recordingCases(servers: ServerName[], quick: boolean): BenchCase[] {
  if (!servers.includes('engine')) return [];
  const pingPong = {
    label: 'ping-pong 1 KiB × 100',
    workload: 'ping-pong' as const,
    size: KiB,
    connections: 100,
    total: 100,
    server: 'engine' as const,
  };
  const pairs = quick ? 1 : 3;
  return Array.from({ length: pairs }, () => [
    { ...pingPong, variant: 'not recording' },
    { ...pingPong, variant: 'recording', record: true },
  ]).flat();
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
  if (servers.includes('seed')) {
    // What the tracer costs the seed, with room in the accept queue for all 100 clients: with
    // listen(5), the rates say mostly how many clients got in before the SYN retries.
    const tracerCost = {
      label: 'ping-pong 1 KiB × 100',
      workload: 'ping-pong' as const,
      size: KiB,
      connections: 100,
      total: 100,
      options: { backlog: 128 },
    };
    cases.push({ ...tracerCost, server: 'seed', variant: 'listen(128)' });
    cases.push({ ...tracerCost, server: 'traced-seed', variant: 'traced, listen(128)' });
  }
  return cases;
}
