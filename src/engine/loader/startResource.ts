/**
 * Starting one module (main/loader.c: start_resource, load_resource) and recording why a module
 * declined.
 */
import type { DeclineReason } from '../../model';
import type { ModuleLoadFacts } from '../loaderFacts';
import { moduleKey } from '../names';
import { loadDynamicModule } from './dlopen';
import type { LoadedModule, LoadResult } from './module';
import { LOAD_DECLINE, LOAD_FAILURE, LOAD_PRIORITY, LOAD_SUCCESS, NONE_NAMES, SortedModules } from './module';
import { depsReference, missingRecursive } from './references';
import type { LoaderState } from './state';

export interface StartContext {
  /** The module whose missing dependencies are being started. */
  pulledBy?: string;
}

const NO_CONTEXT: StartContext = {};

/**
 * What start_resource does differs between loader versions in a few rules; everything else
 * (the log lines, the timeline, moving the module to the tail of the list) is shared.
 */
export interface StartRules {
  /**
   * module_deps_reference before load(): the dependency-aware loader (16+) declines a module whose
   * dependencies are not running; 13 calls load() whatever they are doing.
   */
  checkDependencies: boolean;
  /**
   * 16+: a required module that declines is a failure and a module without load() declines.
   * 13: only a load failure counts, a module without load() fails, and a failing module is not
   * marked declined (its reason is recorded as 'failure').
   */
  requiredDeclineIsFailure: boolean;
}

/** start_resource of the dependency-aware loader (Asterisk 16 to master). */
export const DEPENDENCY_AWARE_START: StartRules = { checkDependencies: true, requiredDeclineIsFailure: true };
/** start_resource of Asterisk 13 (main/loader.c at 13.38.3). */
export const ASTERISK_13_START: StartRules = { checkDependencies: false, requiredDeclineIsFailure: false };

/** Records why a module declined (the first reason since it registered decides) and says so on the timeline. */
export function declineEvent(
  core: LoaderState,
  mod: LoadedModule,
  reason: DeclineReason,
  causes: string[],
): void {
  if (mod.declineReason === null) {
    mod.declineReason = reason;
    mod.declineCauses = causes;
  }
  core.t.emit({ type: 'declined', module: mod.name, reason, causes });
}

/**
 * main/loader.c: start_resource. `depsHeld` says the caller's module_deps_reference just
 * succeeded (start_resource_attempt): running it again here would find every reference taken
 * and change nothing, so it is skipped.
 */
/**
 * References the module's load() takes on others outside the loader's bookkeeping (a calendar
 * technology registering with res_calendar adds a user to it), from ModuleGraph.runtimeReferences.
 */
function takeRuntimeReferences(core: LoaderState, mod: LoadedModule): void {
  const keys = mod.facts.runtimeRefKeys;
  if (keys.length === 0) return;
  const held: LoadedModule[] = [...mod.runtimeHeld];
  for (const key of keys) {
    const target = core.registry.findKey(key);
    if (!target?.running) continue;
    target.usecount++;
    held.push(target);
    core.t.emit({ type: 'reference-taken', module: mod.name, target: target.name });
  }
  mod.runtimeHeld = held;
}

