import { useSend } from '../store/commands';
import { useLabStore } from '../store/lab-store';
import { FieldError } from './FieldError';

/** Tutorial (the seed's bugs, shown) or Safe (the fixed server). */
export function TutorialSwitch() {
  const send = useSend();
  const tutorial = useLabStore((s) => s.engine?.fidelity === 'tutorial');
  const error = useLabStore((s) => s.errors.setFidelity);
  return (
    <div className="tutorial-switch">
      <label
        className="switch"
        title="Tutorial mode runs the seed as written: ignored send() results lose bytes, and a socket closed while readable crashes the writable loop (KeyError). Off = the fixed, safe server."
      >
        <input
          type="checkbox"
          role="switch"
          checked={tutorial}
          aria-checked={tutorial}
          onChange={(e) => void send('setFidelity', { fidelity: e.target.checked ? 'tutorial' : 'safe' })}
        />
        <span className="switch-track" aria-hidden="true" />
        <span>Tutorial mode</span>
      </label>
      <span className={tutorial ? 'fidelity fidelity-tutorial' : 'fidelity'}>
        {tutorial ? 'bugs as written' : 'safe: no byte lost'}
      </span>
      <FieldError error={error} />
    </div>
  );
}
