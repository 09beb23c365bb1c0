import { create } from 'zustand';
import type { CommandName, LabDelta, LabSnapshot } from '../../../shared/contract';
import type { Action, SocketId } from '../../../shared/engine';
import type { LabError } from '../../../shared/result';
import type { ReplayInfo } from '../replay/replay-info';
import type { ReplaySource } from '../replay/replay-source';
import { createTeachingSlice, type TeachingSlice } from '../teaching/teaching-slice';
import { applyDelta, emptyLabData, fromSnapshot, type LabData } from './apply';

/**
 * `lost`: the link was up (a snapshot arrived) and the transport dropped; it is reconnecting.
 * `refused`: the browser shell is up but no longer accepts this page's token.
 */
export type Link = 'connecting' | 'ready' | 'failed' | 'lost' | 'refused';

/** What the window itself remembers, beside the lab's data. */
export interface ViewState {
  /** The link to the engine: the root's data-state. */
  link: Link;
  linkError: string | null;
  /** The chip whose detail is open. */
  selectedId: SocketId | null;
  /** An iteration picked in the timeline; null means live. */
  viewing: number | null;
  /** Actions run so far by Step action in the current iteration, oldest first. */
  stepTrail: Action[];
  /** The last failed result of each command, shown beside the control that sent it. */
  errors: Partial<Record<CommandName, LabError>>;
  /** Notices at or before this time (ms) were dismissed by the user. */
  dismissedBefore: number;
}

/** The replay the window shows instead of the live lab, and the file being opened. */
export interface ReplayState {
  replay: { source: ReplaySource; info: ReplayInfo } | null;
  /** A file being looked over, by name. */
  opening: string | null;
  /** Why the last file could not be opened (the live lab, or the replay, is untouched). */
  openError: string | null;
}

export interface LabActions {
  applySnapshot(snapshot: LabSnapshot): void;
  applyDelta(delta: LabDelta): void;
  setLink(link: Link, error?: string | null): void;
  select(id: SocketId | null): void;
  view(n: number | null): void;
  /** Step action ran one action: extend the trail (a `select` starts a new iteration). */
  traceAction(action: Action): void;
  clearTrail(): void;
  setError(command: CommandName, error: LabError | null): void;
  dismissNotices(): void;
  /** A replay jumped: draw from this snapshot, with its Step action trail. */
  applyReset(snapshot: LabSnapshot, trail: Action[]): void;
  /** Shows `source` instead of the live lab (or the replay shown before). */
  openReplay(source: ReplaySource): void;
  /** Back to the live lab. */
  closeReplay(): void;
  setReplayInfo(info: ReplayInfo): void;
  setOpening(name: string | null, error?: string | null): void;
}

export type LabState = LabData & ViewState & ReplayState & LabActions & TeachingSlice;

const initialView = (): ViewState => ({
  link: 'connecting',
  linkError: null,
  selectedId: null,
  viewing: null,
  stepTrail: [],
  errors: {},
  dismissedBefore: 0,
});

/** The one store of the window. Maps and arrays are replaced, never mutated. */
export const useLabStore = create<LabState>()((set, get) => ({
  ...emptyLabData(),
  ...initialView(),
  replay: null,
  opening: null,
  openError: null,
  ...createTeachingSlice(set),
  applySnapshot: (snapshot) => set({ ...fromSnapshot(snapshot), link: 'ready', linkError: null }),
  applyDelta: (delta) =>
    set((state) => {
      const patch = applyDelta(state, delta);
      // A chip whose socket closed has nothing left to show.
      if (state.selectedId !== null && delta.removed.includes(state.selectedId)) {
        return { ...patch, selectedId: null };
      }
      return patch;
    }),
  setLink: (link, error = null) => set({ link, linkError: error }),
  select: (id) => set({ selectedId: id }),
  view: (n) => set({ viewing: n }),
  traceAction: (action) =>
    set((state) => ({ stepTrail: action.kind === 'select' ? [action] : [...state.stepTrail, action] })),
  clearTrail: () => set((state) => (state.stepTrail.length === 0 ? state : { stepTrail: [] })),
  setError: (command, error) =>
    set((state) => {
      if (!error && !state.errors[command]) return state;
      const errors = { ...state.errors };
      if (error) errors[command] = error;
      else delete errors[command];
      return { errors };
    }),
  dismissNotices: () => set((state) => ({ dismissedBefore: state.notices.at(-1)?.at ?? Date.now() })),
  applyReset: (snapshot, trail) =>
    set((state) => {
      const data = fromSnapshot(snapshot);
      const selectedId =
        state.selectedId !== null && data.connections.has(state.selectedId) ? state.selectedId : null;
      // A jump keeps what the window has gathered along the way: its notices, its crash marks.
      return { ...data, notices: state.notices, stepTrail: trail, selectedId, viewing: null, link: 'ready' };
    }),
  openReplay: (source) => {
    get().replay?.source.close();
    set({
      ...emptyLabData(),
      ...initialView(),
      replay: { source, info: source.info() },
      opening: null,
      openError: null,
    });
  },
  closeReplay: () => {
    get().replay?.source.close();
    set({ ...emptyLabData(), ...initialView(), replay: null });
  },
  setReplayInfo: (info) => set((state) => (state.replay ? { replay: { ...state.replay, info } } : state)),
  setOpening: (name, error = null) => set({ opening: name, openError: error }),
}));

/** Back to a fresh window, for tests and for reconnecting to a new engine. */
export function resetLabStore(): void {
  useLabStore.getState().replay?.source.close();
  useLabStore.setState({ ...emptyLabData(), ...initialView(), replay: null, opening: null, openError: null });
}
