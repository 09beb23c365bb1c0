import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useLabStore, type LabState } from '../../store/lab-store';
import { formatBytes } from '../format';
import { ChartSeries, type LabSample } from './chart-series';

const HEIGHT = 96;
/** The time axis keeps moving while the lab is quiet. */
const IDLE_SAMPLE_MS = 500;
/**
 * At most four samples a second: a minute across a chart's ~250 px is a quarter of a second per
 * pixel, and a sample walks every connection (its queued bytes).
 */
const SAMPLE_MS = 250;

interface ChartDef {
  title: string;
  series: { label: string; color: string; column: (s: ChartSeries) => number[] }[];
  value: (n: number) => string;
}

const css = (name: string, fallback: string): string =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

const CHARTS: ChartDef[] = [
  {
    title: 'Throughput',
    series: [
      { label: 'in /s', color: '--readable', column: (s) => s.inRate },
      { label: 'out /s', color: '--writable', column: (s) => s.outRate },
    ],
    value: (n) => formatBytes(Math.round(n)),
  },
  {
    title: 'Connections',
    series: [
      { label: 'server', color: '--accent', column: (s) => s.connections },
      { label: 'clients open', color: '--listener', column: (s) => s.clientsOpen },
    ],
    value: (n) => String(Math.round(n)),
  },
  {
    title: 'Queued bytes',
    series: [{ label: 'queued', color: '--exceptional', column: (s) => s.queued }],
    value: (n) => formatBytes(Math.round(n)),
  },
];

function sampleOf(state: LabState): LabSample {
  let queuedBytes = 0;
  for (const c of state.connections.values()) queuedBytes += c.queuedBytes;
  return {
    t: Date.now() / 1000,
    bytesIn: state.engine?.totals.bytesIn ?? 0,
    bytesOut: state.engine?.totals.bytesOut ?? 0,
    connections: state.connections.size,
    clientsOpen: state.fleet?.byState.open ?? 0,
    queuedBytes,
  };
}

function makeChart(UPlot: typeof uPlot, def: ChartDef, element: HTMLElement): uPlot {
  const options: uPlot.Options = {
    width: Math.max(200, element.clientWidth),
    height: HEIGHT,
    legend: { show: true, live: false },
    cursor: { show: false },
    scales: { x: { time: true } },
    axes: [
      {
        stroke: css('--muted', '#888'),
        grid: { show: false },
        ticks: { show: false },
        size: 24,
        // One line per tick (uPlot's default adds the date on a second line).
        values: (_u, splits) => splits.map((t) => new Date(t * 1000).toTimeString().slice(3, 8)),
      },
      {
        stroke: css('--muted', '#888'),
        values: (_u, splits) => splits.map(def.value),
        size: 68,
        grid: { stroke: css('--line', '#ddd') },
      },
    ],
    series: [
      {},
      ...def.series.map((s) => ({
        label: s.label,
        stroke: css(s.color, '#4f46e5'),
        width: 1.5,
        points: { show: false },
      })),
    ],
  };
  return new UPlot(options, [[], ...def.series.map(() => [])], element);
}

/** jsdom has no canvas nor matchMedia (uPlot needs both): there the charts stay empty boxes. */
const canDraw = (): boolean => typeof window.matchMedia === 'function' && !/jsdom/i.test(navigator.userAgent);

/** Draws the charts into `holders` until the returned stop function is called. */
function startCharts(UPlot: typeof uPlot, holders: (HTMLDivElement | null)[]): () => void {
  const series = new ChartSeries();
  const charts = CHARTS.map((def, i) => makeChart(UPlot, def, holders[i]!));
  let frame = 0;
  let timer: number | undefined;
  let last = -Infinity;
  const draw = (): void => {
    frame = 0;
    last = performance.now();
    series.add(sampleOf(useLabStore.getState()));
    charts.forEach((chart, i) =>
      chart.setData([series.t, ...CHARTS[i]!.series.map((s) => s.column(series))]),
    );
  };
  const schedule = (): void => {
    if (frame || timer !== undefined) return;
    const wait = last + SAMPLE_MS - performance.now();
    if (wait <= 0) frame = requestAnimationFrame(draw);
    else
      timer = window.setTimeout(() => {
        timer = undefined;
        frame ||= requestAnimationFrame(draw);
      }, wait);
  };
  const unsubscribe = useLabStore.subscribe(schedule);
  const idle = window.setInterval(schedule, IDLE_SAMPLE_MS);
  const resize = new ResizeObserver(() =>
    charts.forEach((chart, i) =>
      chart.setSize({ width: Math.max(200, holders[i]?.clientWidth ?? 200), height: HEIGHT }),
    ),
  );
  for (const holder of holders) if (holder) resize.observe(holder);
  return () => {
    unsubscribe();
    window.clearInterval(idle);
    window.clearTimeout(timer);
    cancelAnimationFrame(frame);
    resize.disconnect();
    for (const chart of charts) chart.destroy();
  };
}

/**
 * Throughput, connections and queued bytes over the last minute, drawn with
 * uPlot. The store is sampled at most every SAMPLE_MS, in an animation frame, outside React:
 * batches cost nothing in between, and never a re-render.
 */
export function FleetCharts() {
  const holders = useRef<(HTMLDivElement | null)[]>([]);
  useEffect(() => {
    if (!canDraw()) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    // uPlot is loaded on demand: it touches matchMedia as soon as it is imported.
    void import('uplot').then(({ default: UPlot }) => {
      if (!cancelled) stop = startCharts(UPlot, holders.current);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);
  return (
    <div className="fleet-charts">
      {CHARTS.map((def, i) => (
        <figure key={def.title} className="fleet-chart" aria-label={`${def.title} over time`}>
          <figcaption>{def.title}</figcaption>
          <div
            className="fleet-chart-canvas"
            ref={(element) => {
              holders.current[i] = element;
            }}
          />
        </figure>
      ))}
    </div>
  );
}
