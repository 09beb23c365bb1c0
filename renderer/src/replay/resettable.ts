import type { LabApi, LabSnapshot } from '../../../shared/contract';
import type { Action } from '../../../shared/engine';

/** A jump: the window redraws from `snapshot`, with `trail` the Step action trail. */
export type ResetListener = (snapshot: LabSnapshot, trail: Action[]) => void;

/** A source that can jump (a replay): besides batches, it may hand the window a fresh snapshot. */
export interface Resettable {
  onReset(listener: ResetListener): () => void;
}

export const isResettable = (api: LabApi): api is LabApi & Resettable =>
  typeof (api as Partial<Resettable>).onReset === 'function';
