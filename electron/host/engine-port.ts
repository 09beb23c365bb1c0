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
  | 'history'
  | 'inspect'
  | 'connectionView'
  | 'takeChanges'
  | 'on'
  | 'runUntil'
  | 'closeConnection'
  | 'pending'
>;
