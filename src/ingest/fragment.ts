import type {
  DatasetInfo,
  DependencyEdge,
  ExternalLibrary,
  MenuselectCategory,
  ModuleCategory,
  ModuleGraph,
  ModuleInfo,
  ProvidedItem,
} from '../model';

/**
 * What one parsed file contributes: a module graph without the edge indexes, whose edges may
 * still be tentative (a `<depend>` on a name that turns out to be a library). `mergeFragments`
 * resolves and indexes them.
 */
export interface GraphFragment {
  info: Partial<DatasetInfo> & Pick<DatasetInfo, 'sources'>;
  modules: Record<string, ModuleInfo>;
  libraries: Record<string, ExternalLibrary>;
  edges: DependencyEdge[];
  items: ProvidedItem[];
  categories: MenuselectCategory[];
}

export function emptyFragment(info: GraphFragment['info']): GraphFragment {
  return { info, modules: {}, libraries: {}, edges: [], items: [], categories: [] };
}

export function fragmentOf(graph: ModuleGraph): GraphFragment {
  const { outgoing: _outgoing, incoming: _incoming, ...rest } = graph;
  return rest;
}

/** Module-folder prefixes of the Asterisk tree; a name with one of them is (almost surely) a `.so`. */
const PREFIX_CATEGORIES: ReadonlyArray<readonly [string, ModuleCategory]> = [
  ['app_', 'apps'],
  ['bridge_', 'bridges'],
  ['cdr_', 'cdr'],
  ['cel_', 'cel'],
  ['chan_', 'channels'],
  ['codec_', 'codecs'],
  ['format_', 'formats'],
  ['func_', 'funcs'],
  ['pbx_', 'pbx'],
  ['res_', 'res'],
  ['test_', 'tests'],
];

/** Category implied by a module-folder prefix, or undefined for helper and core file names. */
export function categoryFromPrefix(name: string): ModuleCategory | undefined {
  for (const [prefix, category] of PREFIX_CATEGORIES) if (name.startsWith(prefix)) return category;
  return undefined;
}

const FOLDER_CATEGORIES: Record<string, ModuleCategory> = {
  addons: 'addons',
  apps: 'apps',
  bridges: 'bridges',
  cdr: 'cdr',
  cel: 'cel',
  channels: 'channels',
  codecs: 'codecs',
  formats: 'formats',
  funcs: 'funcs',
  pbx: 'pbx',
  res: 'res',
  tests: 'tests',
  main: 'main',
};

/** Category from a source folder name (`apps`, `main`...), as runtime facts name it. */
export function categoryFromFolder(folder: string | undefined): ModuleCategory {
  return (folder !== undefined ? FOLDER_CATEGORIES[folder] : undefined) ?? 'other';
}
