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
import { breakpointSchema } from './breakpoints';
import { SCENARIO_IDS, type ScenarioReport } from './scenarios';

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
  runUntil: 'loop:run-until',
  closeConnection: 'connection:close',
  runScenario: 'lab:run-scenario',
  watchProgram: 'program:watch',
  watchEngine: 'program:unwatch',
  startRecording: 'recording:start',
  stopRecording: 'recording:stop',
  delta: 'lab:delta',
} as const;

/**
 * The desktop app's own channels, beside the lab's (DesktopApi below): what only Electron's
 * main process can do — capture the window, and the recording files: its dialog, and reads
 * of what the user chose.
 */
export const DESKTOP_CHANNELS = {
  exportImage: 'window:export-image',
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

/** A whole number from `min` to `max`, with messages a person can act on ("Clients must be a number."). */
const wholeNumber = (name: string, min: number, max: number, unit = '') =>
  z
    .number({ error: `${name} must be a number.` })
    .int(`${name} must be a whole number.`)
    .min(min, `${name} must be at least ${min.toLocaleString('en-US')}${unit}.`)
    .max(max, `${name} must be at most ${max.toLocaleString('en-US')}${unit}.`);

export const spawnSchema = z.strictObject({
  count: wholeNumber('Clients', 1, 10_000),
  behaviour: z.enum(BEHAVIOURS, { error: `Behaviour must be one of ${BEHAVIOURS.join(', ')}.` }),
  messageSize: wholeNumber('Message size', 1, 16 * MiB, ' bytes'),
  /** Pause between messages; 0 sends as fast as the echo comes back. */
  intervalMs: wholeNumber('Interval', 0, 3_600_000, ' ms'),
  /** New connections per second while ramping up. */
  connectRate: wholeNumber('Connect rate', 1, 100_000, ' a second'),
  /** Close after this long (0 = never), then reconnect if asked. */
  lifetimeMs: wholeNumber('Lifetime', 0, 86_400_000, ' ms'),
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
  runUntil: breakpointSchema,
  /** The user's Close (FIN) or Reset (RST) of one connection, from the Connection panel. */
  closeConnection: z.strictObject({
    id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    how: z.enum(['close', 'reset']),
  }),
  /** Sets a scenario up; `host` and `port` are where to start the server when it is stopped. */
  runScenario: z.strictObject({ scenario: z.enum(SCENARIO_IDS), host: hostSchema, port: portSchema }),
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
  runUntil: null;
  closeConnection: null;
  runScenario: ScenarioReport;
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
 * The desktop app's recording files: the main process opens the dialog, and the window reads
 * only files the user chose there (or the lab's own recordings, by name). The browser shell
 * has no such thing: a file picker gives the page the file, and a download gives the user a
 * recording.
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

/** A PNG of the window for slides; `name` is the file name offered in the save dialog. */
export const exportImageSchema = z.strictObject({
  name: z
    .string()
    .max(120)
    .regex(
      /^[\w .-]+\.png$/,
      'The file name must end in .png and use letters, digits, spaces, dots or dashes.',
    ),
});
export type ExportImageArgs = z.infer<typeof exportImageSchema>;

/**
 * What only the desktop app can do, exposed by its preload beside LabApi (as `window.labDesktop`):
 * its recording files, and Export image, which captures the window itself
 * (webContents.capturePage) and saves it where the user says (`path` null: the user cancelled).
 */
export interface DesktopApi extends DesktopFiles {
  exportImage(args: ExportImageArgs): Promise<Result<{ path: string | null }>>;
}
