import type { LabError } from '../../../shared/result';
import type { ScenarioId, ScenarioReport } from '../../../shared/scenarios';
import type { Lesson } from './lessons/schema';
import { addScores, NO_SCORE, type MarkKey, type Revealed, type Score } from './predict';

/** Zoom for every panel in Presenter mode, in percent. */
export const ZOOM = { min: 100, max: 200, initial: 150 } as const;

/** A lesson being played: which file, and the step on screen (its action has run). */
export interface Playing {
  file: string;
  lesson: Lesson;
  index: number;
}

/** What the window keeps for teaching: the guide beside the lists, predictions, presenter, lesson. */
export interface TeachingState {
  /** The scenario whose paragraph the guide shows, with what it measured. */
  scenario: { id: ScenarioId; report: ScenarioReport | null } | null;
  /** A scenario being set up (its button waits). */
  scenarioBusy: ScenarioId | null;
  predicting: boolean;
  marks: ReadonlySet<MarkKey>;
  /** The last Reveal, shown on the chips while its iteration is on screen. */
  revealed: Revealed | null;
  /** Right, wrong and missed over the session. */
  score: Score;
  presenter: boolean;
  /** Percent, ZOOM.min to ZOOM.max. */
  zoom: number;
  /** What the lower-left panel shows. */
  lowerTab: 'timeline' | 'log';
  lesson: Playing | null;
  tutorialOpen: boolean;
  /** Host and Port as typed (a scenario starts the server there when it is stopped). */
  serverDraft: { host: string; port: string };
  /** Why the last key or lesson step could not run its action (a button greys out instead). */
  actionError: LabError | null;
}

export interface TeachingActions {
  setScenario(scenario: TeachingState['scenario']): void;
  setScenarioBusy(id: ScenarioId | null): void;
  setPredicting(on: boolean): void;
  toggleMark(key: MarkKey): void;
  /** Records a Reveal: its verdicts on screen, its tally added to the score, the marks cleared. */
  recordReveal(result: Revealed): void;
  setPresenter(on: boolean): void;
  setZoom(percent: number): void;
  setLowerTab(tab: TeachingState['lowerTab']): void;
  playLesson(playing: Playing | null): void;
  setTutorialOpen(open: boolean): void;
  setServerDraft(draft: TeachingState['serverDraft']): void;
  setActionError(error: LabError | null): void;
}

export type TeachingSlice = TeachingState & TeachingActions;

type Set = (update: Partial<TeachingState> | ((state: TeachingState) => Partial<TeachingState>)) => void;

export const initialTeaching = (): TeachingState => ({
  scenario: null,
  scenarioBusy: null,
  predicting: false,
  marks: new Set(),
  revealed: null,
  score: NO_SCORE,
  presenter: false,
  zoom: ZOOM.initial,
  lowerTab: 'timeline',
  lesson: null,
  tutorialOpen: false,
  serverDraft: { host: '127.0.0.1', port: '50000' },
  actionError: null,
});

/** The teaching slice of the one store (lab-store.ts). It survives reconnects: it is the user's. */
export const createTeachingSlice = (set: Set): TeachingSlice => ({
  ...initialTeaching(),
  setScenario: (scenario) => set({ scenario }),
  setScenarioBusy: (scenarioBusy) => set({ scenarioBusy }),
  setPredicting: (predicting) => set({ predicting, marks: new Set(), revealed: null }),
  toggleMark: (key) =>
    set((state) => {
      const marks = new Set(state.marks);
      if (!marks.delete(key)) marks.add(key);
      return { marks };
    }),
  recordReveal: (result) =>
    set((state) => ({ revealed: result, score: addScores(state.score, result.score), marks: new Set() })),
  setPresenter: (presenter) => set({ presenter }),
  setZoom: (zoom) => set({ zoom }),
  setLowerTab: (lowerTab) => set({ lowerTab }),
  playLesson: (lesson) => set({ lesson }),
  setTutorialOpen: (tutorialOpen) => set({ tutorialOpen }),
  setServerDraft: (serverDraft) => set({ serverDraft }),
  setActionError: (actionError) => set({ actionError }),
});
