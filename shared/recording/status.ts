/** What the window shows about recording: the one under way, the last one made, and where they are kept. */
export interface RecordingStatus {
  active: {
    name: string;
    startedAt: number;
    iterations: number;
    bytes: number;
    /**
     * Other programs kept every core busy and the idle-priority disk thread starved: one at a
     * fair share of the CPU writes now (electron/recording/disk-queue.ts). Absent otherwise.
     */
    busy?: true;
  } | null;
  /** The last recording finished: to download, show or open. */
  last: { name: string; iterations: number; bytes: number; error: string | null } | null;
  /** Where the lab keeps recordings, as the host names it. */
  folder: string;
}

/** The name the lab gives a recording it makes: the only names the shells hand out or serve. */
export const RECORDING_NAME = /^socket-lab-\d{4}-\d{2}-\d{2}-\d{6}(-\d{1,3})?\.slrec\.gz$/;
