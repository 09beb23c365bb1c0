import { createContext, useContext, type ReactNode } from 'react';
import type { LabApi } from '../../../shared/contract';

const LabApiContext = createContext<LabApi | null>(null);

/** Gives every panel the one LabApi, whichever shell (or test) made it. */
export function LabApiProvider({ api, children }: { api: LabApi; children: ReactNode }) {
  return <LabApiContext.Provider value={api}>{children}</LabApiContext.Provider>;
}

/** The LabApi of the enclosing provider. */
export function useLabApi(): LabApi {
  const api = useContext(LabApiContext);
  if (!api) throw new Error('useLabApi() needs a <LabApiProvider> above it');
  return api;
}
