import { useEffect, useMemo, useRef } from 'react';
import type { ProgramView } from '../../../shared/engine';
import { tintPython } from './python-tokens';
import { ScrollList } from './ScrollList';

/** A watched program's own source, with the line that made its last select() call lit. */
export function ProgramSource({ program }: { program: ProgramView }) {
  const lines = useMemo(() => program.file?.text.split('\n') ?? [], [program.file]);
  const codeRef = useRef<HTMLOListElement>(null);
  const at = program.selectLine;
  // Keep the select() call in view, as the seed's panel keeps its line.
  useEffect(() => {
    const code = codeRef.current;
    const line = code?.querySelector<HTMLElement>(`[data-line="${at}"]`);
    if (code && line) code.scrollTop = line.offsetTop - code.clientHeight / 2 + line.offsetHeight;
  }, [at]);
  return (
    <section className="panel code-panel" aria-label="Code">
      <header className="panel-header">
        <h2>The loop</h2>
        <span className="muted">
          {program.file ? program.file.path : 'the program’s source could not be read'}
          {at !== null ? ` · lit: its select() call, line ${at}` : ''}
        </span>
      </header>
      <ScrollList ref={codeRef} className="code" label="Program source">
        {lines.map((text, index) => {
          const line = index + 1;
          return (
            <li
              key={line}
              className={line === at ? 'code-line lit here' : 'code-line'}
              data-line={line}
              aria-current={line === at ? 'step' : undefined}
            >
              <span className="line-no" aria-hidden="true">
                {line}
              </span>
              <code>{tintPython(text)}</code>
            </li>
          );
        })}
      </ScrollList>
    </section>
  );
}
