/**
 * Types of the modules.conf planner: what the user declares beyond the dialplan, why each module
 * is in the plan, and what the simulator says about the planned file.
 */
import type { DialplanLocation } from './dialplan';
import type { LoaderKind } from './simulation';
import type { Problem } from './problems';

/**
 * Needs the dialplan does not show. Each list takes short names (`pjsip.conf`, `ulaw`, `csv`)
 * or module names; `keep` takes module names only.
 */
export interface PlanNeeds {
  /** Channel technologies or their config files: `pjsip`, `pjsip.conf`, `iax2`, `chan_dahdi.conf`. */
  channels?: string[];
  /** Codecs to translate between: `ulaw`, `alaw`, `g722`, `opus`, `gsm`... Default: ulaw, alaw when a channel is used. */
  codecs?: string[];
  /** Sound file formats: `wav`, `gsm`, `sln`, `g722`... Default: gsm when the dialplan plays prompts. */
  formats?: string[];
  musicOnHold?: boolean;
  /** CDR backends: `csv`, `custom`, `manager`, `adaptive_odbc`... */
  cdr?: string[];
  /** CEL backends: `custom`, `manager`, `odbc`... */
  cel?: string[];
  /** The Asterisk REST Interface (res_ari and its resources). The manager and HTTP server are built in. */
  ari?: boolean;
  /** Modules to keep whatever the dialplan says. */
  keep?: string[];
  /** Modules to list with `require` (Asterisk stops if they do not start). */
  require?: string[];
}

export type PlanReasonKind =
  | 'application'
  | 'function'
  | 'technology'
  | 'switch'
  | 'dialplan'
  | 'need'
  | 'default'
  | 'keep'
  | 'dependency'
  | 'enhancer';

export interface PlanReason {
  kind: PlanReasonKind;
  /** One sentence: "Dial used in [from-internal] exten _1XX, line 19". */
  text: string;
  at?: DialplanLocation;
  /** For `dependency` / `enhancer`: the module that needs this one. */
  by?: string;
}

export type PlanOption = 'load' | 'preload' | 'require' | 'preload-require';

export interface PlannedModule {
  name: string;
  category: string;
  option: PlanOption;
  reasons: PlanReason[];
}

/** A name the dialplan uses and what provides it. */
export interface UsedItem {
  kind: 'application' | 'function' | 'technology' | 'switch';
  name: string;
  /** Providing module; `core` for the Asterisk core; undefined when nothing in the dataset provides it. */
  module?: string;
  /** Every place it is used. */
  at: DialplanLocation[];
}

export interface PlanVerification {
  /** The planned file starts Asterisk and every requirement is met. */
  ok: boolean;
  startupFailed: boolean;
  /** Used applications/functions/technologies whose provider does not run (or is absent). */
  missingItems: Array<{ kind: UsedItem['kind']; name: string; module?: string; at?: DialplanLocation }>;
  /** Declared needs (and defaults, keep, enhancers) whose module does not run. */
  missingNeeds: Array<{ module: string; reason: string }>;
  /** Listed modules that do not run, with why. */
  notRunning: Array<{ module: string; why: string[] }>;
  /** Running non-built-in modules that no requirement and no dependency explains. */
  unneeded: string[];
  /** Modules started by the planned file (built-ins included). */
  started: string[];
}

export interface PlanSaving {
  /** What the comparison is against: the user's modules.conf or `autoload = yes`. */
  against: 'current' | 'autoload';
  before: number;
  after: number;
}

export interface ModulesPlan {
  version: string;
  loader: LoaderKind;
  modules: PlannedModule[];
  used: UsedItem[];
  /** The planned modules.conf text. */
  text: string;
  verification: PlanVerification;
  saving: PlanSaving;
  /** Line diff against the current modules.conf (`+ `/`- `/`  ` prefixed), when one was given. */
  diff?: string[];
  /** Unknown names, unsupported input, choices made (e.g. app_voicemail over its variants). */
  warnings: Problem[];
  notes: string[];
}
