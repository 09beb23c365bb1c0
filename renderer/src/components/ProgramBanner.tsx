import { useLabStore } from '../store/lab-store';

const API_NAMES = { select: 'select.select()', poll: 'poll()', epoll: 'epoll()' } as const;

/**
 * While the lab watches a real program: which call its loop makes, what the tracer wants
 * the user to know, and how it ended (its traceback, as Python printed it).
 */
export function ProgramBanner() {
  const program = useLabStore((s) => s.engine?.program ?? null);
  if (!program) return null;
  const { api, note, exit, traceback } = program;
  return (
    <section className="program-banner" aria-label="The program">
      <p>
        <strong>A real program, not the lab’s engine.</strong>{' '}
        {api
          ? `Each iteration is one call of its ${API_NAMES[api]}: the lists it passed in, the sets it got back, and its socket calls until the next.`
          : 'Waiting for its first select(), poll() or epoll() call.'}{' '}
        Its message queues are its own: the lab sees bytes in and out.
      </p>
      {note && (
        <p className="program-note" role="status">
          {note}
        </p>
      )}
      {exit && (
        <p className="program-exit" role="status">
          The program {exit}.
        </p>
      )}
      {traceback && (
        <details className="program-traceback" open>
          <summary>Its traceback</summary>
          <pre>{traceback}</pre>
        </details>
      )}
    </section>
  );
}
