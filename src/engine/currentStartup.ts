/**
 * Startup of the dependency-aware loader (Asterisk 16 and later), as main/loader.c: load_modules
 * does it: built-ins, modules.conf, dlopen passes, then the priority-ordered start with
 * dependency pull, decline cascades and the buffered error block.
 */
import type { ModulesConf } from '../model';
import type { LoadedModule, LoadResult, StartContext } from './loaderCore';
import type { LoaderCore } from './loaderCore';
import {
  LOAD_DECLINE,
  LOAD_FAILURE,
  LOAD_PRIORITY,
  LOAD_SKIP,
  LOAD_SUCCESS,
  SortedModules,
  compareModules,
} from './loaderCore';
import { DeclineScan } from './declineScan';
import { LoadOrderList, applyModulesConf } from './loadOrder';
import type { ConfigInitOptions } from './loadOrder';
import { moduleFileName, moduleKey, stripSo } from './names';

export interface StartupOutcome {
  /** load_modules' result: 0 running, -1 configuration refused, -2 a module failed. */
  res: 0 | -1 | -2;
  exitCode: 0 | 1 | 2;
}

/**
 * The priority vector while it is consumed from the front; removals by value are O(1). Each
 * module holds its own index and removal mark (a module is queued at most once: the load-order
 * list has one entry per key).
 */
class PriorityVector {
  private readonly items: LoadedModule[];
  private removed = 0;
  private head = 0;

  constructor(items: LoadedModule[]) {
    this.items = items;
    for (let i = 0; i < items.length; i++) {
      const mod = items[i];
      if (!mod) continue;
      mod.queueIndex = i;
      mod.dequeued = false;
    }
  }

  get size(): number {
    return this.items.length - this.head - this.removed;
  }

  shift(): LoadedModule | undefined {
    while (this.head < this.items.length) {
      const mod = this.items[this.head++];
      if (!mod) continue;
      if (!mod.dequeued) return mod;
      mod.dequeued = false;
      this.removed--;
    }
    return undefined;
  }

  /** AST_VECTOR_REMOVE_CMP_ORDERED: a module started early leaves the queue. */
  remove(mod: LoadedModule): void {
    if (mod.queueIndex < this.head || this.items[mod.queueIndex] !== mod || mod.dequeued) return;
    mod.dequeued = true;
    this.removed++;
  }

  /** Calls `visit` on each module still queued, in order, until it returns false. */
  forEachRemaining(visit: (mod: LoadedModule) => boolean): void {
    for (let i = this.head; i < this.items.length; i++) {
      const mod = this.items[i];
      if (mod && !mod.dequeued && !visit(mod)) return;
    }
  }
}

export function runCurrentStartup(
  core: LoaderCore,
  conf: ModulesConf,
  options: Pick<ConfigInitOptions, 'readdirOrder' | 'beforeNoload'>,
): StartupOutcome {
  const t = core.t;
  t.verbose('Asterisk Dynamic Loader Starting:');
  t.startBuffering();

  const list = new LoadOrderList(t, core);
  const builtins: string[] = [];
  for (const name of core.facts.builtinOrder) {
    const facts = core.facts.byKey.get(moduleKey(name));
    if (!facts) continue;
    core.registerBuiltin(facts);
    builtins.push(facts.name);
  }
  // Built-ins are not preloaded; most have an early priority of their own.
  for (const name of builtins) list.add(name, false, false, true, 'builtin');

  const res = startModules(core, conf, list, options);

  logDeprecations(core);
  t.flushBuffered();
  if (res !== 0) {
    t.emit({
      type: 'startup-aborted',
      reason: res === -2 ? 'A module failed to load.' : 'modules.conf was refused.',
    });
    t.log('ERROR', 'Module initialization failed.  ASTERISK EXITING!', 'asterisk.c');
  } else {
    t.log('VERBOSE', 'Asterisk Ready.', 'asterisk.c');
  }
  core.fullyBooted = true;
  return { res, exitCode: res === 0 ? 0 : res === -2 ? 2 : 1 };
}

/** main/loader.c: load_modules between the built-ins and the final report. */
function startModules(
  core: LoaderCore,
  conf: ModulesConf,
  list: LoadOrderList,
  options: Pick<ConfigInitOptions, 'readdirOrder' | 'beforeNoload'>,
): 0 | -1 | -2 {
  const t = core.t;
  if (!applyModulesConf(core, conf, list, options)) return -1;
  if (list.size > 0) t.log('NOTICE', `${list.size} modules will be loaded.`);
  const res = loadResourceList(core, list);
  if (res !== -1) return res;
  // Some module declined: not fatal, only reported.
  t.log('WARNING', 'Some non-required modules failed to load.');
  return 0;
}

