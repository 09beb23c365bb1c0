import { useRef, useState, type FormEvent } from 'react';
import { argSchemas } from '../../../shared/contract';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../../shared/engine';
import type { LabError } from '../../../shared/result';
import { useSend } from '../store/commands';
import { useLabStore } from '../store/lab-store';
import { FieldError } from './FieldError';
import { HOST_WARNING_ID, HostWarning, isExposedHost } from './HostWarning';
import { KeepFocusButton } from './KeepFocusButton';

const describedBy = (...ids: (string | false | undefined)[]): string | undefined =>
  ids.filter(Boolean).join(' ') || undefined;

/** Host, Port and Start/Stop Server, with the server's own error right under them. */
export function ServerControls() {
  const send = useSend();
  const state = useLabStore((s) => s.engine?.server.state ?? 'stopped');
  const serverError = useLabStore((s) => s.engine?.server.error ?? null);
  const startError = useLabStore((s) => s.errors.startServer);
  const stopError = useLabStore((s) => s.errors.stopServer);
  const boundHost = useLabStore((s) => s.engine?.server.host ?? DEFAULT_HOST);
  const boundPort = useLabStore((s) => s.engine?.server.port ?? DEFAULT_PORT);
  const [host, setHost] = useState(DEFAULT_HOST);
  const [port, setPort] = useState(String(DEFAULT_PORT));
  // A server already listening (another window started it, or a reload) shows where it listens.
  const listeningAt = state === 'listening' ? `${boundHost}:${boundPort}` : null;
  const [shownFor, setShownFor] = useState<string | null>(null);
  if (listeningAt !== shownFor) {
    setShownFor(listeningAt);
    if (listeningAt) {
      setHost(boundHost);
      setPort(String(boundPort));
    }
  }
  const [formError, setFormError] = useState<LabError | null>(null);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // A non-loopback host starts on a second click: the first one shows what it exposes.
  const [confirming, setConfirming] = useState<string | null>(null);
  const running = state === 'listening' || state === 'starting';

  const toggle = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    // Enter in Host or Port: they lock while the server runs, so focus goes where the click would have.
    if (event.currentTarget.contains(document.activeElement) && document.activeElement !== button.current)
      button.current?.focus();
    setBusy(true);
    if (running) {
      await send('stopServer', {});
    } else {
      const parsed = argSchemas.startServer.safeParse({
        host,
        port: port.trim() === '' ? NaN : Number(port),
      });
      if (!parsed.success) {
        const message = parsed.error.issues[0]?.message ?? 'Invalid host or port.';
        setFormError({ code: parsed.error.issues[0]?.path[0] === 'host' ? 'BAD_HOST' : 'BAD_PORT', message });
      } else if (isExposedHost(parsed.data.host) && confirming !== parsed.data.host) {
        setFormError(null);
        setConfirming(parsed.data.host);
      } else {
        setFormError(null);
        setConfirming(null);
        await send('startServer', parsed.data);
      }
    }
    setBusy(false);
  };

  const error =
    formError ??
    startError ??
    stopError ??
    (serverError ? { code: 'INTERNAL' as const, message: serverError } : null);
  // Described only by notes that are there: an id pointing at nothing is an ARIA error.
  const errorId = error ? 'server-error' : undefined;
  const warned = !running && isExposedHost(host);
  return (
    <form className="server-controls" onSubmit={(e) => void toggle(e)} aria-label="Server">
      <label className="field">
        <span>Host</span>
        <input
          value={host}
          disabled={running}
          onChange={(e) => {
            setHost(e.target.value);
            useLabStore.getState().setServerDraft({ host: e.target.value, port });
          }}
          spellCheck={false}
          aria-describedby={describedBy(errorId, warned && HOST_WARNING_ID)}
          size={9}
        />
      </label>
      <label className="field">
        <span>Port</span>
        <input
          value={port}
          disabled={running}
          inputMode="numeric"
          onChange={(e) => {
            setPort(e.target.value);
            useLabStore.getState().setServerDraft({ host, port: e.target.value });
          }}
          aria-describedby={errorId}
          size={5}
        />
      </label>
      <KeepFocusButton
        ref={button}
        type="submit"
        className={running ? 'btn btn-stop' : 'btn btn-primary'}
        disabled={busy || state === 'starting'}
        title={`${running ? 'Stop' : 'Start'} the echo server (S)`}
        aria-keyshortcuts="S"
        data-shortcut="start-stop"
      >
        {running ? 'Stop Server' : 'Start Server'}
      </KeepFocusButton>
      <div className="server-notes">
        {!running && <HostWarning host={host} confirming={confirming === host.trim()} />}
        <FieldError
          error={error}
          id="server-error"
          onDismiss={() => {
            setFormError(null);
            useLabStore.getState().setError('startServer', null);
            useLabStore.getState().setError('stopServer', null);
          }}
        />
      </div>
    </form>
  );
}
