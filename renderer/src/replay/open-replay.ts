import type { ByteSource } from '../../../shared/recording/byte-source';
import { Replay } from '../../../shared/recording/replay';
import { useLabStore } from '../store/lab-store';
import { ReplaySource } from './replay-source';

/**
 * Opens a file as a replay: looked over first (a bad file is refused with its reason, and
 * whatever the window showed stays as it was), then shown in place of the live lab.
 */
export async function openReplay(source: ByteSource): Promise<boolean> {
  performance.mark('replay:open');
  const store = useLabStore.getState();
  store.setOpening(source.name);
  const replay = await Replay.open(source);
  if (!replay.ok) {
    source.close?.();
    // The reader's messages mostly start with the file's name already.
    const { message } = replay.error;
    const named = message.startsWith(source.name) ? message : `${source.name}: ${message}`;
    useLabStore.getState().setOpening(null, `Not opened. ${named}`);
    return false;
  }
  useLabStore.getState().openReplay(new ReplaySource(replay.value, source.name));
  return true;
}