/** main/loader.c: load_resource_list — dlopen passes until one makes no progress, then start. */
function loadResourceList(core: LoaderCore, list: LoadOrderList): 0 | -1 | -2 {
  const t = core.t;
  const inserted: LoadedModule[] = [];
  let res: 0 | -1 | -2 = 0;
  let attempt = 0;
  let lasttry = false;
  let pending = list.live();
  // Each entry's facts, as looked up when it was listed.
  let known = pending.map((entry) => entry.facts);
  const opened = (mod: LoadedModule): void => {
    t.emit({ type: 'opened', module: mod.name, pass: attempt });
  };
  while (res !== -2) {
    let didwork = false;
    const next: typeof pending = [];
    const nextKnown: typeof known = [];
    for (let i = 0; i < pending.length; i++) {
      const entry = pending[i];
      if (!entry) continue;
      const facts = known[i] ?? null;
      // Errors are only logged on the last pass, which runs to say why the rest never opened.
      const lres = core.loadResource(
        entry.resource,
        !lasttry,
        inserted,
        entry.required,
        entry.preload,
        opened,
        entry.key,
        facts,
      );
      t.debug(core.text.passLine(facts, attempt, entry.resource, lres));
      if (lres === LOAD_PRIORITY) {
        didwork = true;
        continue;
      }
      next.push(entry);
      nextKnown.push(facts);
      if (lres === LOAD_DECLINE || lres === LOAD_FAILURE) {
        const fileFacts = core.factsForFile(moduleFileName(entry.resource), entry.key);
        core.missingLinksByKey.set(fileFacts.key, core.lastMissingLinks);
        t.emit({
          type: 'open-failed',
          module: fileFacts.name,
          pass: attempt,
          missingLinks: core.lastMissingLinks,
          final: lasttry,
        });
      }
      if (lres === LOAD_DECLINE) {
        res = -1;
      } else if (lres === LOAD_FAILURE && lasttry) {
        t.loadError(`*** Failed to load module ${entry.resource} - Required`);
        res = -2;
      }
    }
    pending = next;
    known = nextKnown;
    if (!didwork) {
      if (lasttry) break;
      lasttry = true;
    }
    attempt++;
  }
  if (res === -2) return res;

  // Stable insertion into the priority vector = stable sort of the order dlopen succeeded in.
  const sorted = [...inserted].sort(compareModules);
  t.emit({ type: 'prioritised', modules: sorted.map((m) => m.name) });
  return startResourceList(core, new PriorityVector(sorted));
}

const NO_CONTEXT: StartContext = {};

/** main/loader.c: start_resource_attempt */
function startResourceAttempt(
  core: LoaderCore,
  mod: LoadedModule,
  ctx: StartContext = NO_CONTEXT,
): LoadResult {
  const t = core.t;
  if (!core.depsReference(mod, null)) {
    t.debug(core.text.missingDependencies(mod.facts, mod.resource));
    t.emit({ type: 'skipped-missing-deps', module: mod.name, missing: core.notRunningDependencies(mod) });
    return LOAD_SKIP;
  }
  const lres = core.startResource(mod, ctx, true);
  t.debug(core.text.startLine(mod.facts, mod.resource, lres));
  if (lres === LOAD_FAILURE)
    t.loadError(`*** Failed to load ${mod.required ? 'required ' : ''}module ${mod.resource}`);
  if (lres === LOAD_FAILURE || lres === LOAD_DECLINE) core.reportedDeclined.add(mod.name);
  return lres;
}

/**
 * main/loader.c: resource_list_recursive_decline — after `mod` declines, every module left in the
 * vector whose resolvable dependencies include it declines too, listed in one message.
 */
function recursiveDecline(core: LoaderCore, resources: PriorityVector, mod: LoadedModule): -1 | -2 {
  const t = core.t;
  mod.declined = true;
  core.reportedDeclined.add(mod.name);
  if (mod.required) {
    t.loadError(`Required module ${mod.name} declined to load.`);
    return -2;
  }
  t.loadError(`${mod.name} declined to load.`);
  let requiredCascade = false;
  const names: string[] = [];
  const scan = new DeclineScan(core, mod);
  resources.forEachRemaining((dep) => {
    if (dep.declined) return true;
    if (!scan.dependsOnTarget(dep)) return true;
    dep.declined = true;
    scan.declined(dep);
    core.declineEvent(dep, 'cascade', [mod.name]);
    if (dep.required) {
      t.loadError(`Cannot load required module ${dep.name} that depends on ${mod.name}`);
      core.reportedDeclined.add(dep.name);
      requiredCascade = true;
      return false;
    }
    names.push(dep.name);
    return true;
  });
  if (requiredCascade) return -2;
  if (names.length > 0) {
    t.loadError(`Declined modules which depend on ${mod.name}: ${names.join(', ')}`);
    for (const name of names) core.reportedDeclined.add(name);
  }
  return -1;
}

