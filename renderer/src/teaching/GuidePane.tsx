import { scenarioInfo } from '../../../shared/scenarios';
import { CommandError } from '../components/CommandError';
import { useLabStore } from '../store/lab-store';
import { LessonPlayer } from './LessonPlayer';

const SCENARIO_COMMANDS = ['runScenario'] as const;

/** Where Run until halted, while it stays halted there. */
function HaltNote() {
  const halt = useLabStore((s) => s.engine?.halt ?? null);
  if (!halt) return null;
  return (
    <p className="halt-note" role="status" aria-label="Halted">
      <strong>Halted</strong> in iteration {halt.n}: {halt.reason}.
    </p>
  );
}

/** The scenario's paragraph and what it measured. */
function ScenarioGuide() {
  const scenario = useLabStore((s) => s.scenario);
  const busy = useLabStore((s) => s.scenarioBusy);
  const close = () => useLabStore.getState().setScenario(null);
  if (!scenario) return null;
  const info = scenarioInfo(scenario.id);
  return (
    <section
      className="scenario-guide"
      aria-label="Scenario"
      data-scenario={scenario.id}
      data-ready={scenario.report !== null}
    >
      <header className="guide-header">
        <h2>{info.title}</h2>
        <button type="button" className="btn btn-small" onClick={close} aria-label="Close scenario notes">
          ×
        </button>
      </header>
      {busy === scenario.id ? (
        <p className="guide-note muted" role="status">
          Setting up…
        </p>
      ) : (
        <p className="guide-note">{info.watch}</p>
      )}
      {scenario.report && scenario.report.measurements.length > 0 && (
        <dl className="measurements" aria-label="Measured">
          {scenario.report.measurements.map((m) => (
            <div key={m.label}>
              <dt>{m.label}</dt>
              <dd>
                {m.value.toLocaleString('en-US')} {m.unit}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <CommandError commands={SCENARIO_COMMANDS} />
    </section>
  );
}

/** The notes beside the lists: the lesson's step or the scenario's paragraph, and why the loop halted. */
export function GuidePane() {
  const shown = useLabStore((s) => s.lesson !== null || s.scenario !== null || Boolean(s.engine?.halt));
  if (!shown) return null;
  return (
    <aside className="guide" aria-label="Notes">
      <HaltNote />
      <LessonPlayer />
      <ScenarioGuide />
    </aside>
  );
}
