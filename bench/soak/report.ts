import type { Notice } from '../../shared/contract';

const MiB = 2 ** 20;

/** The shell's memory at one moment (after a full GC); `external` is mostly Buffers: queues, sockets. */
export interface MemoryPoint {
  rss: number;
  heapUsed: number;
  external: number;
}

/** What a soak run measured. */
export interface SoakReport {
  minutes: number;
  warmupSeconds: number;
  start: MemoryPoint;
  /** Samples every 10 s from the end of the warm-up to the end. */
  after: MemoryPoint[];
  peakRss: number;
  windowHeapMb: { start: number; end: number };
  fps: number[];
  accepted: number;
  roundTrips: number;
  bytesEchoed: number;
  engineBytesLost: number;
  fleetBytesLost: number;
  mismatches: number;
  clientErrors: Record<string, number>;
  stormConnections: number;
  errorNotices: Notice[];
  pageErrors: string[];
}

const mb = (bytes: number): string => `${(bytes / MiB).toFixed(1)} MiB`;
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The median of a few samples: one sample moves with the load's phase (a storm, a new round). */
const settled = (points: MemoryPoint[], key: keyof MemoryPoint): number => median(points.map((p) => p[key]));

/** RSS just after the warm-up and at the end, each the median of three samples, and the growth between. */
export function rssGrowth(r: SoakReport): { warm: number; end: number; growth: number } {
  const warm = settled(r.after.slice(0, 3), 'rss');
  const end = settled(r.after.slice(-3), 'rss');
  return { warm, end, growth: (end - warm) / warm };
}

/** The report as a few lines, with the target. */
export function printReport(r: SoakReport): void {
  const { warm, end, growth } = rssGrowth(r);
  const first = r.after.slice(0, 3);
  const last = r.after.slice(-3);
  const noticeCodes: Record<string, number> = {};
  for (const n of r.errorNotices) noticeCodes[n.code] = (noticeCodes[n.code] ?? 0) + 1;
  const lines = [
    '',
    `Socket Lab soak: ${r.minutes} min, the window open in Chromium, Safe mode (warm-up ${r.warmupSeconds} s)`,
    `  shell RSS   start ${mb(r.start.rss)}, after warm-up ${mb(warm)}, end ${mb(end)}, peak ${mb(r.peakRss)} (medians of 3 samples, 10 s apart)`,
    `  shell heap  start ${mb(r.start.heapUsed)}, after warm-up ${mb(settled(first, 'heapUsed'))}, end ${mb(settled(last, 'heapUsed'))} (after a full GC); Buffers ${mb(settled(first, 'external'))} → ${mb(settled(last, 'external'))}`,
    `  ${growth < 0.1 ? 'ok  ' : 'MISS'} RSS growth after warm-up ${(growth * 100).toFixed(1)}%   target < 10%`,
    `  window      ${median(r.fps).toFixed(0)} fps median, ${Math.min(...r.fps).toFixed(0)} fps worst sample (${r.fps.length} × 5 s); JS heap ${r.windowHeapMb.start.toFixed(1)} → ${r.windowHeapMb.end.toFixed(1)} MB`,
    `  traffic     ${r.accepted.toLocaleString('en-US')} connections accepted (${r.stormConnections.toLocaleString('en-US')} in storms), ${r.roundTrips.toLocaleString('en-US')} echoes verified, ${mb(r.bytesEchoed)} echoed to the fleet`,
    `  bytes lost  ${r.engineBytesLost + r.fleetBytesLost} (engine ${r.engineBytesLost}, fleet ${r.fleetBytesLost}); mismatches ${r.mismatches}`,
    `  errors      clients: ${JSON.stringify(r.clientErrors)}; engine notices: ${JSON.stringify(noticeCodes)}; window: ${r.pageErrors.length}`,
    ...r.pageErrors.slice(0, 5).map((e) => `    window error: ${e}`),
    ...r.errorNotices.slice(0, 5).map((n) => `    notice ${n.code}: ${n.message}`),
    '',
  ];
  console.log(lines.join('\n'));
}
