import { parseLesson, type Parsed } from './parse';

/** The lessons that come with the lab (lessons/*.json at the repository's root), by file name. */
const FILES = import.meta.glob('../../../../lessons/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface ShippedLesson {
  file: string;
  parsed: Parsed;
}

/** Every shipped lesson, in file-name order, each parsed (a broken one carries its error). */
export const SHIPPED_LESSONS: readonly ShippedLesson[] = Object.entries(FILES)
  .map(([path, raw]) => {
    const file = path.slice(path.lastIndexOf('/') + 1);
    return { file, parsed: parseLesson(file, String(raw)) };
  })
  .sort((a, b) => a.file.localeCompare(b.file));
