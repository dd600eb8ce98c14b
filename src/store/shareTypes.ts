/**
 * The shapes of a shared view (a link) and of a saved session. Types only, so the store's state
 * type can name what `init` opens without importing the code that reads links and sessions.
 */
import type { LoaderChoice, ModuleFault, DialplanFile } from '../model';
import type { FocusMode } from '../engine';
import type { GroupKey } from '../graph/universe';
import type { LayoutAlgorithm } from '../graph/layoutInput';
import type { ViewMode } from '../graph/elements';
import type { GraphFilters, OutsideFocus } from './graphViewTypes';
import type { ColourBy } from './simulationTypes';
import type { MainView, Selection, SidePanelTab } from './types';
import type { PlanNeedsChoice, PlanTask } from './planTypes';

export const SESSION_FORMAT = 'asterisk-module-explorer-session';
export const SESSION_VERSION = 1;

export interface SharedViewV1 {
  /** A built-in version, or a dataset file's address (fetched, CORS permitting). */
  data: { version: string } | { src: string };
  view: {
    mode: ViewMode;
    layout: LayoutAlgorithm;
    main: MainView;
    libraries: boolean;
    nonLoadable: boolean;
    grouped: boolean;
    expanded: GroupKey[];
    isolatedExpanded: boolean;
    filters: GraphFilters;
    focusMode: FocusMode;
    hops: number;
    outside: OutsideFocus;
    tab: SidePanelTab;
  };
  selection?: Selection;
  /** The focus steps before the selection (Back walks them). */
  trail?: string[];
  sim: {
    loader: LoaderChoice;
    conf: { text: string; file: string };
    /** The server's sorcery.conf, when one was open. */
    sorcery?: { text: string; file: string };
    absent: string[];
    faults: Record<string, ModuleFault>;
    commands: string[];
    /** Whether a simulation was on screen: opening the link runs it again. */
    ran: boolean;
    step?: number;
    colourBy: ColourBy;
  };
  compare?: { from: string; to: string; onGraph: boolean };
}

/** What the address the page was opened with asks for: a view, a dataset's address alone, or why not. */
export type DecodedLink = { view: SharedViewV1 } | { src: string } | { error: string };

/** Everything of a view but its dataset; sessions read the same body with their own datasets. */
export type ViewBody = Omit<SharedViewV1, 'data'>;

export type SessionData =
  | { version: string }
  | { src: string }
  | { files: Array<{ name: string; text: string }>; runtimeFactsVersion?: string };

export interface SessionPlan {
  task: PlanTask;
  dialplanFiles: DialplanFile[];
  needs: PlanNeedsChoice;
  againstCurrent: boolean;
}

export interface SessionV1 extends ViewBody {
  format: typeof SESSION_FORMAT;
  version: typeof SESSION_VERSION;
  savedAt: string;
  data: SessionData;
  plan: SessionPlan;
}

export type ReadSession = { session: SessionV1 } | { error: string };

/** What the page shows first: an address's link, or the session this browser kept. */
export type StartView = DecodedLink | { session: SessionV1 };
