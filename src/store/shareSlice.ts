import type { ExplorerState, SliceCreator } from './types';
import type { SharedViewV1 } from './shareLink';

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
  setLinkNotice(notice: string | undefined): void;
}

function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : 'dataset.xml';
}

/** The parts of the view a link sets directly (no worker involved). */
function viewFields(view: SharedViewV1): Partial<ExplorerState> {
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

export const createShareSlice: SliceCreator<ShareSlice> = (set, get) => ({
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
      const known = get().datasetIndex?.datasets.some((d) => d.version === data.version) ?? false;
      if (!known) {
        set({
          linkNotice: `This link shows Asterisk ${data.version}, which this app does not have, so it was not opened.`,
        });
        return;
      }
      if (get().source?.kind !== 'builtin' || get().graph?.info.version !== data.version)
        await get().loadBuiltin(data.version);
    } else {
      await get().openUrl(data.src);
    }
    const graph = get().graph;
    // The dataset did not come (its own message says why): nothing else of the link applies.
    if (!graph || (graph === before && !sameData(get(), view))) return;

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
    if (view.sim.ran) {
      await get().runSimulation();
      if (view.sim.step !== undefined) get().setTimelineStep(view.sim.step);
    }
    if (view.compare) {
      await get().compareVersions(view.compare.from, view.compare.to);
      if (view.compare.onGraph) await get().setCompareOnGraph(true);
    }
    // Opening a compare or selecting moves the tab; the link's tab is the one it was made on.
    set({ sidePanelTab: view.view.tab });
  },
});

function sameData(s: ExplorerState, view: SharedViewV1): boolean {
  const data = view.data;
  const source = s.source;
  if ('version' in data) return source?.kind === 'builtin' && source.version === data.version;
  return source?.kind === 'files' && source.url === data.src;
}
