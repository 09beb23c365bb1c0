import { useEffect, useState } from 'react';
import type { Transport } from '../api';
import { useLabStore } from './lab-store';

/**
 * Follows the transport's link: a drop after the window was ready marks the store `lost`
 * (the banner says so, with the server's reason when it gave one), a token the shell no
 * longer accepts marks it `refused` (the banner says how to get the new URL); the link coming back bumps the returned generation, which remounts
 * the window so it reads a fresh snapshot as a reload would.
 */
export function useReconnects(transport: Pick<Transport, 'onStatus'>): number {
  const [generation, setGeneration] = useState(0);
  useEffect(
    () =>
      transport.onStatus((status, reason) => {
        const { link, setLink } = useLabStore.getState();
        // The server's reason (it dropped a window that fell behind) is worth keeping over a bare retry.
        if (status === 'closed' && (link === 'ready' || (link === 'lost' && reason))) setLink('lost', reason);
        else if (status === 'refused') setLink('refused', reason);
        else if (status === 'open' && (link === 'lost' || link === 'refused')) setGeneration((g) => g + 1);
      }),
    [transport],
  );
  return generation;
}
