import { z } from 'zod';
import type {
  ConnectionDetail,
  EngineOptions,
  EngineSnapshot,
  IterationRecord,
  Action,
  ServerStatus,
  SocketId,
} from './engine';
import type { ClientView, FleetSummary } from './fleet';
import { BEHAVIOURS } from './fleet';
import type { RecordingStatus } from './recording/status';
import type { Result } from './result';

/**
 * The one contract between the engine and the UI. Channel names live here
 * and nowhere else; arguments are validated with these schemas at every
 * boundary (IPC, WebSocket), because types vanish there.
 */
export const CHANNELS = {
  startServer: 'server:start',
  stopServer: 'server:stop',
  setMode: 'loop:set-mode',
  step: 'loop:step',
  stepAction: 'loop:step-action',
  setFidelity: 'engine:set-fidelity',
  setOptions: 'engine:set-options',
  snapshot: 'lab:snapshot',
  inspect: 'connection:inspect',
  spawnClients: 'clients:spawn',
  stopClients: 'clients:stop',
  sendFromClient: 'clients:send',
  watchProgram: 'program:watch',
  watchEngine: 'program:unwatch',
  startRecording: 'recording:start',
  stopRecording: 'recording:stop',
  delta: 'lab:delta',
  // The desktop app's recording files (DesktopFiles below): its dialog, and reads of what the user chose.
  chooseRecording: 'recording:choose',
  openSavedRecording: 'recording:open-saved',
  readRecording: 'recording:read',
  closeRecording: 'recording:close',
  showSavedRecording: 'recording:show',
  recordingOpened: 'recording:opened',
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

const MiB = 1024 * 1024;
/** A whole number from 1 to `max`: a byte size or a count. */
const count = (max: number) => z.number().int().min(1).max(max);
const empty = z.strictObject({});

export const hostSchema = z
  .string()
  .trim()
  .min(1, 'Host is empty: enter an address such as 127.0.0.1.')
  .max(253, 'Host is longer than any host name can be.');

export const portSchema = z
  .number({ error: 'Port must be a number.' })
  .int('Port must be a whole number.')
  .min(0, 'Port must be 0 or more.')
  .max(65535, 'Port must be at most 65535.');

export const optionsSchema = z.strictObject({
  /** Linux caps a backlog at net.core.somaxconn (4096 by default). */
  backlog: z.number().int().min(0).max(4096),
  recvSize: count(MiB),
  recvBufferSize: count(64 * MiB),
  sendBufferSize: count(64 * MiB),
  noDelay: z.boolean(),
  queueCap: count(1024 * MiB),
  totalQueueCap: count(4096 * MiB),
  maxConnections: count(100_000),
  stopOnCrash: z.boolean(),
  slowDelayMs: z.number().int().min(0).max(60_000),
  historySize: count(100_000),
}) satisfies z.ZodType<EngineOptions>;

export const spawnSchema = z.strictObject({
  count: count(10_000),
  behaviour: z.enum(BEHAVIOURS),
  messageSize: count(16 * MiB),
  /** Pause between messages; 0 sends as fast as the echo comes back. */
  intervalMs: z.number().int().min(0).max(3_600_000),
  /** New connections per second while ramping up. */
  connectRate: count(100_000),
  /** Close after this long (0 = never), then reconnect if asked. */
  lifetimeMs: z.number().int().min(0).max(86_400_000),
  reconnect: z.boolean(),
  /**
   * Where they connect, when not the lab's own server (a program of yours, another server):
   * this machine only, so the window can never make the lab connect elsewhere.
   */
  target: z
    .strictObject({
      host: z.enum(['127.0.0.1', '::1', 'localhost'], {
        error: 'Test clients connect to this machine only: 127.0.0.1, ::1 or localhost.',
      }),
      port: z.number().int().min(1).max(65535),
    })
    .optional(),
});
export type SpawnSpec = z.infer<typeof spawnSchema>;

export const argSchemas = {
  startServer: z.strictObject({ host: hostSchema, port: portSchema }),
  stopServer: empty,
  setMode: z.strictObject({ mode: z.enum(['run', 'slow', 'step']) }),
  step: empty,
  stepAction: empty,
  setFidelity: z.strictObject({ fidelity: z.enum(['safe', 'tutorial']) }),
  setOptions: optionsSchema.partial(),
  snapshot: empty,
  inspect: z.strictObject({ id: z.number().int().min(0) }),
  spawnClients: spawnSchema,
  stopClients: empty,
  sendFromClient: z.strictObject({
    clientId: z.number().int().min(0),
    data: z.string().max(1024 * 1024),
    encoding: z.enum(['text', 'hex']),
  }),
  /** Watch a real program instead of the engine: the seed itself, or one the user picks (desktop app). */
  watchProgram: z.strictObject({ program: z.enum(['original', 'choose']) }),
  /** Back to the lab's own engine. */
  watchEngine: empty,
  startRecording: empty,
  stopRecording: empty,
} as const;

export type CommandName = keyof typeof argSchemas;
export type CommandArgs<K extends CommandName> = z.infer<(typeof argSchemas)[K]>;

/** Everything the UI needs to draw itself from scratch. */
export interface LabSnapshot {
  engine: EngineSnapshot;
  history: IterationRecord[];
  clients: ClientView[];
  fleet: FleetSummary;
  /** Recording, where the shell keeps recordings (a replay has none). */
  recording?: RecordingStatus;
}

export interface CommandResults {
  startServer: ServerStatus;
  stopServer: ServerStatus;
  setMode: null;
  step: IterationRecord;
  stepAction: Action;
  setFidelity: null;
  setOptions: EngineOptions;
  snapshot: LabSnapshot;
  inspect: ConnectionDetail;
  spawnClients: { ids: number[] };
  stopClients: null;
  sendFromClient: null;
  watchProgram: null;
  watchEngine: null;
  startRecording: RecordingStatus;
  stopRecording: RecordingStatus;
}

/** A notice shown next to what caused it: an error, a warning, a crash the original would have had. */
export interface Notice {
  level: 'info' | 'warning' | 'error';
  code: string;
  message: string;
  at: number;
}

/**
 * Changes since the previous batch. Batches go out at most ~60 a second;
 * `iterations` holds the newest records, `coalesced` counts the ones left out.
 */
export interface LabDelta {
  seq: number;
  /** The engine state fields that changed (connections excluded). */
  engine: Partial<Omit<EngineSnapshot, 'connections'>>;
  connections: EngineSnapshot['connections'];
  removed: SocketId[];
  iterations: IterationRecord[];
  /** Iteration records this batch covers but does not carry. */
  coalesced: number;
  clients: ClientView[];
  clientsRemoved: number[];
  fleet: FleetSummary | null;
  notices: Notice[];
  /** The recording's status, when it changed. */
  recording?: RecordingStatus;
}

type Method<K extends CommandName> = (args: CommandArgs<K>) => Promise<Result<CommandResults[K]>>;

/** What the renderer talks to, whichever shell it runs in. */
export type LabApi = { [K in CommandName]: Method<K> } & {
  /** Subscribe to batches; returns the unsubscribe function. */
  onDelta(listener: (delta: LabDelta) => void): () => void;
};

export const COMMAND_NAMES = Object.keys(argSchemas) as CommandName[];

/** A file the desktop app's main process opened for the window to read (a replay's source). */
export interface OpenedFile {
  handle: number;
  name: string;
  size: number;
}

/** Bytes one read of an opened file may return. */
export const MAX_READ_BYTES = 8 * 1024 * 1024;

export const fileArgSchemas = {
  openSavedRecording: z.strictObject({ name: z.string().max(100) }),
  readRecording: z.strictObject({
    handle: z.number().int().min(1),
    offset: z.number().int().min(0),
    length: z.number().int().min(0).max(MAX_READ_BYTES),
  }),
  closeRecording: z.strictObject({ handle: z.number().int().min(1) }),
  showSavedRecording: z.strictObject({ name: z.string().max(100) }),
} as const;

/**
 * The desktop app's recording files, beside the LabApi (window.labFiles): the main process
 * opens the dialog, and the window reads only files the user chose there (or the lab's own
 * recordings, by name). The browser shell has no such thing: a file picker gives the page
 * the file, and a download gives the user a recording.
 */
export interface DesktopFiles {
  /** The Open dialog; null when the user cancelled. */
  chooseRecording(): Promise<Result<OpenedFile | null>>;
  /** One of the lab's own recordings, by the name its status gave. */
  openSavedRecording(args: z.infer<typeof fileArgSchemas.openSavedRecording>): Promise<Result<OpenedFile>>;
  readRecording(args: z.infer<typeof fileArgSchemas.readRecording>): Promise<Result<Uint8Array>>;
  closeRecording(args: z.infer<typeof fileArgSchemas.closeRecording>): Promise<Result<null>>;
  /** Shows one of the lab's recordings in the file manager. */
  showSavedRecording(args: z.infer<typeof fileArgSchemas.showSavedRecording>): Promise<Result<null>>;
  /** A file chosen from the menu (File → Open Recording…); returns the unsubscribe. */
  onRecordingOpened(listener: (file: OpenedFile) => void): () => void;
}
