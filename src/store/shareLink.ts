/**
 * A view as a link: what the address bar carries so that opening it elsewhere shows the same
 * thing. The state is JSON, compressed with lz-string into URL-safe text, behind a format number
 * (`#1.<text>`): a link made today keeps opening after the app changes, because each format
 * number keeps its reader. Reading a link checks every field before anything is applied; a link
 * that is cut short, edited by hand or made by a newer app gives one sentence saying so.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import {
  EDGE_KINDS,
  LOADER_CHOICES,
  MODULE_CATEGORIES,
  MODULE_FAULTS,
  PROVIDED_ITEM_KINDS,
  SUPPORT_LEVELS,
} from '../model';
import type { EdgeKind, ModuleCategory, ModuleFault, SupportLevel } from '../model';
import type { FocusMode } from '../engine';
import type { GroupKey } from '../graph/universe';
import type { LayoutAlgorithm } from '../graph/layoutInput';
import type { ViewMode } from '../graph/elements';
import type { GraphFilters, OutsideFocus } from './graphViewTypes';
import type { ColourBy } from './simulationTypes';
import type { ExplorerState, MainView, Selection, SidePanelTab } from './types';
import type { DecodedLink, SharedViewV1, ViewBody } from './shareTypes';

export type { DecodedLink, SharedViewV1, ViewBody };

/** The format this app writes. Readers of older formats stay when a new one is added. */
export const SHARE_FORMAT = 1;

const GROUP_KEYS: readonly GroupKey[] = [...MODULE_CATEGORIES, 'libraries'];
const FOCUS_MODES: readonly FocusMode[] = ['dependencies', 'dependents', 'both', 'hops'];
const TABS: readonly SidePanelTab[] = ['inspector', 'explain', 'compare', 'problems', 'simulate', 'plan'];
const OUTCOMES = ['running', 'declined', 'failed', 'not-loaded', 'hazard', 'pending', 'absent'];

/** What of the state a link carries; undefined when the dataset is the user's own files. */
export function sharedViewOf(s: ExplorerState): SharedViewV1 | undefined {
  const source = s.source;
  if (!source) return undefined;
  let data: SharedViewV1['data'];
  if (source.kind === 'builtin') data = { version: source.version };
  else if (source.url !== undefined) data = { src: source.url };
  else return undefined;
  const view: SharedViewV1 = {
    data,
    view: {
      mode: s.mode,
      layout: s.layout,
      main: s.mainView,
      libraries: s.showLibraries,
      nonLoadable: s.showNonLoadable,
      grouped: s.groupByCategory,
      expanded: s.expandedGroups,
      isolatedExpanded: s.isolatedExpanded,
      filters: s.filters,
      focusMode: s.focusMode,
      hops: s.focusHops,
      outside: s.outsideFocus,
      tab: s.sidePanelTab,
    },
    sim: {
      loader: s.simLoader,
      conf: s.modulesConf,
      ...(s.sorceryConf ? { sorcery: s.sorceryConf } : {}),
      absent: s.absentFiles,
      faults: s.faults,
      commands: s.commands,
      ran: s.simulation !== undefined,
      ...(s.timelineStep !== undefined ? { step: s.timelineStep } : {}),
      colourBy: s.colourBy,
    },
  };
  if (s.selection) view.selection = s.selection;
  if (s.focusTrail.length > 0) view.trail = s.focusTrail;
  if (s.compareFrom !== undefined && s.compareTo !== undefined && s.compare !== undefined)
    view.compare = { from: s.compareFrom, to: s.compareTo, onGraph: s.compareOnGraph };
  return view;
}

/** The fragment for a view, without the `#`. */
export function encodeSharedView(view: SharedViewV1): string {
  return `${SHARE_FORMAT}.${compressToEncodedURIComponent(JSON.stringify(view))}`;
}

const DAMAGED =
  'This link is damaged or incomplete (it may have been cut short when it was copied), so it was not opened.';

