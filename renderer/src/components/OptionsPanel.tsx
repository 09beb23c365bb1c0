import { Fragment, useState } from 'react';
import { DEFAULT_OPTIONS } from '../../../shared/engine';
import type { LabError } from '../../../shared/result';
import { useSend } from '../store/commands';
import { useLabStore } from '../store/lab-store';
import { FieldError } from './FieldError';
import { KeepFocusButton } from './KeepFocusButton';
import { OptionNumber, OptionSwitch, type ApplyOption } from './OptionField';

type NumberOption =
  | 'backlog'
  | 'recvSize'
  | 'sendBufferSize'
  | 'recvBufferSize'
  | 'queueCap'
  | 'totalQueueCap'
  | 'maxConnections'
  | 'historySize';

/** The number options, in the order a newcomer meets them; `bytes` fields take 64K / 1M. */
const NUMBERS: { name: NumberOption; label: string; bytes: boolean; hint: string }[] = [
  {
    name: 'backlog',
    label: 'Listen backlog',
    bytes: false,
    hint: 'listen(N), 5 in the seed: at most N + 1 connections wait for accept(); the others wait for their SYN retry (1 s, 3 s, 7 s…).',
  },
  {
    name: 'recvSize',
    label: 'Recv size',
    bytes: true,
    hint: 'Bytes one recv() may return: the seed calls recv(1024).',
  },
  {
    name: 'sendBufferSize',
    label: 'Send buffer',
    bytes: true,
    hint: 'Emulated SO_SNDBUF: a socket is writable while its unflushed bytes fit; a send() writes at most the room left (partial sends).',
  },
  {
    name: 'recvBufferSize',
    label: 'Receive buffer',
    bytes: true,
    hint: 'Emulated SO_RCVBUF: bytes waiting for recv() per socket before TCP pushes back on the client.',
  },
  {
    name: 'queueCap',
    label: 'Queue cap',
    bytes: true,
    hint: 'Per-connection queue bytes, each message counting 256 more (what holding it costs): a full queue stops reading that socket (backpressure). At least one recv.',
  },
  {
    name: 'totalQueueCap',
    label: 'Total queue cap',
    bytes: true,
    hint: 'All queues together; past it, only connections holding more than their fair share stop reading. At least the per-connection cap.',
  },
  {
    name: 'maxConnections',
    label: 'Max connections',
    bytes: false,
    hint: 'Beyond this, new connections are accepted and closed at once (recorded as reject).',
  },
  {
    name: 'historySize',
    label: 'History size',
    bytes: false,
    hint: 'Iteration records kept for the timeline.',
  },
];

/** The on/off options; `note` says in a line why one matters. */
const SWITCHES: { name: 'noDelay' | 'stopOnCrash'; label: string; hint: string; note?: string }[] = [
  {
    name: 'noDelay',
    label: 'TCP_NODELAY',
    hint: 'Off as in the seed. On: small writes go out at once instead of waiting for an ACK.',
    note: "Off, Nagle's algorithm and delayed ACKs make the seed's 16 KiB ping-pong crawl at ~20 messages/s.",
  },
  {
    name: 'stopOnCrash',
    label: 'Stop on crash',
    hint: 'Tutorial mode: stop the server where the original would crash, as it would.',
  },
];

/** Every option the panel sets (Slow's delay belongs to the Speed slider). */
const { slowDelayMs: _speed, ...PANEL_DEFAULTS } = DEFAULT_OPTIONS;
const PANEL_KEYS = Object.keys(PANEL_DEFAULTS) as (keyof typeof PANEL_DEFAULTS)[];

/** The engine's socket options, changed live: each field applies on change and shows its own refusal. */
export function OptionsPanel() {
  const send = useSend();
  const options = useLabStore((s) => s.engine?.options ?? DEFAULT_OPTIONS);
  const [defaultsError, setDefaultsError] = useState<LabError | null>(null);
  // Defaults remounts the fields, clearing their drafts and errors.
  const [generation, setGeneration] = useState(0);
  const apply: ApplyOption = (patch) => send('setOptions', patch);
  const changed = PANEL_KEYS.filter((key) => options[key] !== DEFAULT_OPTIONS[key]).length;
  const restore = async (): Promise<void> => {
    const result = await send('setOptions', PANEL_DEFAULTS);
    setDefaultsError(result.ok ? null : result.error);
    if (result.ok) setGeneration((g) => g + 1);
  };
  return (
    <details className="panel options-panel">
      <summary className="panel-header">
        <h2>Socket options</h2>
        <span className="muted">{changed === 0 ? 'as in the seed' : `${changed} changed`}</span>
      </summary>
      <div className="options-body" key={generation}>
        <div className="options-grid">
          {NUMBERS.map((field) => (
            <OptionNumber key={field.name} {...field} value={options[field.name]} apply={apply} />
          ))}
        </div>
        {SWITCHES.map(({ note, ...field }) => (
          <Fragment key={field.name}>
            <OptionSwitch {...field} value={options[field.name]} apply={apply} />
            {note && <p className="option-note muted">{note}</p>}
          </Fragment>
        ))}
        <div className="options-actions">
          <KeepFocusButton className="btn btn-small" disabled={changed === 0} onClick={() => void restore()}>
            Defaults
          </KeepFocusButton>
          <FieldError error={defaultsError} onDismiss={() => setDefaultsError(null)} />
        </div>
      </div>
    </details>
  );
}
