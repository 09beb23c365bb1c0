import { SCENARIOS } from '../../../shared/scenarios';
import { useLabApi } from '../store/api-context';
import { useLabStore } from '../store/lab-store';
import { Menu, useMenu } from './Menu';
import { startScenario } from './scenario-run';

/** The Scenarios button and its list: one click sets a situation up and says what to watch. */
export function ScenariosMenu() {
  const api = useLabApi();
  const busy = useLabStore((s) => s.scenarioBusy);
  const menu = useMenu();
  const run = (id: (typeof SCENARIOS)[number]['id']): void => {
    menu.close();
    menu.button.current?.focus();
    void startScenario(api, id);
  };
  return (
    <Menu
      id="scenarios-list"
      label="Scenarios"
      title="Set up a situation with one click: every bug of the seed, and the kernel's limits"
      {...menu}
    >
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
    </Menu>
  );
}
