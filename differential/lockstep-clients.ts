import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const DRIVER = fileURLToPath(new URL('./lockstep_clients.py', import.meta.url));

export type ClientCommand =
  | { op: 'connect'; names: string[]; port: number }
  | { op: 'send'; name: string; text: string }
  | { op: 'send'; name: string; size: number }
  | { op: 'shutdown'; name: string }
  | { op: 'close'; name: string }
  | { op: 'reset'; name: string }
  | { op: 'recv'; name: string; size: number }
  | { op: 'listen_queue'; port: number }
  | { op: 'wait_listen_queue'; port: number; at_least: number };

export type Answer = { ok: true } & Record<string, unknown>;

/**
 * The lockstep clients (lockstep_clients.py), one command at a time: each is
 * answered once the server's kernel holds its result.
 */
export class LockstepClients {
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>;
  private readonly answers: string[] = [];
  private waiting: { resolve: (line: string) => void; reject: (error: Error) => void } | null = null;
  private stderr = '';
  /** Client name by local port, for naming accepted connections. */
  readonly names = new Map<number, string>();

  constructor() {
    this.child = spawn('python3', [DRIVER], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const waiting = this.waiting;
      this.waiting = null;
      if (waiting) waiting.resolve(line);
      else this.answers.push(line);
    });
    this.child.once('exit', (code) => {
      this.waiting?.reject(new Error(`lockstep clients exited (${code}): ${this.stderr}`));
      this.waiting = null;
    });
  }

  async do(command: ClientCommand): Promise<Answer> {
    this.child.stdin.write(`${JSON.stringify(command)}\n`);
    const line = this.answers.shift() ?? (await this.nextLine());
    const answer = JSON.parse(line) as { ok: boolean; error?: string } & Record<string, unknown>;
    if (!answer.ok) throw new Error(`lockstep clients: ${JSON.stringify(command)} failed: ${answer.error}`);
    if (command.op === 'connect') {
      const ports = answer.ports as Record<string, number>;
      for (const [name, port] of Object.entries(ports)) this.names.set(port, name);
    }
    return answer as Answer;
  }

  /** The client's name for a peer port ("?" for a connection that is not ours). */
  readonly nameOf = (port: number): string => this.names.get(port) ?? '?';

  async quit(): Promise<void> {
    this.child.stdin.end(`${JSON.stringify({ op: 'quit' })}\n`);
    if (this.child.exitCode === null) await new Promise((done) => this.child.once('exit', done));
  }

  private nextLine(): Promise<string> {
    if (this.child.exitCode !== null)
      return Promise.reject(new Error(`lockstep clients exited: ${this.stderr}`));
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }
}
