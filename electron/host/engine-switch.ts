import type { Breakpoint } from '../../shared/breakpoints';
import type { EngineSnapshot, EngineState, Mode } from '../../shared/engine';
import { fail, type Result } from '../../shared/result';
import { Events } from '../lab/events';
import type { EngineEvents } from '../lab/select-server';
import { teachingOf, type EnginePort, type TeachingEngine } from './engine-port';

const notHere = (what: string): Result<never> =>
  fail('NOT_SUPPORTED', `${what} works on the lab's own engine: a real program runs its own code.`);

/**
 * The engine the host shows, switchable: the lab's own, or a real program under the
 * tracer. It passes every call to the one in use and its events on, and numbers runs
 * across switches, so the window starts afresh when what it shows changes.
 */
export class EngineSwitch implements TeachingEngine {
  private readonly events = new Events<EngineEvents>();
  private current: EnginePort;
  private unlisten: () => void = () => undefined;
  private runs = 0;
  private lastRun = -1;
  private lastTarget: EnginePort | null = null;

  constructor(readonly lab: EnginePort) {
    this.current = lab;
    this.listen();
  }

  /** What runs now: the lab's engine, or a program. */
  get target(): EnginePort {
    return this.current;
  }

  /** Shows `next` from now on (the lab's engine when null); the previous one is the caller's to stop. */
  use(next: EnginePort | null): void {
    this.unlisten();
    this.current = next ?? this.lab;
    this.listen();
    this.events.emit('state', null);
  }

  on<K extends keyof EngineEvents>(event: K, listener: (payload: EngineEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  start(host: string, port: number) {
    return this.current.start(host, port);
  }

  stop() {
    return this.current.stop();
  }

  setMode(mode: Mode): Result<null> {
    return this.current.setMode(mode);
  }

  setFidelity(...args: Parameters<EnginePort['setFidelity']>) {
    return this.current.setFidelity(...args);
  }

  setOptions(...args: Parameters<EnginePort['setOptions']>) {
    return this.current.setOptions(...args);
  }

  step() {
    return this.current.step();
  }

  stepAction() {
    return this.current.stepAction();
  }

  snapshot(): EngineSnapshot {
    return this.renumbered(this.current.snapshot());
  }

  state(): EngineState {
    return this.renumbered(this.current.state());
  }

  /** Runs numbered across both engines: a switch starts a new run, as a restart does. */
  private renumbered<T extends EngineState>(state: T): T {
    if (state.run !== this.lastRun || this.current !== this.lastTarget) {
      this.runs++;
      this.lastRun = state.run;
      this.lastTarget = this.current;
    }
    return { ...state, run: this.runs };
  }

  history() {
    return this.current.history();
  }

  inspect(...args: Parameters<EnginePort['inspect']>) {
    return this.current.inspect(...args);
  }

  connectionView(...args: Parameters<EnginePort['connectionView']>) {
    return this.current.connectionView(...args);
  }

  takeChanges() {
    return this.current.takeChanges();
  }

  queueSizes() {
    return this.current.queueSizes();
  }

  /** Run until, Close and Reset belong to the lab's own engine; a watched program refuses them. */
  runUntil(breakpoint: Breakpoint): Result<null> {
    const teaching = teachingOf(this.current);
    return teaching ? teaching.runUntil(breakpoint) : notHere('Run until');
  }

  closeConnection(id: number, how: 'close' | 'reset'): Result<null> {
    const teaching = teachingOf(this.current);
    return teaching ? teaching.closeConnection(id, how) : notHere('Close and Reset');
  }

  pending() {
    return teachingOf(this.current)?.pending() ?? null;
  }

  private listen(): void {
    const target = this.current;
    const offs = [
      target.on('iteration', (record) => this.events.emit('iteration', record)),
      target.on('action', (action) => this.events.emit('action', action)),
      target.on('state', () => this.events.emit('state', null)),
      target.on('notice', (notice) => this.events.emit('notice', notice)),
    ];
    this.unlisten = () => offs.forEach((off) => off());
  }
}