/** Reads a fragment (with or without `#`); every field is checked before the view is returned. */
export function decodeSharedView(fragment: string): DecodedLink {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const match = /^(\d+)\.(.+)$/s.exec(text);
  if (!match) return { error: DAMAGED };
  const format = Number(match[1]);
  if (format > SHARE_FORMAT)
    return {
      error: `This link was made by a newer version of the Asterisk Module Explorer (link format ${format}; this one reads up to ${SHARE_FORMAT}), so it was not opened.`,
    };
  if (format !== 1) return { error: DAMAGED };
  let json: unknown;
  try {
    const raw = decompressFromEncodedURIComponent(match[2] ?? '');
    if (!raw) return { error: DAMAGED };
    json = JSON.parse(raw);
  } catch {
    return { error: DAMAGED };
  }
  try {
    return { view: readV1(json) };
  } catch (error) {
    if (error instanceof LinkFieldError)
      return {
        error: `This link has a value this app does not understand (${error.field}), so it was not opened.`,
      };
    throw error;
  }
}

export class LinkFieldError extends Error {
  constructor(readonly field: string) {
    super(field);
  }
}

export type Json = Record<string, unknown>;

export function object(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new LinkFieldError(field);
  return value as Json;
}

export function string(value: unknown, field: string, max = 200): string {
  if (typeof value !== 'string' || value.length > max) throw new LinkFieldError(field);
  return value;
}

/** A sorcery.conf carried by a view: text a person wrote, judged by its parser when it is run. */
function sorceryOf(value: unknown): { text: string; file: string } {
  const o = object(value, 'sim.sorcery');
  return { text: string(o.text, 'sim.sorcery.text', 200_000), file: string(o.file, 'sim.sorcery.file') };
}

function boolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new LinkFieldError(field);
  return value;
}

function oneOf<T extends string>(values: readonly T[], value: unknown, field: string): T {
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value))
    throw new LinkFieldError(field);
  return value as T;
}

function list<T>(value: unknown, field: string, item: (v: unknown, f: string) => T, max = 5000): T[] {
  if (!Array.isArray(value) || value.length > max) throw new LinkFieldError(field);
  return value.map((v, i) => item(v, `${field}[${i}]`));
}

/** A module or item name as Asterisk spells them: no markup, no path, no control characters. */
function name(value: unknown, field: string): string {
  const s = string(value, field, 120);
  if (!/^[A-Za-z0-9_.\-:+ ]+$/.test(s)) throw new LinkFieldError(field);
  return s;
}

export function version(value: unknown, field: string): string {
  const s = string(value, field, 40);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(s)) throw new LinkFieldError(field);
  return s;
}

export function httpsUrl(value: unknown, field: string): string {
  const s = string(value, field, 2000);
  if (!URL.canParse(s) || !/^https?:$/.test(new URL(s).protocol)) throw new LinkFieldError(field);
  return s;
}

function selection(value: unknown): Selection {
  const o = object(value, 'selection');
  const kind = oneOf(['module', 'library', 'item'] as const, o.kind, 'selection.kind');
  if (kind === 'item')
    return {
      kind,
      itemKind: oneOf(PROVIDED_ITEM_KINDS, o.itemKind, 'selection.itemKind'),
      name: name(o.name, 'selection.name'),
    };
  return { kind, name: name(o.name, 'selection.name') };
}

function readV1(json: unknown): SharedViewV1 {
  const o = object(json, 'link');
  const dataJson = object(o.data, 'data');
  const data: SharedViewV1['data'] =
    'src' in dataJson
      ? { src: httpsUrl(dataJson.src, 'data.src') }
      : { version: version(dataJson.version, 'data.version') };
  return { data, ...readViewBody(o) };
}