/** main/loader.c: start_resource_list */
function startResourceList(core: LoaderCore, resources: PriorityVector): 0 | -1 | -2 {
  const t = core.t;
  let res: 0 | -1 | -2 = 0;
  while (res !== -2 && resources.size > 0) {
    const mod = resources.shift();
    if (!mod) break;
    if (mod.declined) {
      t.debug(`${mod.name} is already declined, skipping`);
      continue;
    }
    for (;;) {
      let lres = startResourceAttempt(core, mod);
      if (lres === LOAD_SUCCESS) break;
      if (lres === LOAD_FAILURE) return -2;
      if (lres === LOAD_DECLINE) {
        res = recursiveDecline(core, resources, mod);
        break;
      }

      const missingdeps = new SortedModules();
      const unknown: string[] = [];
      if (!core.missingRecursive(mod, missingdeps, unknown)) {
        t.loadError(`Failed to resolve dependencies for ${mod.name}`);
        core.declineEvent(mod, 'unresolved-dependencies', unknown);
        res = recursiveDecline(core, resources, mod);
        break;
      }
      if (missingdeps.size === 0) {
        t.loadError(`${mod.name} load function returned an invalid result. This is a bug in the module.`);
        core.declineEvent(mod, 'self', []);
        res = recursiveDecline(core, resources, mod);
        break;
      }

      // Start what is missing now, ahead of its own priority slot.
      t.debug(`${mod.name} has ${missingdeps.size} dependencies`);
      while (missingdeps.size > 0) {
        let didwork = 0;
        // One sweep over the missing modules in priority order; started ones leave the list.
        const kept: LoadedModule[] = [];
        for (const dep of missingdeps.items) {
          if (dep.declined) {
            t.debug(`${mod.name} tried to start ${dep.name} but it's already declined`);
            kept.push(dep);
            continue;
          }
          t.debug(`${mod.name} trying to start ${dep.name}`);
          lres = startResourceAttempt(core, dep, { pulledBy: mod.name });
          if (lres === LOAD_SUCCESS) {
            t.debug(`${mod.name} started ${dep.name}`);
            resources.remove(dep);
            didwork++;
            continue;
          }
          if (lres === LOAD_FAILURE) {
            t.loadError(`Failed to load ${dep.name}.`);
            return -2;
          }
          t.debug(`${mod.name} failed to start ${dep.name}`);
          kept.push(dep);
        }
        missingdeps.retain(kept);
        if (!didwork) break;
      }

      if (missingdeps.size > 0) {
        const localdeps: string[] = [];
        core.depsReference(mod, localdeps);
        t.loadError(`Failed to load ${mod.name} due to dependencies: ${localdeps.join(', ')}.`);
        core.declineEvent(mod, 'dependencies-not-started', localdeps);
        res = recursiveDecline(core, resources, mod);
        break;
      }
      // Every missing dependency runs now; this point is reached once per module.
      t.emit({ type: 'retried', module: mod.name });
    }
  }
  return res;
}

/** Deprecation warnings for running modules, in module-list order (main/loader.c: load_modules). */
function logDeprecations(core: LoaderCore): void {
  for (const mod of core.moduleList()) {
    if (!mod.running || mod.declined) continue;
    const f = mod.facts;
    const deprecated = f.supportLevel === 'deprecated';
    if (!deprecated && !f.deprecatedIn && !f.removedIn && !f.replacement) continue;
    let msg = `Module '${stripSo(mod.resource)}' has been loaded`;
    let butted = false;
    if (f.deprecatedIn) {
      msg += ` but ${deprecated ? 'was' : 'will be'} deprecated in Asterisk version ${f.deprecatedIn}`;
      butted = true;
    }
    msg += f.removedIn
      ? ` ${butted ? 'and' : 'but'} will be removed in Asterisk version ${f.removedIn}`
      : ` ${butted ? 'and' : 'but'} may be removed in a future release`;
    msg += '.';
    if (f.replacement) msg += ` Its replacement is '${f.replacement}'.`;
    core.t.log('WARNING', msg);
  }
}
