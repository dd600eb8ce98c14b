import type { ExplorerState, SliceCreator } from './types';
import type { SessionV1, SharedViewV1, ViewBody } from './shareTypes';

export interface ShareSlice {
  /** Why the last link could not be opened (or what of it was left out); shown until dismissed. */
  linkNotice: string | undefined;
  /**
   * Shows what a link describes: its dataset (a built-in version, or a file fetched from its
   * address), then the view, modules.conf, faults and files present, the selection, and the
   * simulation run again if the link had one. A dataset that cannot be had leaves everything as
   * it was and says why.
   */
  applySharedView(view: SharedViewV1): Promise<void>;
  /** Opens a dataset file from an address (a link's `?src=`), CORS permitting. */
  openUrl(url: string): Promise<void>;
  /**
   * Restores a saved session exactly: its dataset (the user's own files included), the view, the
   * simulation and the Plan tab's inputs. A dataset that cannot be had leaves everything as it was.
   */
  applySession(session: SessionV1): Promise<void>;
  setLinkNotice(notice: string | undefined): void;
}

function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : 'dataset.xml';
}

/** The parts of the view a link sets directly (no worker involved). */
function viewFields(view: ViewBody): Partial<ExplorerState> {
  const v = view.view;
  const s = view.sim;
  return {
    mode: v.mode,
    layout: v.layout,
    mainView: v.main,
    showLibraries: v.libraries,
    showNonLoadable: v.nonLoadable,
    groupByCategory: v.grouped,
    expandedGroups: v.expanded,
    isolatedExpanded: v.isolatedExpanded,
    filters: v.filters,
    focusMode: v.focusMode,
    focusHops: v.hops,
    outsideFocus: v.outside,
    sidePanelTab: v.tab,
    simLoader: s.loader,
    absentFiles: s.absent,
    faults: s.faults,
    commands: s.commands,
    colourBy: s.colourBy,
  };
}

export const createShareSlice: SliceCreator<ShareSlice> = (set, get) => {
  /** Puts a built-in version on screen unless it is there; false (and says why) when the app lacks it. */
  const showBuiltin = async (version: string): Promise<boolean> => {
    const known = get().datasetIndex?.datasets.some((d) => d.version === version) ?? false;
    if (!known) {
      set({
        linkNotice: `This link shows Asterisk ${version}, which this app does not have, so it was not opened.`,
      });
      return false;
    }
    if (get().source?.kind !== 'builtin' || get().graph?.info.version !== version)
      await get().loadBuiltin(version);
    return true;
  };

  /** The view, simulation and comparison of a link or session, on the dataset now on screen. */
  const applyBody = async (view: ViewBody): Promise<void> => {
    const graph = get().graph;
    if (!graph) return;
    const missing: string[] = [];
    const known = (name: string): boolean => {
      const ok = graph.modules[name] !== undefined;
      if (!ok) missing.push(name);
      return ok;
    };
    const selection =
      view.selection && (view.selection.kind !== 'module' || known(view.selection.name))
        ? view.selection
        : undefined;
    const trail = (view.trail ?? []).filter(known);
    set({
      ...viewFields(view),
      selection,
      focusTrail: trail,
      linkNotice:
        missing.length > 0
          ? `This link names ${[...new Set(missing)].join(', ')}, which Asterisk ${graph.info.version} does not have; the rest of the view is shown.`
          : undefined,
    });
    get().setModulesConf(view.sim.conf.text, view.sim.conf.file);
    // Set without a run of its own: the view's run (if it had one) follows.
    set({ sorceryConf: view.sim.sorcery, sorceryProblems: [] });
    if (view.sim.ran) {
      await get().runSimulation();
      if (view.sim.step !== undefined) get().setTimelineStep(view.sim.step);
    }
    if (view.compare) {
      await get().compareVersions(view.compare.from, view.compare.to);
      if (view.compare.onGraph) await get().setCompareOnGraph(true);
    }
    // Opening a compare or selecting moves the tab; the view's tab is the one it was made on.
    set({ sidePanelTab: view.view.tab });
  };

  return {
    linkNotice: undefined,

    setLinkNotice: (linkNotice) => set({ linkNotice }),

    async openUrl(url) {
      let text: string;
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
        text = await response.text();
      } catch (error) {
        set({
          linkNotice: `The dataset at ${url} could not be fetched (${error instanceof Error ? error.message : String(error)}; the server must allow it with CORS). The graph on screen is unchanged.`,
        });
        return;
      }
      await get().openFiles([{ name: fileNameOf(url), text }], undefined, url);
    },

    async applySharedView(view) {
      const before = get().graph;
      const data = view.data;
      if ('version' in data) {
        if (!(await showBuiltin(data.version))) return;
      } else {
        await get().openUrl(data.src);
      }
      // The dataset did not come (its own message says why): nothing else of the link applies.
      if (!get().graph || (get().graph === before && !sameData(get(), view.data))) return;
      await applyBody(view);
    },

    async applySession(session) {
      const before = get().graph;
      const data = session.data;
      if ('version' in data) {
        if (!(await showBuiltin(data.version))) return;
      } else if ('src' in data) {
        await get().openUrl(data.src);
      } else {
        await get().openFiles(data.files, data.runtimeFactsVersion);
      }
      const after = get().graph;
      if (!after || (after === before && !('version' in data && sameData(get(), data)))) return;
      set({
        planTask: session.plan.task,
        dialplanFiles: session.plan.dialplanFiles,
        dialplanShown: session.plan.dialplanFiles[0]?.name,
        planNeeds: session.plan.needs,
        planAgainstCurrent: session.plan.againstCurrent,
      });
      await applyBody(session);
    },
  };
};

function sameData(s: ExplorerState, data: SharedViewV1['data']): boolean {
  const source = s.source;
  if ('version' in data) return source?.kind === 'builtin' && source.version === data.version;
  return source?.kind === 'files' && source.url === data.src;
}
