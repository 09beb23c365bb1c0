import type { SelectServer } from '../lab/select-server';

/**
 * The part of the engine's SelectServer (electron/lab/) the host drives. Picked from the
 * class itself (a type-only import: no engine code comes with it), so it cannot drift
 * from the engine's signatures, and the host still names only what it uses.
 */
export type EnginePort = Pick<
  SelectServer,
  | 'start'
  | 'stop'
  | 'setMode'
  | 'setFidelity'
  | 'setOptions'
  | 'step'
  | 'stepAction'
  | 'snapshot'
  | 'state'
  | 'history'
  | 'inspect'
  | 'connectionView'
  | 'takeChanges'
  | 'queueSizes'
  | 'on'
>;

/**
 * What Run until, Close and Reset, and the scenarios need beyond it. The lab's own engine has
 * them; a real program under the tracer does not (it runs its own code), and says so.
 */
export type TeachingPort = Pick<SelectServer, 'runUntil' | 'closeConnection' | 'pending'>;
export type TeachingEngine = EnginePort & TeachingPort;

/** The engine, if it can be taught with (has Run until, Close and Reset); null otherwise. */
export const teachingOf = (engine: EnginePort): TeachingEngine | null =>
  'runUntil' in engine && 'closeConnection' in engine && 'pending' in engine
    ? (engine as TeachingEngine)
    : null;
