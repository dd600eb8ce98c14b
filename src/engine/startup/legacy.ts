/**
 * Startup of the loader of Asterisk 13 and earlier (main/loader.c at 13.38.3): no `requires`,
 * no dependency pull, no decline cascade. Modules are opened in two groups — those exporting
 * global symbols first, then the rest — and each group is started in priority order, whatever
 * happened to the modules it uses. The hazards this leaves are reported.
 */
import type { Hazard, ModuleOutcome, ModulesConf } from '../../model';
import type { StartupOutcome } from './loadModules';
import { unresolvedLinks } from '../loader/dlopen';
import type { LoadedModule, LoadResult } from '../loader/module';
import { LOAD_DECLINE, LOAD_FAILURE, LOAD_PRIORITY, LOAD_SKIP, MODULE_DIR } from '../loader/module';
import { ASTERISK_13_START, startResource } from '../loader/startResource';
import type { LoaderState } from '../loader/state';
import { LoadOrderList, autoloadEnabled } from './loadOrder';
import type { LoadOrderEntry } from './loadOrder';
import { moduleFileName, moduleKey, padRight } from '../names';

/** 13.x main/loader.c: LOAD_RETRIES */
const LOAD_RETRIES = 4;

export function runLegacyStartup(
  core: LoaderState,
  conf: ModulesConf,
  options: { readdirOrder: readonly string[] },
): StartupOutcome {
  const t = core.t;
  // Built-in parts of the core are not modules in 13: they are simply up.
  for (const name of core.facts.builtinOrder) {
    const facts = core.facts.byKey.get(moduleKey(name));
    if (!facts) continue;
    const mod = core.registry.registerBuiltin(facts);
    mod.running = true;
  }
  // asterisk.c calls load_modules twice: preload entries first, then everything else.
  for (const preloadOnly of [true, false]) {
    const res = loadModules(core, conf, preloadOnly, options.readdirOrder);
    if (res !== 0) {
      t.emit({ type: 'startup-aborted', reason: 'A module failed to load.' });
      t.log(
        'ERROR',
        `${preloadOnly ? 'Module Preload' : 'Module'} initialization failed.  ASTERISK EXITING!`,
        'asterisk.c',
      );
      core.markFullyBooted();
      return { res: -2, exitCode: res === -2 ? 2 : 1 };
    }
  }
  t.log('VERBOSE', 'Asterisk Ready.', 'asterisk.c', 0);
  core.markFullyBooted();
  return { res: 0, exitCode: 0 };
}

/** 13.x main/loader.c: load_modules */
function loadModules(
  core: LoaderState,
  conf: ModulesConf,
  preloadOnly: boolean,
  readdirOrder: readonly string[],
): number {
  const t = core.t;
  t.verbose('Asterisk Dynamic Loader Starting:');
  if (conf.status === 'invalid') {
    t.log('WARNING', `No 'modules.conf' found, no modules will be loaded.`);
    return 0;
  }
  const list = new LoadOrderList(t, core);
  for (const v of conf.entries) {
    const lower = v.name.toLowerCase();
    if (lower === (preloadOnly ? 'preload' : 'load'))
      list.add(v.value, false, preloadOnly, false, 'config', v.line);
    if (lower === (preloadOnly ? 'preload-require' : 'require')) {
      list.add(v.value, true, preloadOnly, false, 'config', v.line);
      t.debug(`Adding module to required list: ${v.value} (${v.name})`);
    }
  }
  if (!preloadOnly && autoloadEnabled(conf)) {
    for (const file of readdirOrder) {
      if (file.length < 4 || file.slice(-3).toLowerCase() !== '.so') continue;
      if (core.registry.find(file)) continue;
      list.add(file, false, false, false, 'autoload');
    }
  }
  for (const v of conf.entries) {
    if (v.name.toLowerCase() !== 'noload') continue;
    const entry = list.get(v.value);
    if (!entry) continue;
    list.remove(entry);
    core.record.noteNoload(entry.key);
    t.emit({ type: 'noload-removed', module: entry.resource, line: v.line });
  }
  if (list.size > 0) t.log('NOTICE', `${list.size} modules will be loaded.`);

  const res = loadResourceList(core, list, true);
  if (res < 0) return res;
  return loadResourceList(core, list, false);
}

