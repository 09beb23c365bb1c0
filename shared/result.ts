/**
 * Results cross process boundaries as values: an error thrown through
 * `ipcMain.handle` arrives with only its message, so nothing here throws.
 */
export type ErrorCode =
  | 'EADDRINUSE'
  | 'EACCES'
  | 'EADDRNOTAVAIL'
  | 'EMFILE'
  | 'BAD_HOST'
  | 'BAD_PORT'
  | 'BAD_ARGUMENT'
  | 'UNKNOWN_COMMAND'
  | 'ALREADY_RUNNING'
  | 'NOT_RUNNING'
  | 'NOT_STEPPING'
  | 'NOTHING_READY'
  | 'NO_SUCH_CONNECTION'
  | 'NO_SUCH_CLIENT'
  | 'FLEET_DOWN'
  | 'TRANSPORT'
  | 'BUSY'
  | 'MID_ITERATION'
  | 'SCENARIO_FAILED'
  | 'CAPTURE_FAILED'
  | 'NO_PYTHON'
  | 'NO_SUCH_FILE'
  | 'NOT_SUPPORTED'
  | 'BAD_RECORDING'
  | 'RECORDING'
  | 'REPLAY'
  | 'INTERNAL';

export interface LabError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: LabError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});
