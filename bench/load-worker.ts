/**
 * A load generator process (forked by the bench): opens the case's clients,
 * waits for "go", runs warm-up then the measured window, reports, closes all.
 */
import type { Socket } from 'node:net';
import { PingPongClient, StormClient, StreamClient } from './clients';
import { Meter } from './meter';
import type { FromWorker, LoadSpec, ToWorker } from './protocol';

interface Case {
  spec: LoadSpec;
  meter: Meter;
  clients: Set<{ socket: Socket }>;
  timers: NodeJS.Timeout[];
  done: boolean;
}

let current: Case | null = null;

function send(message: FromWorker): void {
  process.send?.(message);
}

/** Ping-pong and stream: open every connection (ping-pong: and echo once) first, so connect time is not measured. */
function connect(spec: LoadSpec): void {
  const meter = new Meter();
  const run: Case = { spec, meter, clients: new Set(), timers: [], done: false };
  current = run;
  if (spec.workload === 'storm') {
    send({ type: 'connected', connected: 0, failed: 0 });
    return;
  }
  let connected = 0;
  let failed = 0;
  let reported = false;
  const report = (): void => {
    if (reported) return;
    reported = true;
    send({ type: 'connected', connected, failed });
  };
  const settle = (): void => {
    if (connected + failed === spec.connections) report();
  };
  for (let i = 0; i < spec.connections; i++) {
    let isReady = false;
    const onReady = (): void => {
      isReady = true;
      connected++;
      settle();
    };
    const client =
      spec.workload === 'stream'
        ? new StreamClient(spec, spec.firstClient + i, meter, onReady)
        : new PingPongClient(spec, spec.firstClient + i, meter, onReady);
    run.clients.add(client);
    client.socket.once('close', () => {
      if (isReady) return;
      failed++;
      settle();
    });
  }
  // Slow accepts (a backlog of 5) must not hold the case: late connections join when they can.
  run.timers.push(setTimeout(report, spec.connectTimeoutMs));
}

function go(run: Case): void {
  const { spec, meter } = run;
  meter.running = true;
  if (spec.warmupMs > 0) run.timers.push(setTimeout(() => meter.startWindow(), spec.warmupMs));
  else meter.startWindow();
  run.timers.push(setTimeout(() => finish(run), spec.warmupMs + spec.durationMs));
  if (spec.workload === 'storm') storm(run);
  else for (const client of run.clients) (client as PingPongClient | StreamClient).begin();
}

/** At most `connections` open at once, `total` in all, each one round trip then close. */
function storm(run: Case): void {
  const { spec, meter } = run;
  let launched = 0;
  const launch = (): void => {
    while (meter.running && run.clients.size < spec.connections && launched < spec.total) {
      const client = new StormClient(spec, spec.firstClient + launched++, meter, () => {});
      run.clients.add(client);
      client.socket.once('close', () => {
        run.clients.delete(client);
        if (launched === spec.total && run.clients.size === 0) finish(run);
        else launch();
      });
    }
  };
  launch();
}

function finish(run: Case): void {
  if (run.done) return;
  run.done = true;
  run.meter.running = false;
  for (const timer of run.timers) clearTimeout(timer);
  const result = run.meter.result();
  for (const client of run.clients) client.socket.destroy();
  run.clients.clear();
  if (current === run) current = null;
  send({ type: 'result', result });
}

process.on('message', (message: ToWorker) => {
  if (message.type === 'connect') connect(message.spec);
  else if (message.type === 'go' && current) go(current);
  else if (message.type === 'stop' && current) finish(current);
});
process.on('disconnect', () => process.exit(0));
