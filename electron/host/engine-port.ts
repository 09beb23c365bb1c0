import type { Notice } from '../../shared/contract';
import type {
  Action,
  ConnectionDetail,
  ConnectionView,
  EngineOptions,
  EngineSnapshot,
  Fidelity,
  IterationRecord,
  Mode,
  ServerStatus,
  SocketId,
} from '../../shared/engine';
import type { Result } from '../../shared/result';

/**
 * The part of the engine's SelectServer (electron/lab/) the host drives. Written as an
 * interface so the host depends on the engine's promise, not on its file layout.
 */
export interface EnginePort {
  start(host: string, port: number): Promise<Result<ServerStatus>>;
  stop(): Promise<Result<ServerStatus>>;
  setMode(mode: Mode): Result<null>;
  setFidelity(fidelity: Fidelity): Result<null>;
  setOptions(patch: Partial<EngineOptions>): Result<EngineOptions>;
  step(): Result<IterationRecord>;
  stepAction(): Result<Action>;
  snapshot(): EngineSnapshot;
  history(): IterationRecord[];
  inspect(id: SocketId): Result<ConnectionDetail>;
  connectionView(id: SocketId): ConnectionView | undefined;
  takeChanges(): { changed: SocketId[]; removed: SocketId[] };
  on(event: 'iteration', listener: (record: IterationRecord) => void): () => void;
  on(event: 'action', listener: (action: Action) => void): () => void;
  on(event: 'state', listener: () => void): () => void;
  on(event: 'notice', listener: (notice: Notice) => void): () => void;
}