export function startResource(
  core: LoaderState,
  mod: LoadedModule,
  ctx: StartContext = NO_CONTEXT,
  depsHeld = false,
  rules: StartRules = DEPENDENCY_AWARE_START,
): LoadResult {
  if (mod.running) return LOAD_SUCCESS;
  const t = core.t;
  t.emit(
    ctx.pulledBy
      ? { type: 'attempted', module: mod.name, pulledBy: ctx.pulledBy }
      : { type: 'attempted', module: mod.name },
  );

  if (!core.hasLoadFunction(mod)) {
    if (!rules.requiredDeclineIsFailure) {
      mod.failed = true;
      declineEvent(core, mod, 'no-load-function', []);
      t.emit({ type: 'failed', module: mod.name, required: mod.required });
      return LOAD_FAILURE;
    }
    mod.declined = true;
    declineEvent(core, mod, 'no-load-function', ctx.pulledBy ? [ctx.pulledBy] : []);
    return mod.required ? LOAD_FAILURE : LOAD_DECLINE;
  }

  if (rules.checkDependencies && !depsHeld && !depsReference(core, mod, null)) {
    const missing = new SortedModules();
    const unknown: string[] = [];
    if (!missingRecursive(core, mod, missing, unknown)) {
      t.loadError(`${mod.name} has one or more unknown dependencies.`);
    }
    for (const dep of missing.items) t.loadError(`${mod.name} loaded before dependency ${dep.name}!`);
    declineEvent(
      core,
      mod,
      unknown.length > 0 ? 'unresolved-dependencies' : 'dependencies-not-started',
      unknown.length > 0 ? unknown : missing.items.map((d) => d.name),
    );
    return LOAD_DECLINE;
  }

  if (!core.fullyBooted) t.verbose(core.text.loading(mod.facts, mod.resource), core.verb.loading);
  const fault = core.faultOf(mod);
  let res: LoadResult =
    fault === 'decline' ? LOAD_DECLINE : fault === 'failure' ? LOAD_FAILURE : LOAD_SUCCESS;
  switch (res) {
    case LOAD_SUCCESS:
      if (!core.fullyBooted) t.verbose(core.text.started(mod.facts, mod.resource), core.verb.started);
      else t.verbose(`Loaded ${mod.resource} => (${mod.facts.description})`, core.verb.loadedAtRuntime);
      mod.running = true;
      if ((mod.builtin || mod.facts.pinsSelf) && !mod.keepUntilShutdown) {
        // Built-in modules cannot be unloaded: they hold a reference until shutdown. So does a
        // module whose load() calls ast_module_shutdown_ref on itself (ModuleGraph.runtimeReferences).
        mod.usecount++;
        mod.keepUntilShutdown = true;
      }
      takeRuntimeReferences(core, mod);
      mod.startIndex = core.record.noteStarted(mod.name, mod.key);
      mod.declineReason = null;
      mod.declineCauses = NONE_NAMES;
      mod.pulledBy = ctx.pulledBy ?? null;
      t.emit(
        ctx.pulledBy
          ? { type: 'started', module: mod.name, pulledBy: ctx.pulledBy }
          : { type: 'started', module: mod.name },
      );
      break;
    case LOAD_DECLINE:
      mod.declined = true;
      declineEvent(
        core,
        mod,
        ctx.pulledBy ? 'declined-while-pulled' : 'self',
        ctx.pulledBy ? [ctx.pulledBy] : [],
      );
      if (mod.required && rules.requiredDeclineIsFailure) res = LOAD_FAILURE;
      break;
    default:
      mod.failed = true;
      if (rules.requiredDeclineIsFailure) mod.declined = true;
      else declineEvent(core, mod, 'failure', []);
      t.emit({ type: 'failed', module: mod.name, required: mod.required });
      break;
  }
  core.registry.moveToTail(mod);
  return res;
}

/**
 * main/loader.c: load_resource — opens the module if needed, then queues or starts it.
 * `known`, when given, is the dataset's facts of `key`; `onOpened` hears of a library newly opened.
 */
export function loadResource(
  core: LoaderState,
  resourceName: string,
  suppressLogging: boolean,
  priorities: LoadedModule[] | null,
  required: boolean,
  preload: boolean,
  onOpened?: (mod: LoadedModule) => void,
  key: string = moduleKey(resourceName),
  known: ModuleLoadFacts | null = core.knownFacts(key),
): LoadResult {
  core.noteOpenAttempt();
  let mod = core.registry.findKey(key, known);
  if (mod) {
    if (mod.running) {
      core.t.log('WARNING', `Module '${resourceName}' already loaded and running.`);
      return LOAD_DECLINE;
    }
  } else {
    mod = loadDynamicModule(core, resourceName, suppressLogging, key, known) ?? undefined;
    if (!mod) return required ? LOAD_FAILURE : LOAD_DECLINE;
    onOpened?.(mod);
  }
  mod.required ||= required;
  mod.preload ||= preload;
  mod.declined = false;
  if (priorities) {
    priorities.push(mod);
    return LOAD_PRIORITY;
  }
  return startResource(
    core,
    mod,
    NO_CONTEXT,
    false,
    core.release.kind === 'legacy' ? ASTERISK_13_START : DEPENDENCY_AWARE_START,
  );
}
