import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fail, ok, type Result } from '../../shared/result';
import { seedSource } from '../../shared/seed';
import type { EngineSwitch } from '../host/engine-switch';
import type { ProgramPort } from '../host/program-port';
import { TracedServer } from './traced-server';

/**
 * Puts a real program where the window looks: the seed itself (Run the original: the code
 * panel's own text, run by python3) or a program the user picks in the desktop app's file
 * dialog. The shell decides whether this exists at all (see ProgramPort).
 */
export class ProgramSwitcher implements ProgramPort {
  private program: TracedServer | null = null;
  private seedDir: string | null = null;

  constructor(
    private readonly engines: EngineSwitch,
    /** The desktop app's file dialog; absent in the browser shell, which cannot pick local files for a program. */
    private readonly choose?: () => Promise<string | null>,
  ) {}

  async watch(which: 'original' | 'choose'): Promise<Result<null>> {
    let chosen: string | null = null;
    if (which === 'choose') {
      if (!this.choose)
        return fail(
          'NOT_SUPPORTED',
          'Picking a program needs the desktop app’s file dialog. In a browser, start it with npm run trace -- python3 server.py.',
        );
      chosen = await this.choose();
      if (chosen === null) return ok(null);
    }
    await this.leave();
    const server =
      chosen === null
        ? new TracedServer({ args: [this.writeSeed()] }, undefined, true)
        : new TracedServer({ args: [chosen], cwd: dirname(chosen) });
    // It starts as the user left the loop: halted before its first select() in Step mode.
    if (this.engines.lab.snapshot().mode === 'step') server.setMode('step');
    // The lab's own server would hold its port and its clients: it stops while a program is watched.
    await this.engines.lab.stop().catch(() => undefined);
    this.engines.use(server);
    this.program = server;
    const started = await server.start();
    if (!started.ok) {
      await this.unwatch();
      return started;
    }
    return ok(null);
  }

  async unwatch(): Promise<Result<null>> {
    await this.leave();
    this.engines.use(null);
    return ok(null);
  }

  /** The seed's temporary file goes with the program (Run the original), also when the shell closes. */
  dispose(): Promise<void> {
    return this.leave();
  }

  private async leave(): Promise<void> {
    const program = this.program;
    this.program = null;
    if (program) await program.stop().catch(() => undefined);
    if (this.seedDir) rmSync(this.seedDir, { recursive: true, force: true });
    this.seedDir = null;
  }

  /** The seed as the code panel shows it, bound to 127.0.0.1 on a free port, in a file python3 can run. */
  private writeSeed(): string {
    this.seedDir = mkdtempSync(join(tmpdir(), 'socket-lab-original-'));
    const path = join(this.seedDir, 'seed.py');
    writeFileSync(path, seedSource({ host: '127.0.0.1', port: 0, backlog: 5, recvSize: 1024 }));
    return path;
  }
}
