import { useState, type FormEvent } from 'react';
import { useSend } from '../../store/commands';
import { useLabStore } from '../../store/lab-store';
import { KeepFocusButton } from '../KeepFocusButton';
import { FieldError } from '../FieldError';
import { clientName } from './client-format';

/** Type text or hex and send it from the chosen client; its echo is verified like any payload. */
export function CustomMessage({ clientId }: { clientId: number | null }) {
  const send = useSend();
  const open = useLabStore((s) => (clientId === null ? false : s.clients.get(clientId)?.state === 'open'));
  const error = useLabStore((s) => s.errors.sendFromClient);
  const [data, setData] = useState('hello\n');
  const [encoding, setEncoding] = useState<'text' | 'hex'>('text');

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (clientId !== null)
      void send('sendFromClient', {
        clientId,
        data: encoding === 'text' ? data.replace(/\\n/g, '\n') : data,
        encoding,
      });
  };

  return (
    <form className="custom-message" aria-label="Custom message" onSubmit={submit}>
      <label className="field">
        <span>{clientId === null ? 'Pick a client above, then' : `From ${clientName(clientId)}`}</span>
        <input
          value={data}
          onChange={(e) => setData(e.target.value)}
          aria-label="Message"
          spellCheck={false}
        />
      </label>
      <select
        value={encoding}
        aria-label="Encoding"
        onChange={(e) => setEncoding(e.target.value as 'text' | 'hex')}
      >
        <option value="text">text</option>
        <option value="hex">hex</option>
      </select>
      <KeepFocusButton
        type="submit"
        className="btn btn-small"
        disabled={!open}
        title={open ? undefined : 'Choose an open client in the list'}
      >
        Send
      </KeepFocusButton>
      <FieldError error={error} />
    </form>
  );
}
