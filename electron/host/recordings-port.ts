import type { Recordings } from '../recording/recordings';

/** What the host drives of the recordings (electron/recording/): injected, like the fleet, so a host runs without. */
export type RecordingsPort = Pick<Recordings, 'start' | 'stop' | 'status' | 'dispose' | 'on'>;