/** 13.x main/loader.c: load_resource_list — one group (global-symbol modules or the rest). */
function loadResourceList(core: LoaderState, list: LoadOrderList, globalSymbols: boolean): number {
  const t = core.t;
  const heap: LoadedModule[] = [];
  const flag = globalSymbols ? 1 : 0;
  let retries: LoadOrderEntry[] = [];
  for (const entry of list.live()) {
    const lres = loadResource(core, entry, globalSymbols, true, heap);
    t.debug(`PASS 0: ${padRight(entry.resource, 46)} ${lres} ${flag}`);
    if (lres === LOAD_DECLINE || lres === LOAD_FAILURE) {
      list.remove(entry);
      retries.push(entry);
    } else if (lres === LOAD_PRIORITY) {
      list.remove(entry);
    }
  }
  for (let i = 0; retries.length > 0 && i < LOAD_RETRIES; i++) {
    const next: LoadOrderEntry[] = [];
    for (const entry of retries) {
      const lres = loadResource(core, entry, globalSymbols, i < LOAD_RETRIES - 1, heap);
      t.debug(`PASS ${i + 1} ${padRight(entry.resource, 46)} ${lres} ${flag}`);
      if (lres === LOAD_FAILURE && i === LOAD_RETRIES - 1) {
        t.log('ERROR', `*** Failed to load module ${entry.resource} - Required`);
        return -2;
      }
      if (lres === LOAD_SKIP) {
        list.add(entry.resource, entry.required, entry.preload, false, entry.source);
      } else if (lres !== LOAD_PRIORITY) {
        next.push(entry);
        if (i === LOAD_RETRIES - 1) {
          const facts = core.factsForFile(moduleFileName(entry.resource));
          const links = unresolvedLinks(core, facts);
          core.record.noteOpenFailed(facts.key, links);
          t.emit({ type: 'open-failed', module: facts.name, pass: i + 1, missingLinks: links, final: true });
        }
      }
    }
    retries = next;
  }

  // Stable priority order, nothing else: dependencies are not consulted.
  const sorted = [...heap].sort((a, b) => a.priority - b.priority);
  t.emit({ type: 'prioritised', modules: sorted.map((m) => m.name) });
  for (const mod of sorted) {
    const lres = startResource(core, mod, undefined, false, ASTERISK_13_START);
    t.debug(`START: ${padRight(mod.resource, 46)} ${lres} ${flag}`);
    if (lres === LOAD_DECLINE) core.record.noteDeclinedInLog(mod.name);
    if (lres === LOAD_FAILURE) {
      core.record.noteDeclinedInLog(mod.name);
      t.log('ERROR', `*** Failed to load module ${mod.resource}`);
      return -1;
    }
  }
  return 0;
}

/** 13.x main/loader.c: load_resource (with a heap) and load_dynamic_module. */
function loadResource(
  core: LoaderState,
  entry: LoadOrderEntry,
  globalSymbols: boolean,
  suppress: boolean,
  heap: LoadedModule[],
): LoadResult {
  const t = core.t;
  let mod = core.registry.find(entry.resource);
  if (mod) {
    if (mod.running) {
      t.log('WARNING', `Module '${entry.resource}' already loaded and running.`);
      return LOAD_DECLINE;
    }
    if (globalSymbols && !mod.facts.globalSymbols) return LOAD_SKIP;
  } else {
    const file = moduleFileName(entry.resource);
    const opened = openLegacy(core, entry.resource, file, globalSymbols, suppress);
    if (opened === 'local-only') return LOAD_SKIP;
    if (!opened) {
      if (!globalSymbols) t.log('WARNING', `Module '${entry.resource}' could not be loaded.`);
      return entry.required ? LOAD_FAILURE : LOAD_DECLINE;
    }
    mod = opened;
    t.emit({ type: 'opened', module: mod.name, pass: globalSymbols ? 0 : 1 });
  }
  mod.required ||= entry.required;
  mod.preload ||= entry.preload;
  mod.declined = false;
  heap.push(mod);
  return LOAD_PRIORITY;
}

/**
 * 13.x: global-symbol modules open lazily with RTLD_GLOBAL (so their own links never fail), the
 * rest with RTLD_NOW, which fails while a global-symbol module they link against is not loaded.
 */
function openLegacy(
  core: LoaderState,
  resourceIn: string,
  file: string,
  globalSymbols: boolean,
  suppress: boolean,
): LoadedModule | 'local-only' | null {
  const t = core.t;
  if (!core.isAvailable(file)) {
    if (!suppress)
      t.log(
        'WARNING',
        `Error loading module '${resourceIn}': ${MODULE_DIR}/${file}: cannot open shared object file: No such file or directory`,
      );
    return null;
  }
  const facts = core.factsForFile(file);
  if (globalSymbols) {
    if (!facts.globalSymbols) return 'local-only';
    return core.registry.register(facts, file);
  }
  const missing = unresolvedLinks(core, facts);
  if (missing.length > 0) {
    if (!suppress)
      t.log(
        'WARNING',
        `Error loading module '${resourceIn}': ${MODULE_DIR}/${file}: undefined symbol (it links against ${missing.join(', ')})`,
      );
    return null;
  }
  return core.registry.register(facts, file);
}

/**
 * What the dependency-aware loader was built to prevent: a running module whose required or
 * build-time dependency is not running.
 */
export function legacyHazards(core: LoaderState, modules: Record<string, ModuleOutcome>): Hazard[] {
  const hazards: Hazard[] = [];
  for (const mod of core.registry.moduleList()) {
    if (!mod.running || mod.builtin) continue;
    const seen = new Set<string>();
    for (const dep of [...mod.facts.requires, ...mod.facts.depends]) {
      const key = moduleKey(dep);
      if (seen.has(key)) continue;
      seen.add(key);
      const target = core.facts.byKey.get(key);
      if (!target) continue;
      const state = modules[target.name]?.state;
      if (state === 'running' || (target.builtin && core.registry.find(dep)?.running)) continue;
      hazards.push({
        module: mod.name,
        dependency: target.name,
        message: `${mod.name} is running although ${target.name}, which it uses, is not`,
      });
    }
  }
  return hazards;
}
