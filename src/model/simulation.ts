/**
 * Types of the loader simulation: its input (a parsed modules.conf, the module files present,
 * injected faults, run-time commands) and its output (events, final states, use counts, the
 * Asterisk-style log). Plain serialisable data so results cross the worker boundary unchanged.
 */

import type { Problem } from './problems';

// ---------------------------------------------------------------------------------------------
// modules.conf
// ---------------------------------------------------------------------------------------------

/** The `[modules]` options the loader knows (main/loader.c: loader_config_init). */
export type ModulesConfOption = 'autoload' | 'preload' | 'preload-require' | 'load' | 'require' | 'noload';

export const MODULES_CONF_OPTIONS: readonly ModulesConfOption[] = [
  'autoload',
  'preload',
  'preload-require',
  'load',
  'require',
  'noload',
];

/** One `name = value` / `name => value` line of the `[modules]` section, in file order. */
export interface ModulesConfEntry {
  /** The option as written (Asterisk compares it case-insensitively and prints it as written). */
  name: string;
  /** The recognised option, or `unknown` (the real loader then refuses to start). */
  option: ModulesConfOption | 'unknown';
  /** The value with surrounding blanks removed, as written (module names keep their spelling). */
  value: string;
  /** True for `=>` (Asterisk treats `=` and `=>` alike in `[modules]`). */
  object: boolean;
  /** 1-based line and column of the option name. */
  line: number;
  column: number;
}

export interface ModulesConf {
  /** File name as given by the user, for messages. */
  file: string;
  /**
   * `ok`, or `invalid` when Asterisk's config parser would reject the whole file (a line outside any
   * section, a section header without `]`): the loader then logs `'modules.conf' invalid or missing.`
   * and Asterisk exits with status 1.
   */
  status: 'ok' | 'invalid';
  /** Whether a `[modules]` section exists (without one nothing but the built-ins is loaded). */
  hasModulesSection: boolean;
  /** Entries of the first `[modules]` section, in file order (later `[modules]` sections are ignored, as in Asterisk). */
  entries: ModulesConfEntry[];
}

// ---------------------------------------------------------------------------------------------
// Simulation input
// ---------------------------------------------------------------------------------------------

/**
 * Which loader to simulate:
 * - `current`: Asterisk 16 and later (dependency-aware, main/loader.c at the master commit);
 * - `legacy`: Asterisk 13 and earlier (priority order only, no `requires`);
 * - `proposed`: the "Module loader improvements" design (implied load / noload along `requires`).
 */
export type LoaderKind = 'current' | 'legacy' | 'proposed';

export const LOADER_KINDS: readonly LoaderKind[] = ['current', 'legacy', 'proposed'];

/** The loader a user picks: the one of the dataset's version, or one kind whatever the version. */
export type LoaderChoice = 'version' | LoaderKind;

export const LOADER_CHOICES: readonly LoaderChoice[] = ['version', ...LOADER_KINDS];

/** The kind to ask the engine for: none for the version's own loader. */
export function loaderOfChoice(choice: LoaderChoice): LoaderKind | undefined {
  return choice === 'version' ? undefined : choice;
}

/**
 * The loader behaviours that changed between Asterisk releases, for one version. Each flag names
 * the asterisk/asterisk commit that introduced it and the first release of each branch with it
 * (read from main/loader.c and main/cli.c at every release tag).
 */
export interface LoaderRelease {
  /** The Asterisk version these are the behaviours of (`16.30.1`, `22.10.1`, `master`). */
  version: string;
  /**
   * `legacy`: Asterisk 15 and earlier, two load_modules stages and no dependency checks;
   * `current`: the dependency-aware loader of 16.0 and later (3b73ed28c5, a80cbb046e, e6142a1282,
   * 49f83a7490, e4cf513f81).
   */
  kind: 'legacy' | 'current';
  /** `module refresh <module>` exists (ef00ff4e1e: 16.24, 18.10, 19.2, 20.0 and later). */
  refreshCommand: boolean;
  /** `module refresh <module> recursively` (01ff5c8140: 18.23, 20.8, 21.3, 22.0 and later). */
  recursiveRefresh: boolean;
  /**
   * A declined module can be unloaded, and `module load` of one unloads it first (c209064d66:
   * 18.17, 20.2, 21.0 and later); before, unloading it fails with "is not loaded".
   */
  unloadDeclined: boolean;
  /**
   * The per-module lines (`Loading X.`, `X => (...)`, `Unloading X`) at verbose 4 and 5 instead
   * of 1 and 2 (6871d1cdfc: 18.22, 20.7, 21.2, 22.0 and later).
   */
  quietModuleLines: boolean;
  /** Why these behaviours were assumed rather than read from the version, when they were. */
  assumed?: string;
}

/**
 * A fault injected into one module:
 * - `decline`: its load() returns AST_MODULE_LOAD_DECLINE (e.g. no config file);
 * - `failure`: its load() returns AST_MODULE_LOAD_FAILURE (aborts startup);
 * - `missing`: its `.so` file is not in the module directory;
 * - `no-load-function`: its module info has no load callback.
 */
