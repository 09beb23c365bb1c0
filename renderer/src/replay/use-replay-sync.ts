import { useEffect } from 'react';
import { useLabStore } from '../store/lab-store';
import { useFiles } from './files-context';
import { openReplay } from './open-replay';

/**
 * Keeps the replay bar told where the replay stands, and opens what the desktop app's
 * menu chose (File → Open Recording…).
 */
export function useReplaySync(): void {
  const source = useLabStore((s) => s.replay?.source ?? null);
  const files = useFiles();
  useEffect(() => source?.onInfo((info) => useLabStore.getState().setReplayInfo(info)), [source]);
  useEffect(() => files.onOpened?.((opened) => void openReplay(opened)), [files]);
}

/**
 * Marks the first frame a replay draws (`replay:first-frame`, after `replay:open`), for the
 * open-time measurement (bench/recording/open-time.ts): the paint after its first snapshot.
 */
export function useFirstFrameMark(): void {
  const source = useLabStore((s) => s.replay?.source ?? null);
  const ready = useLabStore((s) => s.link === 'ready' && s.engine !== null);
  useEffect(() => {
    if (source && ready) requestAnimationFrame(() => performance.mark('replay:first-frame'));
  }, [source, ready]);
}
