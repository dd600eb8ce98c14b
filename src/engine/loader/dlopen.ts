/**
 * Opening and closing module libraries (main/loader.c: load_dlopen, load_dynamic_module,
 * unload_dynamic_module, logged_dlclose), with link-time residency: a library others are bound
 * to stays in memory after dlclose, and leaves when the last of them does.
 */
import type { ModuleLoadFacts } from '../loaderFacts';
import { moduleFileName, moduleKey } from '../names';
import type { LoadedModule } from './module';
import { MODULE_DIR, NONE, NONE_NAMES } from './module';
import type { LoaderState } from './state';

/** Global-symbol modules a library links against that are not loaded: RTLD_NOW fails on them. */
export function unresolvedLinks(core: LoaderState, facts: ModuleLoadFacts): string[] {
  const ids = facts.linksIds;
  if (ids.length === 0) return NONE_NAMES;
  let missing: string[] | null = null;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] ?? -1;
    if (id >= 0 && core.facts.list[id]?.builtin) continue;
    if (core.registry.hasRegistered(id, facts.linksKeys[i] ?? '')) continue;
    (missing ??= []).push(facts.links[i] ?? facts.linksKeys[i] ?? '');
  }
  return missing ?? NONE_NAMES;
}

/**
 * main/loader.c: load_dynamic_module + load_dlopen. Opening fails quietly in a pass when the
 * file is absent or a global-symbol module it links against is not loaded yet; on the last,
 * logging pass a lazy open succeeds, the module registers, the loader names what is missing,
 * and closes it again. A GLOBAL_SYMBOLS module is closed and reopened so its symbols are global.
 */
export function loadDynamicModule(
  core: LoaderState,
  resourceIn: string,
  suppressLogging: boolean,
  key: string = moduleKey(resourceIn),
  known: ModuleLoadFacts | null = core.knownFacts(key),
): LoadedModule | null {
  const file = moduleFileName(resourceIn);
  core.noteOpenAttempt();
  if (!core.isAvailable(file)) {
    if (!suppressLogging) {
      core.t.loadError(
        `Error loading module '${resourceIn}': ${MODULE_DIR}/${file}: cannot open shared object file: No such file or directory`,
      );
    }
    return null;
  }
  // The file's key is the resource's: moduleFileName only ever appends `.so`.
  const facts = known ?? core.factsForFile(file, key);
  const missingLinks = unresolvedLinks(core, facts);
  core.noteOpenAttempt(missingLinks);
  if (missingLinks.length > 0) {
    if (suppressLogging) return null;
    const mod = core.registry.register(facts, file);
    // Optional modules are left out when built with OPTIONAL_API (the default).
    const missing = [...facts.requires, ...facts.enhances].filter((dep) => !core.registry.find(dep));
    if (missing.length > 0) {
      core.t.loadError(
        `Error loading module '${resourceIn}', missing ${missing.length === 1 ? 'dependency' : 'dependencies'}: ${missing.join(', ')}`,
      );
    } else {
      core.t.loadError(
        `Error loading module '${resourceIn}': ${MODULE_DIR}/${file}: undefined symbol (it links against ${missingLinks.join(', ')})`,
      );
    }
    closeLibrary(core, mod);
    return null;
  }
  let mod = core.registry.register(facts, file);
  if (facts.globalSymbols) {
    closeLibrary(core, mod);
    mod = core.registry.register(facts, file);
  }
  return mod;
}

/** main/loader.c: unload_dynamic_module — dlclose; the library stays resident while others are bound to it. */
export function closeLibrary(core: LoaderState, mod: LoadedModule): void {
  if (mod.builtin || !mod.libOpen) return;
  mod.libOpen = false;
  if (!mod.boundBy || mod.boundBy.size === 0) libraryUnloaded(core, mod);
}

/** The library left memory: its destructor unregisters the module (main/loader.c: ast_module_unregister). */
function libraryUnloaded(core: LoaderState, mod: LoadedModule): void {
  if (mod.registered) {
    core.registry.unregister(mod);
    if (mod.usecount === 0) {
      core.t.debug(core.text.unregistering(mod.facts));
      core.registry.destroy(mod);
    }
  }
  for (const target of mod.linkTargets) {
    target.boundBy?.delete(mod);
    if (!target.libOpen && !target.boundBy?.size && target.registered) libraryUnloaded(core, target);
  }
  mod.linkTargets = NONE;
}
