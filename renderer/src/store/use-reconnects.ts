import { useEffect, useState } from 'react';
import type { Transport } from '../api';
import { useLabStore } from './lab-store';

/**
 * Follows the transport's link: a drop after the window was ready marks the store `lost`
 * (the banner says so); the link coming back bumps the returned generation, which remounts
 * the window so it reads a fresh snapshot as a reload would.
 */
export function useReconnects(transport: Pick<Transport, 'onStatus'>): number {
  const [generation, setGeneration] = useState(0);
  useEffect(
    () =>
      transport.onStatus((status) => {
        const { link, setLink } = useLabStore.getState();
        if (status === 'closed' && link === 'ready') setLink('lost');
        else if (status === 'open' && link === 'lost') setGeneration((g) => g + 1);
      }),
    [transport],
  );
  return generation;
}