export type ModuleFault = 'decline' | 'failure' | 'missing' | 'no-load-function';

export const MODULE_FAULTS: readonly ModuleFault[] = ['decline', 'failure', 'missing', 'no-load-function'];

/** A CLI command run after startup, as typed at the Asterisk console. */
export type RuntimeCommand =
  | { kind: 'load'; module: string }
  | { kind: 'unload'; modules: string[]; force: 'soft' | 'firm' | 'hard' }
  | { kind: 'refresh'; module: string; recursive: boolean }
  | { kind: 'show'; like?: string }
  | { kind: 'shutdown' };

/** One mapping line of sorcery.conf: `[res_pjsip]` / `endpoint = realtime,ps_endpoints`. */
export interface SorceryMapping {
  /** The section: the sorcery instance, named after the module that opens it (`res_pjsip`). */
  instance: string;
  objectType: string;
  /** The wizard (`realtime`, `config`, `memory`, `astdb`, `memory_cache`): module `res_sorcery_<wizard>`. */
  wizard: string;
  line: number;
  column: number;
}

/** The user's sorcery.conf: main/sorcery.c applies its mappings when each instance opens. */
export interface SorceryConf {
  file: string;
  mappings: SorceryMapping[];
}

export interface SimulationOptions {
  /** Default: the loader of {@link SimulationOptions.version}. */
  loader?: LoaderKind;
  /**
   * The Asterisk version whose loader behaviours apply (commands, messages, log verbosity).
   * Default: the dataset's version.
   */
  version?: string;
  /**
   * Module file names present in the module directory, in readdir order (the order autoload adds
   * them); a bare name stands for `<name>.so`. Default: every loadable module of the dataset as
   * `<name>.so`, alphabetically.
   */
  available?: readonly string[];
  /** Faults by module name. */
  faults?: Readonly<Record<string, ModuleFault>>;
  /**
   * The server's sorcery.conf: each object type it maps takes a reference on its wizard's module in
   * place of the source's default mapping for that type (main/sorcery.c).
   */
  sorceryConf?: SorceryConf;
  /**
   * References a live server holds beyond those the simulation explains, by module (`module show`'s
   * use count minus the simulated one: calls in progress, observers): taken after startup, before
   * the commands, and released by none of them, so `module unload` and `module refresh …
   * recursively` refuse as the server would.
   */
  heldReferences?: Readonly<Record<string, number>>;
  /** Commands to run after a successful startup, in order (text as typed, or parsed). */
  commands?: readonly (string | RuntimeCommand)[];
}

// ---------------------------------------------------------------------------------------------
// Simulation output
// ---------------------------------------------------------------------------------------------

/** Asterisk log levels seen in the loader's output. */
export type LogLevel = 'VERBOSE' | 'DEBUG' | 'NOTICE' | 'WARNING' | 'ERROR';

/** One line of the log transcript, in the wording of the real loader. */
export interface LogLine {
  level: LogLevel;
  /** Source file that logs it in Asterisk (`loader.c`, `asterisk.c`, `config.c`). */
  source: string;
  message: string;
  /** For VERBOSE lines: the verbose level Asterisk logs it at (ast_verb(n, ...)). */
  verbosity?: number;
  /** Index of the event this line belongs to, when there is one (for the timeline). */
  event?: number;
}

/** Why a module did not start although it was opened. */
export type DeclineReason =
  /** Its own load() declined (fault `decline`, or what the dataset knows). */
  | 'self'
  /** Its module info has no load callback. */
  | 'no-load-function'
  /** Its load() returned failure. */
  | 'failure'
  /** A module it depends on declined (`Declined modules which depend on X`). */
  | 'cascade'
  /** A dependency is not in the module list (`Failed to resolve dependencies for X`). */
  | 'unresolved-dependencies'
  /** Pulled-in dependencies did not start (`Failed to load X due to dependencies: ...`). */
  | 'dependencies-not-started'
  /** It declined while being pulled in by another module: no message of its own. */
  | 'declined-while-pulled';

/** Why a module file present in the module directory never started nor declined. */
export type NotLoadedReason =
  /** Removed from the load order by a `noload` line (or implied by one, proposed loader). */
  | 'noload'
  /** `autoload = no` and no line lists it. */
  | 'not-listed'
  /** Its `.so` never opened: it links against a global-symbol module that is not loaded. */
  | 'dlopen-failed'
  /** Startup stopped before the loader reached it. */
  | 'never-reached'
  /** Asterisk refused modules.conf, so nothing loaded. */
  | 'config-error'
  /** Unloaded by a run-time command. */
  | 'unloaded';

export type ModuleState = 'running' | 'declined' | 'failed' | 'not-loaded' | 'registered';

