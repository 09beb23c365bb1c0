import { useMemo } from 'react';
import type { SocketId } from '../../../shared/engine';
import { useLabStore } from '../store/lab-store';

/**
 * The last Reveal's verdicts by socket ("readable:right writable:missed"), while its iteration
 * is the one on screen (halted inside it); null otherwise.
 */
export function useVerdicts(inIteration: boolean): ReadonlyMap<SocketId, string> | null {
  const revealed = useLabStore((s) => s.revealed);
  const current = useLabStore((s) => s.engine?.cursor?.iteration ?? null);
  return useMemo(() => {
    if (!inIteration || !revealed || revealed.n !== current) return null;
    const byId = new Map<SocketId, string[]>();
    for (const [key, verdict] of Object.entries(revealed.verdicts)) {
      const [mark, id] = key.split(':');
      const list = byId.get(Number(id)) ?? [];
      list.push(`${mark}:${verdict}`);
      byId.set(Number(id), list);
    }
    return new Map([...byId].map(([id, list]) => [id, list.join(' ')]));
  }, [inIteration, revealed, current]);
}
