import { useState, type FormEvent } from 'react';
import { spawnSchema, type SpawnSpec } from '../../../../shared/contract';
import { BEHAVIOURS, type Behaviour } from '../../../../shared/fleet';
import type { LabError } from '../../../../shared/result';
import { useSend } from '../../store/commands';
import { useLabStore } from '../../store/lab-store';
import { useListening } from '../../store/selectors';
import { FieldError } from '../FieldError';
import { KeepFocusButton } from '../KeepFocusButton';
import { BEHAVIOUR_HINTS, DEFAULT_SIZES, parseSize, sizeText } from './client-format';

interface Draft {
  count: string;
  behaviour: Behaviour;
  size: string;
  interval: string;
  rate: string;
  lifetime: string;
  reconnect: boolean;
  /** host:port, or empty for the lab's own server. */
  target: string;
}

const INITIAL: Draft = {
  count: '10',
  behaviour: 'echo',
  size: '1024',
  interval: '250',
  rate: '50',
  lifetime: '0',
  reconnect: false,
  target: '',
};

/** The number fields after the behaviour: how each client sends, connects and lives. */
const TUNING: { key: 'size' | 'interval' | 'rate' | 'lifetime'; label: string; hint: string }[] = [
  { key: 'size', label: 'Message size', hint: 'bytes; 64K or 1M work too (up to 16M)' },
  {
    key: 'interval',
    label: 'Interval ms',
    hint: 'pause between messages; 0 = as fast as the echo comes back',
  },
  { key: 'rate', label: 'Connect rate /s', hint: 'new connections per second while ramping up' },
  { key: 'lifetime', label: 'Lifetime ms', hint: 'close after this long; 0 = never' },
];

const toNumber = (text: string): number => (text.trim() === '' ? NaN : Number(text));

/** "127.0.0.1:8000", "[::1]:8000" or "localhost:8000" as a target; undefined when empty (the lab's server). */
function toTarget(text: string): { host: string; port: number } | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(trimmed);
  return match ? { host: match[1] ?? '', port: Number(match[2]) } : null;
}

function toSpec(d: Draft): { spec: SpawnSpec } | { error: LabError } {
  const size = parseSize(d.size);
  const target = toTarget(d.target);
  if (target === null)
    return {
      error: {
        code: 'BAD_ARGUMENT',
        message: 'Target: write host:port, such as 127.0.0.1:8000, or leave it empty for the lab’s server.',
      },
    };
  const parsed = spawnSchema.safeParse({
    count: toNumber(d.count),
    behaviour: d.behaviour,
    messageSize: size ?? NaN,
    intervalMs: toNumber(d.interval),
    connectRate: toNumber(d.rate),
    lifetimeMs: toNumber(d.lifetime),
    reconnect: d.reconnect,
    ...(target ? { target } : {}),
  });
  if (parsed.success) return { spec: parsed.data };
  // The schema's messages name the field in plain words ("Clients must be a number.").
  const message = parsed.error.issues[0]?.message ?? 'Check the fields.';
  return { error: { code: 'BAD_ARGUMENT', message } };
}

function NumberField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
  size?: number;
}) {
  return (
    <label className="field" title={props.hint}>
      <span>{props.label}</span>
      <input
        value={props.value}
        inputMode="numeric"
        size={props.size ?? 6}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

/** Count, behaviour, message size, interval, connect rate, lifetime; Spawn and Stop clients. */
export function SpawnForm() {
  const send = useSend();
  const listening = useListening();
  const clients = useLabStore((s) => s.clients.size);
  const spawnError = useLabStore((s) => s.errors.spawnClients);
  const stopError = useLabStore((s) => s.errors.stopClients);
  const [draft, setDraft] = useState<Draft>(INITIAL);
  const [formError, setFormError] = useState<LabError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>): void => setDraft((d) => ({ ...d, ...patch }));

  const spawn = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const result = toSpec(draft);
    if ('error' in result) return setFormError(result.error);
    setFormError(null);
    setBusy(true);
    await send('spawnClients', result.spec);
    setBusy(false);
  };

  return (
    <form className="spawn-form" aria-label="Spawn clients" onSubmit={(e) => void spawn(e)}>
      <div className="spawn-grid">
        <NumberField
          label="Clients"
          value={draft.count}
          onChange={(count) => set({ count })}
          hint="1 to 10,000 clients"
        />
        <div className="field">
          {/* Named by its label alone: a wrapping label adds the options' text to the name for some tools. */}
          <span id="spawn-behaviour-label">Behaviour</span>
          <select
            aria-labelledby="spawn-behaviour-label"
            value={draft.behaviour}
            onChange={(e) => {
              const behaviour = e.target.value as Behaviour;
              set({ behaviour, size: sizeText(DEFAULT_SIZES[behaviour]) });
            }}
          >
            {BEHAVIOURS.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </div>
        {TUNING.map(({ key, label, hint }) => (
          <NumberField
            key={key}
            label={label}
            value={draft[key]}
            onChange={(value) => set({ [key]: value })}
            hint={hint}
          />
        ))}
        <label className="field spawn-check">
          <input
            type="checkbox"
            checked={draft.reconnect}
            onChange={(e) => set({ reconnect: e.target.checked })}
          />
          <span>Reconnect</span>
        </label>
        <label
          className="field spawn-target"
          title="Where they connect: empty for the lab's server, or host:port of another server on this machine"
        >
          <span>Target</span>
          <input
            value={draft.target}
            placeholder="the lab's server"
            size={14}
            onChange={(e) => set({ target: e.target.value })}
          />
        </label>
      </div>
      <p className="spawn-hint muted">{BEHAVIOUR_HINTS[draft.behaviour]}</p>
      <div className="spawn-actions">
        <KeepFocusButton
          type="submit"
          className="btn btn-primary"
          disabled={busy}
          title={listening ? undefined : 'Start the server first: clients connect to it'}
        >
          Spawn
        </KeepFocusButton>
        <KeepFocusButton
          className="btn btn-stop"
          disabled={clients === 0}
          onClick={() => void send('stopClients', {})}
        >
          Stop clients
        </KeepFocusButton>
      </div>
      <FieldError error={formError ?? spawnError ?? stopError} />
    </form>
  );
}
