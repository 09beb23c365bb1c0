import { useRef, useState } from 'react';
import { SCENARIOS } from '../../../shared/scenarios';
import { useLabApi } from '../store/api-context';
import { useLabStore } from '../store/lab-store';
import { Popover } from './Popover';
import { startScenario } from './scenario-run';

/** The Scenarios button and its list: one click sets a situation up and says what to watch. */
export function ScenariosMenu() {
  const api = useLabApi();
  const busy = useLabStore((s) => s.scenarioBusy);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const run = (id: (typeof SCENARIOS)[number]['id']): void => {
    setOpen(false);
    button.current?.focus();
    void startScenario(api, id);
  };
  return (
    <div className="menu">
      <button
        ref={button}
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls="scenarios-list"
        onClick={() => setOpen(!open)}
        title="Set up a situation with one click: every bug of the seed, and the kernel's limits"
      >
        Scenarios
      </button>
      {open && (
        <Popover id="scenarios-list" label="Scenarios" onClose={() => setOpen(false)} returnTo={button}>
          <ul className="menu-list">
            {SCENARIOS.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="menu-item"
                  disabled={busy !== null}
                  onClick={() => run(s.id)}
                  title={s.watch}
                >
                  {s.title}
                </button>
              </li>
            ))}
          </ul>
        </Popover>
      )}
    </div>
  );
}
