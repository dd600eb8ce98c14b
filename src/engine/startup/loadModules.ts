/**
 * Startup of the dependency-aware loader (Asterisk 16 and later), as main/loader.c: load_modules
 * does it: built-ins (loader_builtin_init), modules.conf (loader_config_init), dlopen passes
 * (load_resource_list), then the priority-ordered start with dependency pull and decline
 * cascades (startResourceList.ts), and the buffered error block.
 */
import type { ModulesConf } from '../../model';
import type { LoadedModule } from '../loader/module';
import { LOAD_DECLINE, LOAD_FAILURE, LOAD_PRIORITY, compareModules } from '../loader/module';
import { loadResource } from '../loader/startResource';
import type { LoaderState } from '../loader/state';
import { moduleFileName, moduleKey, stripSo } from '../names';
import { LoadOrderList, applyModulesConf } from './loadOrder';
import type { ConfigInitOptions } from './loadOrder';
import { PriorityVector } from './priorityVector';
import { startResourceList } from './startResourceList';

export interface StartupOutcome {
  /** load_modules' result: 0 running, -1 configuration refused, -2 a module failed. */
  res: 0 | -1 | -2;
  exitCode: 0 | 1 | 2;
}

export function runCurrentStartup(
  core: LoaderState,
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
    core.registry.registerBuiltin(facts);
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
    t.log('VERBOSE', 'Asterisk Ready.', 'asterisk.c', 0);
  }
  core.markFullyBooted();
  return { res, exitCode: res === 0 ? 0 : res === -2 ? 2 : 1 };
}

/** main/loader.c: load_modules between the built-ins and the final report. */
function startModules(
  core: LoaderState,
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
function loadResourceList(core: LoaderState, list: LoadOrderList): 0 | -1 | -2 {
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
      const lres = loadResource(
        core,
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
        core.record.noteOpenFailed(fileFacts.key, core.lastMissingLinks);
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

/** Deprecation warnings for running modules, in module-list order (main/loader.c: load_modules). */
function logDeprecations(core: LoaderState): void {
  for (const mod of core.registry.moduleList()) {
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
