/**
 * The serialisable module graph: everything the explorer knows about one Asterisk build.
 * Plain data only (no classes, no Maps) so it crosses the worker boundary and round-trips
 * through Module Metadata XML without loss.
 */

/** Module folders of the Asterisk source tree, plus `main` for modules built into the core. */
export type ModuleCategory =
  | 'addons'
  | 'apps'
  | 'bridges'
  | 'cdr'
  | 'cel'
  | 'channels'
  | 'codecs'
  | 'formats'
  | 'funcs'
  | 'pbx'
  | 'res'
  | 'tests'
  | 'main'
  | 'other';

export const MODULE_CATEGORIES: readonly ModuleCategory[] = [
  'apps',
  'bridges',
  'cdr',
  'cel',
  'channels',
  'codecs',
  'formats',
  'funcs',
  'pbx',
  'res',
  'tests',
  'addons',
  'main',
  'other',
];

/** `<support_level>` of MODULEINFO; `option`/`external` mark menuselect members that are not modules. */
export type SupportLevel = 'core' | 'extended' | 'deprecated' | 'external' | 'option' | 'unspecified';

export const SUPPORT_LEVELS: readonly SupportLevel[] = [
  'core',
  'extended',
  'deprecated',
  'external',
  'option',
  'unspecified',
];

/**
 * What an entry is:
 * - `loadable`: a `.so` the loader can open;
 * - `builtin`: compiled into the core (main/), always loaded, cannot be noloaded;
 * - `non-loadable`: a source file with a MODULEINFO block that is not a module (`sig_analog`, `pbx`);
 * - `build-option`: a menuselect member that is a build option or a downloadable binary.
 */
export type ModuleKind = 'loadable' | 'builtin' | 'non-loadable' | 'build-option';

/** Where a fact came from. */
export type SourceKind =
  | 'xmldoc'
  | 'menuselect-tree'
  | 'runtime'
  | 'trace-metadata'
  | 'metadata-xml'
  | 'inferred'
  /** A module file (.so) as built, read as ELF: its links and registration calls. */
  | 'elf'
  /** A server's configuration file (sorcery.conf): the wizard mappings it makes. */
  | 'config';

export interface SourceRef {
  kind: SourceKind;
  /** File name as the user opened it (or the shared-data path for built-in datasets). */
  file: string;
  line?: number;
  column?: number;
}

/** Names of the facts whose origin is tracked per module. */
export type ModuleFact =
  | 'description'
  | 'category'
  | 'supportLevel'
  | 'defaultEnabled'
  | 'loadPriority'
  | 'flags'
  | 'kind'
  | 'deprecation'
  | 'moduleinfo';

export interface ModuleInfo {
  name: string;
  description?: string;
  category: ModuleCategory;
  kind: ModuleKind;
  supportLevel: SupportLevel;
  /** `<defaultenabled>` from MODULEINFO; undefined means not stated (menuselect's default is yes). */
  defaultEnabled?: boolean;
  /**
   * Load priority as the loader's comparator uses it: the module's `load_pri` when
   * AST_MODFLAG_LOAD_ORDER is set, else 128 (main/loader.c: module_vector_cmp).
   * Undefined when no runtime facts are known for the module.
   */
  loadPriority?: number;
  /** AST_MODFLAG_* names as declared in AST_MODULE_INFO. */
  flags: string[];
  /** AST_MODFLAG_GLOBAL_SYMBOLS: others may link against its symbols. */
  globalSymbols: boolean;
  /** Whether the module has a load callback (false = the loader treats it as "no load function"). */
  hasLoad?: boolean;
  deprecatedIn?: string;
  /**
   * In a dataset without link facts of its own: the build whose `links` edges this module carries,
   * borrowed for the module of the same name (`master`). Absent there: the loader simulation
   * assumes the module links against the global-symbol modules it requires or enhances.
   */
  linksFrom?: string;
  removedIn?: string;
  /** `<replacement>`: the module that replaces a deprecated one. */
  replacement?: string;
  /** Where each fact came from; several sources when they agreed. */
  sources: Partial<Record<ModuleFact, SourceRef[]>>;
}

/**
 * Edge kinds, always pointing from the dependent to what it needs:
 * - `depends`: MODULEINFO `<depend>` on a module (build time);
 * - `requires`: AST_MODULE_INFO `.requires` (run time, the loader enforces it);
 * - `optional`: `<use type="module">` or `.optional_modules`;
 * - `enhances`: `.enhances` (the enhancer is started with, and references, the enhanced module);
 * - `conflicts`: `<conflict>`;
 * - `uses-library`: `<depend>`/`<use>` on an external library;
 * - `links`: the built `.so` needs symbols of a GLOBAL_SYMBOLS module at dlopen time.
 */
export type EdgeKind =
  'depends' | 'requires' | 'optional' | 'enhances' | 'conflicts' | 'uses-library' | 'links';

export const EDGE_KINDS: readonly EdgeKind[] = [
  'depends',
  'requires',
  'optional',
  'enhances',
  'conflicts',
  'uses-library',
  'links',
];

