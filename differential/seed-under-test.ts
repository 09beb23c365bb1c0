import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSource } from '../shared/seed';
import { TracedProgram } from '../electron/tracer/program';
import type { ShimEvent } from '../electron/tracer/shim-events';
import type { LockstepClients } from './lockstep-clients';
import type { Pass } from './pass';

type Event = ShimEvent | { ev: 'exit' };

/**
 * The real seed: the code panel's text (shared/seed.ts) run by python3 under the
 * lab's tracer, halted before each select() until told to go.
 */
export class SeedUnderTest {
  port = 0;
  private readonly events: Event[] = [];
  private wake: (() => void) | null = null;
  private exited = false;
  /** The select() call the seed is halted at: the lists passed in. */
  private halted: { r: number[]; w: number[]; x: number[] } | null = null;

  private constructor(
    private readonly clients: LockstepClients,
    private readonly program: TracedProgram,
    private readonly dir: string,
  ) {
    program.on('event', (event) => this.push(event));
    program.on('exit', () => {
      this.exited = true;
      this.push({ ev: 'exit' });
    });
  }

  static async start(clients: LockstepClients): Promise<SeedUnderTest> {
    const dir = mkdtempSync(join(tmpdir(), 'socketlab-seed-'));
    const path = join(dir, 'seed.py');
    writeFileSync(path, seedSource({ host: '127.0.0.1', port: 0, backlog: 5, recvSize: 1024 }));
    const program = await TracedProgram.start({ args: [path], step: true });
    if (!program.ok) throw new Error(program.error.message);
    const seed = new SeedUnderTest(clients, program.value, dir);
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
    return this.program.stderr;
  }

  async stop(): Promise<void> {
    await this.program.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private command(cmd: 'probe' | 'go'): void {
    this.program.command(cmd);
  }

  private push(event: Event): void {
    this.events.push(event);
    this.notify();
  }

  /** The next event (of a kind, skipping others), or an error once the seed has exited. */
  private async next<K extends Event['ev']>(kind?: K): Promise<Extract<Event, { ev: K }>> {
    for (;;) {
      const event = this.events.shift();
      if (event) {
        if (kind === undefined || event.ev === kind) return event as Extract<Event, { ev: K }>;
        if (event.ev === 'exit')
          throw new Error(`the seed exited while waiting for "${kind}": ${this.output}`);
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
