import type { CSSProperties } from 'react';
import type { LabApi } from '../../shared/contract';
import { browserFiles, type RecordingFiles } from './replay/files';
import { FilesProvider } from './replay/files-context';
import { OpenError, ReplayBar } from './replay/ReplayBar';
import { useDropRecording } from './replay/use-drop-recording';
import { useReplayKeys } from './replay/use-replay-keys';
import { useFirstFrameMark, useReplaySync } from './replay/use-replay-sync';
import { ClientsPanel } from './components/clients/ClientsPanel';
import { CodePanel } from './components/CodePanel';
import { ConnectionPanel } from './components/ConnectionPanel';
import { CrashBanner } from './components/CrashBanner';
import { HaltAnnouncer } from './components/HaltAnnouncer';
import { LinkLostBanner } from './components/LinkLostBanner';
import { ListsPanel } from './components/ListsPanel';
import { NoticesBar } from './components/NoticesBar';
import { OptionsPanel } from './components/OptionsPanel';
import { ProgramBanner } from './components/ProgramBanner';
import { TimelinePanel } from './components/TimelinePanel';
import { Toolbar } from './components/Toolbar';
import { useFocusRescue } from './components/useFocusRescue';
import { useShortcuts } from './components/useShortcuts';
import { LabApiProvider } from './store/api-context';
import { GuidePane } from './teaching/GuidePane';
import { TutorialDialog } from './teaching/TutorialDialog';
import { useLabStore } from './store/lab-store';
import { selectWatching, selectReplaying } from './store/selectors';
import { useLabSync } from './store/use-lab-sync';
import './styles/base.css';
import './styles/layout.css';
import './styles/toolbar.css';
import './styles/lists.css';
import './styles/panels.css';
import './styles/options.css';
import './styles/replay.css';
import './styles/teaching.css';
import './styles/predict.css';
import './styles/log.css';
import './styles/presenter.css';

function LabWindow({ api }: { api: LabApi }) {
  useLabSync(api);
  useShortcuts(api);
  useFocusRescue();
  useReplaySync();
  useReplayKeys();
  useFirstFrameMark();
  const dragging = useDropRecording();
  const link = useLabStore((s) => s.link);
  const presenter = useLabStore((s) => s.presenter);
  const zoom = useLabStore((s) => s.zoom);
  // A watched program has no socket options of the lab's: its code sets its own.
  const watching = useLabStore(selectWatching);
  const replay = useLabStore(selectReplaying);
  return (
    <div
      className="app"
      data-state={link}
      data-source={replay ? 'replay' : 'live'}
      data-dragging={dragging || undefined}
      data-presenter={presenter || undefined}
      // One zoom for every panel: CSS zoom relays the layout out, so text stays sharp.
      style={presenter ? ({ zoom: zoom / 100, '--zoom': zoom / 100 } as CSSProperties) : undefined}
    >
      <Toolbar />
      <LinkLostBanner />
      <ProgramBanner />
      <OpenError />
      <ReplayBar />
      <NoticesBar />
      <main className="workspace">
        <div className="stage">
          <div className="stage-top">
            <ListsPanel />
            <GuidePane />
          </div>
          <HaltAnnouncer />
          <CrashBanner />
          <div className="lower">
            <TimelinePanel />
            <CodePanel />
          </div>
        </div>
        <aside className="sidebar">
          {!watching && <OptionsPanel />}
          <ConnectionPanel />
          <ClientsPanel />
        </aside>
      </main>
      <TutorialDialog />
    </div>
  );
}

/**
 * The Socket Lab window, talking to the engine through `api` (whichever shell made it), or,
 * while one is open, to a replay behind the same LabApi: every panel reads the same store.
 */
export function App({ api, files = browserFiles(window.location) }: { api: LabApi; files?: RecordingFiles }) {
  const replay = useLabStore((s) => s.replay?.source ?? null);
  const shown = replay ?? api;
  return (
    <FilesProvider files={files}>
      <LabApiProvider api={shown}>
        <LabWindow api={shown} />
      </LabApiProvider>
    </FilesProvider>
  );
}

export default App;