export interface DependencyEdge {
  /** The dependent module. */
  from: string;
  /** The module (or, for `uses-library`, the library) it needs. */
  to: string;
  kind: EdgeKind;
  /** For `uses-library`: true when it came from `<use>` (optional), false for `<depend>`. */
  optional?: boolean;
  /**
   * The edge exists only in builds that have this external library: the module's source lists it
   * inside `#ifdef HAVE_<LIBRARY>` (res_prometheus requires res_pjsip only when built with
   * pjproject). Absent: in every build.
   */
  whenBuiltWith?: string;
  sources: SourceRef[];
}

export interface ExternalLibrary {
  name: string;
  sources: SourceRef[];
}

export type ProvidedItemKind = 'application' | 'function' | 'manager' | 'managerEvent' | 'agi';

export const PROVIDED_ITEM_KINDS: readonly ProvidedItemKind[] = [
  'application',
  'function',
  'manager',
  'managerEvent',
  'agi',
];

/** Something a module registers that admins refer to by name (dialplan application, AMI action...). */
export interface ProvidedItem {
  kind: ProvidedItemKind;
  /** Name as spelled in the xmldoc; Asterisk matches these case-insensitively. */
  name: string;
  /** Providing module; `builtin` in the xmldoc is stored as {@link CORE_PROVIDER}. */
  module: string;
  source?: SourceRef;
}

/** The pseudo-module that stands for the Asterisk core in provider data (`module="builtin"`). */
export const CORE_PROVIDER = 'core';

export interface MenuselectCategory {
  /** e.g. `MENUSELECT_APPS` */
  name: string;
  displayName: string;
  members: string[];
}

export interface DatasetInfo {
  /** Asterisk version label (`22.10.1`, `master`), or `custom` for user files without one. */
  version: string;
  /** Git commit of the source tree, when known. */
  commit?: string;
  /** Files the graph was built from. */
  sources: SourceRef[];
  /** True when the dataset carries `links` edges (link-time facts from a real build). */
  hasLinkFacts: boolean;
  /** Built-in modules in registration order (the loader puts them first, in this order). */
  builtinOrder: string[];
  /** Set when load priorities / requires were borrowed from a built-in dataset. */
  runtimeFactsFrom?: RuntimeFactsMatch;
}

export interface RuntimeFactsMatch {
  version: string;
  /** Share (0..1) of the user's loadable modules found in that built-in dataset. */
  matched: number;
  matchedCount: number;
  total: number;
}

export interface ModuleGraph {
  info: DatasetInfo;
  /** Every entry by name, modules of all kinds. */
  modules: Record<string, ModuleInfo>;
  libraries: Record<string, ExternalLibrary>;
  edges: DependencyEdge[];
  /** Edge indices leaving each node (what it needs); keys are module or library names. */
  outgoing: Record<string, number[]>;
  /** Edge indices entering each node (what needs it). */
  incoming: Record<string, number[]>;
  items: ProvidedItem[];
  categories: MenuselectCategory[];
  /**
   * References modules take at run time that the loader's metadata does not show, read from the
   * source at the dataset's commit. Absent: not known for this dataset.
   */
  runtimeReferences?: RuntimeReference[];
}

/**
 * Why a module holds a run-time reference (each read from the Asterisk source):
 * - `shutdown-self`: its load() calls `ast_module_shutdown_ref(ast_module_info->self)`;
 * - `format-interface`: it registers a format interface (`ast_format_interface_register`, which
 *   calls `ast_module_shutdown_ref` on the registering module in main/format.c);
 * - `bucket-scheme`: it registers a bucket scheme (`ast_bucket_scheme_register`, main/bucket.c);
 * - `calendar-tech`: it registers a calendar technology (`ast_calendar_register` refs res_calendar
 *   until the technology is unregistered);
 * - `sorcery-wizard`: it maps an object type to a sorcery wizard by default
 *   (`ast_sorcery_apply_default` / `ast_sorcery_apply_wizard_mapping`): one reference on the
 *   wizard's module per object type, until its sorcery instance goes (main/sorcery.c).
 */
export type RuntimeReferenceKind =
  'shutdown-self' | 'format-interface' | 'bucket-scheme' | 'calendar-tech' | 'sorcery-wizard';

export const RUNTIME_REFERENCE_KINDS: readonly RuntimeReferenceKind[] = [
  'shutdown-self',
  'format-interface',
  'bucket-scheme',
  'calendar-tech',
  'sorcery-wizard',
];

export interface RuntimeReference {
  /** The module whose use count the reference raises. */
  module: string;
  /** The module whose load() takes it (the same module for the shutdown kinds). */
  takenBy: string;
  kind: RuntimeReferenceKind;
  /**
   * Held until shutdown (`ast_module_shutdown_ref`: taken at most once per module, never released),
   * else released when `takenBy` unloads.
   */
  untilShutdown: boolean;
  /** Taken only on a path load() does not normally take (the call sits inside a condition). */
  conditional?: boolean;
  /**
   * For `sorcery-wizard`: the object type mapped (`endpoint`), when the call names it with a string,
   * and whether the call is `ast_sorcery_apply_default` (`default`: skipped when sorcery.conf maps
   * that type of that instance) or `ast_sorcery_apply_wizard_mapping` (`always`). The sorcery
   * instance is `takenBy`: `ast_sorcery_open()` names it after the module opening it.
   */
  objectType?: string;
  mapping?: 'default' | 'always';
  sources: SourceRef[];
}
