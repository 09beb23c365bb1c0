import { useSend } from '../store/commands';
import { useLabStore } from '../store/lab-store';
import { CommandError } from './CommandError';
import { useAsked } from './useAsked';

const FIDELITY = ['setFidelity'] as const;

/** Tutorial (the seed's bugs, shown) or Safe (the fixed server). */
export function TutorialSwitch() {
  const send = useSend();
  const tutorial = useLabStore((s) => s.engine?.fidelity === 'tutorial');
  const [shown, ask, drop] = useAsked(tutorial);
  const toggle = async (on: boolean): Promise<void> => {
    ask(on);
    if (!(await send('setFidelity', { fidelity: on ? 'tutorial' : 'safe' })).ok) drop();
  };
  return (
    <div className="tutorial-switch">
      <label
        className="switch"
        title="Tutorial mode runs the seed as written: ignored send() results lose bytes, and a socket closed while readable crashes the writable loop (KeyError). Off = the fixed, safe server."
      >
        <input
          type="checkbox"
          role="switch"
          checked={shown}
          aria-checked={shown}
          onChange={(e) => void toggle(e.target.checked)}
        />
        <span className="switch-track" aria-hidden="true" />
        <span>Tutorial mode</span>
      </label>
      <span className={shown ? 'fidelity fidelity-tutorial' : 'fidelity'}>
        {shown ? 'bugs as written' : 'safe: no byte lost'}
      </span>
      <CommandError commands={FIDELITY} />
    </div>
  );
}
