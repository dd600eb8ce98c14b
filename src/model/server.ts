import type { RuntimeReferenceKind } from './graph';

/**
 * What a user's own Asterisk server says about itself (its startup log, `module show`, `ls -U` of
 * the module directory, `core show settings`), and the comparison of that reality with the
 * simulator's prediction. Plain serialisable data, so it crosses the worker boundary unchanged.
 */

/** One line of the user's log, kept as evidence with its place in the file. */
export interface LogEvidence {
  /** 1-based line in the log file. */
  line: number;
  /** The line as written (timestamps and thread ids included). */
  text: string;
  level?: string;
  /** The source file that logged it (`res_odbc.c`), when the line names one. */
  source?: string;
  /** True when the module's own source file logged it (`res_odbc.c` for res_odbc). */
  own?: boolean;
}

/** What the log says became of a module at startup. */
export type RealOutcome = 'started' | 'declined' | 'failed' | 'not-loaded' | 'unknown';

/** Why, as far as the log's own lines tell. */
export type RealCause =
  /** Its own load() declined, and WARNING/ERROR lines tied to it say why (a config file, most often). */
  | 'config-error'
  /** Its own load() declined with no WARNING/ERROR line tied to it. */
  | 'declined-in-load'
  /** Its own load() returned failure. */
  | 'load-failure'
  /** A module it depends on declined (`Declined modules which depend on X`, `Cannot load required module`). */
  | 'dependency-declined'
  /** `Failed to resolve dependencies for X`. */
  | 'unresolved-dependencies'
  /** `Failed to load X due to dependencies: Y.` */
  | 'dependencies-not-started'
  /** `Error loading module 'X', missing dependency: ...` or another dlopen error. */
  | 'dlopen-failed'
  /** `Error loading module 'X': ... No such file or directory`. */
  | 'not-found';

export interface LoggedModule {
  name: string;
  outcome: RealOutcome;
  cause?: RealCause;
  /** The modules named as the cause (the declined dependency, the missing dependencies). */
  causes?: string[];
  /** 0-based position among started modules, in the order the log shows them. */
  startIndex?: number;
  /** Load priority printed in its START line (debug level). */
  priority?: number;
  /** Loader lines about it and WARNING/ERROR lines tied to it, in file order. */
  evidence: LogEvidence[];
}

/** What a startup log shows, for the last startup it holds. */
export interface StartupLog {
  file: string;
  /** The version in the `Asterisk <version> built by ...` line, when the log has one. */
  version?: string;
  /** 1-based line where the startup read starts (a log may hold several startups). */
  fromLine: number;
  startups: number;
  /** `Asterisk Ready.` was logged. */
  ready: boolean;
  /** The log says startup stopped (`ASTERISK EXITING`, a modules.conf Asterisk refused). */
  startupFailed: boolean;
  configRefused: boolean;
  /** `N modules will be loaded.` */
  modulesWillBeLoaded?: number;
  /** Modules in the order they started, as logged (`.so` removed). */
  started: string[];
  modules: Record<string, LoggedModule>;
  /** Module files the log names (`X.so`), in the order it first names them. */
  filesNamed: string[];
  /** What the log can show: levels present, and what its verbosity hides. */
  shows: {
    timestamps: boolean;
    debug: boolean;
    loadingLines: boolean;
    startedLines: boolean;
    errorLines: boolean;
  };
  /** Sentences saying what this log cannot show. */
  limits: string[];
}

/** One row of `module show`. */
export interface ModuleShowRow {
  /** As printed: `app_dial.so`, or `acl` for a built-in. */
  module: string;
  description: string;
  useCount: number;
  /** `Running`, `Not Running`, or absent (older versions print no status). */
  status?: string;
  supportLevel?: string;
  line: number;
}

export interface ModuleShow {
  file: string;
  rows: ModuleShowRow[];
  /** `322 modules loaded`. */
  summaryCount?: number;
}

/** `ls -U` of the module directory: the files present, in readdir order. */
export interface ModuleDirListing {
  file: string;
  /** `.so` files in readdir order. */
  files: string[];
  /** Other entries (not `.so`), kept for the message. */
  others: string[];
}