/** Final state of one module after startup (or after the run-time commands). */
export interface ModuleOutcome {
  name: string;
  state: ModuleState;
  /** For `declined` / `failed`. */
  declineReason?: DeclineReason;
  /** The module whose decline caused this one (cascade), or the missing/declined dependencies. */
  causes?: string[];
  /** For `not-loaded`. */
  notLoadedReason?: NotLoadedReason;
  /** For `not-loaded` with `dlopen-failed`: the global-symbol modules it could not link against. */
  missingLinks?: string[];
  /** 0-based position in the start order, for running modules. */
  startIndex?: number;
  /** The module whose missing dependencies pulled this one in ahead of its priority slot. */
  pulledBy?: string;
  /** Use count as `module show` would print it (references the loader explains). */
  useCount: number;
  /** Modules this one holds a reference on. */
  references: string[];
  /**
   * A loadable module whose load() holds itself until shutdown (ModuleGraph.runtimeReferences:
   * ast_module_shutdown_ref, a format interface or bucket scheme registered).
   */
  heldUntilShutdown?: boolean;
  /**
   * Modules its load() took run-time references on besides the loader's (a calendar technology
   * on res_calendar, one per object type on a sorcery wizard's module), released when it unloads.
   */
  runtimeReferences?: string[];
  required: boolean;
  preload: boolean;
  builtin: boolean;
  /** Legacy loader: running although a module it uses is not. */
  hazard?: boolean;
}

/** Where an entry of the load-order list came from. */
export type LoadOrderSource = 'builtin' | 'config' | 'autoload' | 'implied';

export type LoaderEvent =
  | {
      type: 'queued';
      module: string;
      resource: string;
      source: LoadOrderSource;
      line?: number;
      required: boolean;
      preload: boolean;
    }
  | { type: 'noload-removed'; module: string; line: number; impliedBy?: string }
  | { type: 'opened'; module: string; pass: number }
  | { type: 'open-failed'; module: string; pass: number; missingLinks: string[]; final: boolean }
  /** The priority vector as the start phase will walk it (preloaded first, then by priority). */
  | { type: 'prioritised'; modules: string[] }
  | { type: 'attempted'; module: string; pulledBy?: string }
  | { type: 'skipped-missing-deps'; module: string; missing: string[] }
  | { type: 'retried'; module: string }
  | { type: 'started'; module: string; pulledBy?: string }
  | { type: 'declined'; module: string; reason: DeclineReason; causes: string[] }
  | { type: 'failed'; module: string; required: boolean }
  | { type: 'reference-taken'; module: string; target: string }
  | { type: 'reference-released'; module: string; target: string }
  | { type: 'unloaded'; module: string }
  | { type: 'startup-aborted'; reason: string };

/** A legacy-loader hazard: a module runs although something it uses does not. */
export interface Hazard {
  module: string;
  dependency: string;
  /** e.g. `app_x is running although res_y, which it uses, is not` */
  message: string;
}

/** One link in the chain of causes that explains a module's outcome. */
export interface ExplanationStep {
  /** The module this step is about (the first step is about the module asked for). */
  module: string;
  text: string;
}

export interface RuntimeResult {
  /** The command as typed (or rendered from the parsed command). */
  command: string;
  ok: boolean;
  /** What the Asterisk CLI prints, line by line joined with `\n`. */
  message: string;
  /** Modules unloaded by this command, in order. */
  unloaded: string[];
  /** Modules (re)started by this command, in order. */
  loaded: string[];
  log: LogLine[];
  events: LoaderEvent[];
  /** Use counts after the command, registered modules only. */
  useCounts: Record<string, number>;
  /**
   * What the prediction of an unload or refresh that succeeded cannot know: references taken by
   * calls in progress (channels, bridges, file streams, translation paths) are transient and would
   * make the real command refuse; and, for a dataset without them, run-time references.
   */
  caveat?: string;
}

export interface SimulationResult {
  loader: LoaderKind;
  /** The version's loader behaviours that were simulated. */
  release: LoaderRelease;
  startupFailed: boolean;
  /** The exit status Asterisk would have: 0 (running), 1 (configuration error), 2 (a module failed). */
  exitCode: 0 | 1 | 2;
  /** Modules in the order they started. */
  started: string[];
  /** Modules that declined or failed, sorted. */
  declined: string[];
  /** Module files present that never started and never declined, sorted. */
  notLoaded: string[];
  /** Use count of every registered module after startup (as `module show` lists them). */
  useCounts: Record<string, number>;
  /** Final state of every module the simulation touched, after startup. */
  modules: Record<string, ModuleOutcome>;
  /** Startup events; the index of an event is its step on the timeline. */
  events: LoaderEvent[];
  /** The Asterisk-style transcript of startup. */
  log: LogLine[];
  hazards: Hazard[];
  /** Problems with the input (unknown modules, faults on unknown names, missing link facts...). */
  problems: Problem[];
  runtime: RuntimeResult[];
  /** State of every module after the last run-time command (equal to `modules` without commands). */
  finalModules: Record<string, ModuleOutcome>;
}
