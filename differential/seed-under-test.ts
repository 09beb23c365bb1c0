import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { seedSource } from '../shared/seed';
import type { LockstepClients } from './lockstep-clients';
import type { Pass } from './pass';

const TRACER = fileURLToPath(new URL('../electron/tracer/python', import.meta.url));

/** What the tracer (electron/tracer/python/sitecustomize.py) reports, one object per line. */
type ShimEvent =
  | { ev: 'hello' }
  | { ev: 'listen'; fd: number; port: number }
  | { ev: 'select'; r: number[]; w: number[]; x: number[] }
  | { ev: 'probe'; r?: number[]; w?: number[]; x?: number[]; exc?: string }
  | { ev: 'ready'; r: number[]; w: number[]; x: number[] }
  | { ev: 'accept'; fd: number; new: number; peer: [string, number] }
  | { ev: 'recv'; fd: number; n: number }
  | { ev: 'send'; fd: number; size: number; n: number }
  | { ev: 'raise'; call: string; fd: number; exc: string }
  | { ev: 'close'; fd: number }
  | { ev: 'crash'; exc: string; traceback: string }
  | { ev: 'exit' };

/**
 * The real seed: the code panel's text (shared/seed.ts) run by python3 under the
 * lab's tracer, halted before each select() until told to go.
 */
export class SeedUnderTest {
  port = 0;
  private readonly child: ChildProcess;
  private readonly channel: Duplex;
  private readonly events: ShimEvent[] = [];
  private wake: (() => void) | null = null;
  private exited = false;
  private stderr = '';
  /** The select() call the seed is halted at: the lists passed in. */
  private halted: { r: number[]; w: number[]; x: number[] } | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'socketlab-seed-'));

  private constructor(private readonly clients: LockstepClients) {
    const program = join(this.dir, 'seed.py');
    writeFileSync(program, seedSource({ host: '127.0.0.1', port: 0, backlog: 5, recvSize: 1024 }));
    this.child = spawn('python3', ['-S', join(TRACER, 'launch.py'), program], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONPATH: TRACER, SOCKETLAB_TRACE_FD: '3', SOCKETLAB_TRACE_STEP: '1' },
    });
    this.channel = this.child.stdio[3] as Duplex;
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    createInterface({ input: this.channel }).on('line', (line) => {
      this.events.push(JSON.parse(line) as ShimEvent);
      this.notify();
    });
    this.child.once('exit', () => {
      this.exited = true;
      this.events.push({ ev: 'exit' });
      this.notify();
    });
  }

  static async start(clients: LockstepClients): Promise<SeedUnderTest> {
    const seed = new SeedUnderTest(clients);
    const listening = await seed.next('listen');
    seed.port = listening.port;
    seed.halted = await seed.next('select');
    return seed;
  }

  /** One pass: asks what select() would return; if something, lets it run to the next select(). */
  async step(): Promise<Pass | 'blocks'> {
    const lists = this.halted;
    if (!lists || this.exited) return 'blocks';
    this.command('probe');
    const probe = await this.next('probe');
    const ready = (probe.r?.length ?? 0) + (probe.w?.length ?? 0) + (probe.x?.length ?? 0) > 0;
    if (!ready && probe.exc === undefined) return 'blocks';
    this.command('go');
    const pass: Pass = { inputs: lists.r, outputs: lists.w, returned: { raises: '' }, calls: [] };
    this.halted = null;
    for (;;) {
      const event = await this.next();
      switch (event.ev) {
        case 'ready':
          pass.returned = { readable: event.r, writable: event.w, exceptional: event.x };
          break;
        case 'accept':
          pass.calls.push(`accept ${event.new} ${this.clients.nameOf(event.peer[1])}`);
          break;
        case 'recv':
          pass.calls.push(`recv ${event.fd} ${event.n === 0 ? "b''" : event.n}`);
          break;
        case 'send':
          pass.calls.push(`send ${event.fd} ${event.n}/${event.size}`);
          break;
        case 'raise':
          if (event.call === 'select') pass.returned = { raises: event.exc };
          else pass.calls.push(`${event.call} ${event.fd} raises ${event.exc}`);
          break;
        case 'close':
          pass.calls.push(`close ${event.fd}`);
          break;
        case 'crash':
          pass.calls.push(`crash ${event.exc}`);
          break;
        case 'select':
          this.halted = event;
          return pass;
        case 'exit':
          return pass;
      }
    }
  }

  /** Connections waiting in the seed's accept queue: the kernel's own count (/proc/net/tcp). */
  async acceptQueue(): Promise<number> {
    const answer = await this.clients.do({ op: 'listen_queue', port: this.port });
    return answer.queued as number;
  }

  async waitForAcceptQueue(atLeast: number): Promise<void> {
    await this.clients.do({ op: 'wait_listen_queue', port: this.port, at_least: atLeast });
  }

  /** What python3 printed on stderr (a crash's traceback). */
  get output(): string {
    return this.stderr;
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      this.child.kill('SIGKILL');
      await this.next('exit').catch(() => undefined);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private command(cmd: 'probe' | 'go'): void {
    this.channel.write(`${JSON.stringify({ cmd })}\n`);
  }

  /** The next event (of a kind, skipping others), or an error once the seed has exited. */
  private async next<K extends ShimEvent['ev']>(kind?: K): Promise<Extract<ShimEvent, { ev: K }>> {
    for (;;) {
      const event = this.events.shift();
      if (event) {
        if (kind === undefined || event.ev === kind) return event as Extract<ShimEvent, { ev: K }>;
        if (event.ev === 'exit')
          throw new Error(`the seed exited while waiting for "${kind}": ${this.stderr}`);
        continue;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