/** `core show settings`. */
export interface CoreSettings {
  file: string;
  version?: string;
  /** The line the version came from. */
  line?: number;
}

// ---------------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------------

/** Most likely reason why the log and the prediction differ on a module. */
export type DisagreementCause =
  /** The module (or the one it depends on) declined in its own load(), with WARNING/ERROR lines saying why. */
  | 'config-error'
  /** The dataset does not know the module. */
  | 'third-party'
  /** The server's build differs: other dependencies, other link facts, another version. */
  | 'different-build'
  /** The module's file (or a file it needs) is not in the module directory. */
  | 'file-missing'
  /** Nothing in the input explains it. */
  | 'unexplained';

export type PredictedOutcome = 'started' | 'declined' | 'failed' | 'not-loaded' | 'absent';

export interface Disagreement {
  module: string;
  real: RealOutcome;
  predicted: PredictedOutcome;
  cause: DisagreementCause;
  why: string;
  evidence: LogEvidence[];
}

export interface DiagnosedModule {
  name: string;
  real: RealOutcome;
  predicted: PredictedOutcome;
  realCause?: RealCause;
  causes?: string[];
  agrees: boolean;
  /** Use counts from `module show` and the simulation, when both are known. */
  useCount?: { real: number; predicted?: number };
  knownToDataset: boolean;
  evidence: LogEvidence[];
}

export interface Diagnosis {
  startupFailed: boolean;
  /** Started modules in the order the log shows them. */
  started: string[];
  declined: string[];
  notLoaded: string[];
  modules: Record<string, DiagnosedModule>;
  disagreements: Disagreement[];
  /** What the inputs cannot show, and the assumptions made (no --available, ...). */
  limits: string[];
  /** The version the log or `core show settings` names. */
  version?: string;
  /** The loader the prediction simulated ("Asterisk 18.26.4 loader"). */
  loader?: string;
  /**
   * The start order of the modules both sides start, compared when the module files were given in
   * readdir order (the order decides ties); absent when it cannot be compared.
   */
  startOrder?: { agrees: boolean; firstDifference?: { index: number; real: string; predicted: string } };
  /** Counts for the summary line. */
  counts: { compared: number; agree: number; disagree: number };
}

// ---------------------------------------------------------------------------------------------
// Module files (.so) read as ELF
// ---------------------------------------------------------------------------------------------

/** What the dynamic linker sees of one shared object: its dynamic section and dynamic symbols. */
export interface ElfObject {
  /** The file name (`res_odbc.so`). */
  file: string;
  bits: 32 | 64;
  /** e_machine (62: x86-64, 183: AArch64, 3: i386, 40: ARM). */
  machine: number;
  soname?: string;
  /** DT_NEEDED: the libraries it is linked against, in order. */
  needed: string[];
  /** Global and weak symbols it defines (exports), sorted. */
  defined: string[];
  /** Symbols it needs from elsewhere (the core, other modules, libraries), sorted. */
  undefined: string[];
}

/** One module's facts read from its `.so`, compared with the dataset's. */
export interface ElfModuleFacts {
  module: string;
  file: string;
  /** Modules whose exported symbols it needs, each with the first few of those symbols. */
  links: { module: string; symbols: string[] }[];
  needed: string[];
  /**
   * Registration calls that take run-time references (the symbols it imports):
   * `shutdown-self` (__ast_module_shutdown_ref), `format-interface`
   * (__ast_format_interface_register), `bucket-scheme` (__ast_bucket_scheme_register),
   * `calendar-tech` (ast_calendar_register).
   */
  registrations: RuntimeReferenceKind[];
  /** Against the dataset: links only the build has, links only the dataset has. */
  linksOnlyInBuild: string[];
  linksOnlyInDataset: string[];
  /** The dataset does not know the module. */
  unknownToDataset: boolean;
}

export interface ElfBuildFacts {
  modules: ElfModuleFacts[];
  /** Modules whose link facts differ from the dataset's. */
  differing: string[];
}
