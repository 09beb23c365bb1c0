import { OpenRecording } from '../replay/OpenRecording';
import { RecordControls, RecordError } from '../replay/RecordControls';
import { Counters } from './Counters';
import { ModeControls } from './ModeControls';
import { ProgramControls } from './ProgramControls';
import { ProgramError, ProgramMenu } from './ProgramMenu';
import { ServerControls } from './ServerControls';
import { StepControls } from './StepControls';
import { TutorialSwitch } from './TutorialSwitch';
import { PresenterControls } from '../teaching/PresenterControls';
import { TeachBar } from '../teaching/TeachBar';
import { useLabStore } from '../store/lab-store';
import { selectWatching, selectReplaying } from '../store/selectors';

const LIVE_KEYS = [
  ['Space', 'step'],
  ['⇧ Space', 'action'],
  ['R', 'run'],
  ['P', 'predict'],
  ['V', 'reveal'],
] as const;
const REPLAY_KEYS = [
  ['Space', 'step'],
  ['⇧ Space', 'action'],
  ['B', 'back'],
  ['⇧ B', 'action back'],
  ['R', 'play'],
] as const;

/**
 * Three rows: the server (or the program), recordings and the counters; the loop (mode,
 * stepping, fidelity, presenter) and the keys; then teaching. The app's name is the page's one h1.
 */
export function Toolbar() {
  // A watched program runs its own code: no address to bind, no Safe/Tutorial switch.
  const watching = useLabStore(selectWatching);
  // A replay has no server to start: its own bar, below, says what it shows.
  const replay = useLabStore(selectReplaying);
  return (
    <header className="toolbar">
      <div className="toolbar-row">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ⇄
          </span>
          <h1 className="brand-name">Socket Lab</h1>
        </div>
        {!replay && (watching ? <ProgramControls /> : <ServerControls />)}
        {!replay && !watching && <ProgramMenu />}
        <div className="recording-controls">
          {/* A replay records nothing: Open recording… alone. */}
          {replay ? <OpenRecording /> : <RecordControls open={<OpenRecording />} />}
        </div>
        <Counters />
        {/* What the row's controls could not do, on a line of its own under it, not beside them. */}
        <div className="row-notes">
          {!replay && !watching && <ProgramError />}
          {!replay && <RecordError />}
        </div>
      </div>
      <div className="toolbar-row toolbar-loop">
        <ModeControls />
        <StepControls />
        {/* A replay's mode is the file's: its bar says which (ReplayBar), no switch to refuse. */}
        {!watching && !replay && <TutorialSwitch />}
        <PresenterControls />
        <p className="keys" aria-hidden="true">
          {(replay ? REPLAY_KEYS : LIVE_KEYS).map(([key, what], i) => (
            <span key={key}>
              {i > 0 && ' · '}
              <kbd>{key}</kbd> {what}
            </span>
          ))}
        </p>
      </div>
      <TeachBar />
    </header>
  );
}