/** Checks the body of a view (a link's or a session's); throws LinkFieldError naming the field. */
export function readViewBody(o: Json): ViewBody {
  const v = object(o.view, 'view');
  const f = object(v.filters, 'view.filters');
  const filters: GraphFilters = {
    hiddenCategories: list(f.hiddenCategories, 'view.filters.hiddenCategories', (x, k) =>
      oneOf<ModuleCategory>(MODULE_CATEGORIES, x, k),
    ),
    hiddenSupportLevels: list(f.hiddenSupportLevels, 'view.filters.hiddenSupportLevels', (x, k) =>
      oneOf<SupportLevel>(SUPPORT_LEVELS, x, k),
    ),
    hiddenEdgeKinds: list(f.hiddenEdgeKinds, 'view.filters.hiddenEdgeKinds', (x, k) =>
      oneOf<EdgeKind>(EDGE_KINDS, x, k),
    ),
    hiddenOutcomes: list(f.hiddenOutcomes, 'view.filters.hiddenOutcomes', (x, k) => oneOf(OUTCOMES, x, k)),
  };
  const hops = v.hops;
  if (typeof hops !== 'number' || !Number.isInteger(hops) || hops < 1 || hops > 5)
    throw new LinkFieldError('view.hops');
  const s = object(o.sim, 'sim');
  const conf = object(s.conf, 'sim.conf');
  const faultsJson = object(s.faults, 'sim.faults');
  const faults: Record<string, ModuleFault> = {};
  for (const [module, fault] of Object.entries(faultsJson))
    faults[name(module, 'sim.faults')] = oneOf(MODULE_FAULTS, fault, `sim.faults.${module}`);
  const step = s.step;
  if (step !== undefined && (typeof step !== 'number' || !Number.isInteger(step) || step < 0))
    throw new LinkFieldError('sim.step');
  const view: ViewBody = {
    view: {
      mode: oneOf<ViewMode>(['modules', 'providers'], v.mode, 'view.mode'),
      layout: oneOf<LayoutAlgorithm>(['layered', 'force'], v.layout, 'view.layout'),
      main: oneOf<MainView>(['graph', 'table'], v.main, 'view.main'),
      libraries: boolean(v.libraries, 'view.libraries'),
      nonLoadable: boolean(v.nonLoadable, 'view.nonLoadable'),
      grouped: boolean(v.grouped, 'view.grouped'),
      expanded: list(v.expanded, 'view.expanded', (x, k) => oneOf(GROUP_KEYS, x, k)),
      isolatedExpanded: boolean(v.isolatedExpanded, 'view.isolatedExpanded'),
      filters,
      focusMode: oneOf(FOCUS_MODES, v.focusMode, 'view.focusMode'),
      hops,
      outside: oneOf<OutsideFocus>(['hide', 'dim'], v.outside, 'view.outside'),
      tab: oneOf(TABS, v.tab, 'view.tab'),
    },
    sim: {
      loader: oneOf(LOADER_CHOICES, s.loader, 'sim.loader'),
      // A modules.conf is text a person wrote; its own parser judges it when it is run.
      conf: { text: string(conf.text, 'sim.conf.text', 1_000_000), file: string(conf.file, 'sim.conf.file') },
      ...(s.sorcery !== undefined ? { sorcery: sorceryOf(s.sorcery) } : {}),
      absent: list(s.absent, 'sim.absent', name),
      faults,
      commands: list(s.commands, 'sim.commands', (x, k) => string(x, k, 500), 200),
      ran: boolean(s.ran, 'sim.ran'),
      ...(step !== undefined ? { step } : {}),
      colourBy: oneOf<ColourBy>(['category', 'outcome'], s.colourBy, 'sim.colourBy'),
    },
  };
  if (o.selection !== undefined) view.selection = selection(o.selection);
  if (o.trail !== undefined) view.trail = list(o.trail, 'trail', name, 100);
  if (o.compare !== undefined) {
    const c = object(o.compare, 'compare');
    view.compare = {
      from: version(c.from, 'compare.from'),
      to: version(c.to, 'compare.to'),
      onGraph: boolean(c.onGraph, 'compare.onGraph'),
    };
  }
  return view;
}

/**
 * What an address asks for: its fragment (`#1.…`, a whole view) first, else `?src=<address of a
 * dataset file>`; undefined for a plain address.
 */
export function linkFromAddress(hash: string, search: string): DecodedLink | undefined {
  if (hash.length > 1) return decodeSharedView(hash);
  const src = new URLSearchParams(search).get('src');
  if (src === null) return undefined;
  try {
    return { src: httpsUrl(src, 'src') };
  } catch {
    return {
      error: `The address given as ?src= is not an http(s) address (${src.slice(0, 80)}), so nothing was fetched.`,
    };
  }
}
