import { createContext, useContext, type ReactNode } from 'react';
import type { RecordingFiles } from './files';

const FilesContext = createContext<RecordingFiles | null>(null);

/** Gives the replay's controls this shell's way with recording files. */
export function FilesProvider({ files, children }: { files: RecordingFiles; children: ReactNode }) {
  return <FilesContext.Provider value={files}>{children}</FilesContext.Provider>;
}

export function useFiles(): RecordingFiles {
  const files = useContext(FilesContext);
  if (!files) throw new Error('useFiles() needs a <FilesProvider> above it');
  return files;
}
