/**
 * References between modules (main/loader.c: module_reffed_deps_add,
 * module_reffed_deps_add_dep_enhancers, module_deps_process_reqlist, module_deps_reference,
 * module_deps_missing_recursive). References are released in registry.ts (module_destroy).
 */
import type { LoadedModule } from './module';
import type { SortedModules } from './module';
import { NONE } from './module';
import type { LoaderState } from './state';

type MissingMods = (LoadedModule | undefined)[] | null;

/** main/loader.c: module_reffed_deps_add */
function reffedAdd(
  core: LoaderState,
  mod: LoadedModule,
  dep: LoadedModule,
  missing: string[] | null,
  missingMods: MissingMods,
): boolean {
  if (!dep.running) {
    if (!missing) return false;
    missing.push(dep.name);
    missingMods?.push(dep);
    return true;
  }
  if (mod.reffed.includes(dep)) return true;
  // Copied at each addition so the list kept is exactly as long as needed: a module holds a
  // handful at most, and a growing array would keep room for seventeen.
  mod.reffed = mod.reffed.length === 0 ? [dep] : [...mod.reffed, dep];
  dep.usecount++;
  core.t.emit({ type: 'reference-taken', module: mod.name, target: dep.name });
  return true;
}

/** Registered, not-declined modules that enhance `dep`, in module-list order. */
function enhancersOf(core: LoaderState, dep: LoadedModule): LoadedModule[] {
  const ids = dep.facts.enhancerIds;
  if (ids.length === 0) return NONE;
  const out: LoadedModule[] = [];
  for (let i = 0; i < ids.length; i++) {
    const m = core.registry.lookup(ids[i] ?? -1, dep.facts.enhancerKeys[i] ?? '');
    if (m) out.push(m);
  }
  return out.length > 1 ? out.sort((a, b) => a.seq - b.seq) : out;
}

/** main/loader.c: module_reffed_deps_add_dep_enhancers */
function addDependencyEnhancers(
  core: LoaderState,
  mod: LoadedModule,
  dep: LoadedModule,
  missing: string[] | null,
  missingMods: MissingMods,
): boolean {
  if (!dep.enhanced) return true;
  for (const cur of enhancersOf(core, dep)) {
    if (cur.declined) continue;
    if (!reffedAdd(core, mod, cur, missing, missingMods)) return false;
  }
  return true;
}

/** main/loader.c: module_deps_process_reqlist */
function processRequirements(
  core: LoaderState,
  mod: LoadedModule,
  names: readonly string[],
  keys: readonly string[],
  ids: readonly number[],
  missing: string[] | null,
  missingMods: MissingMods,
  refEnhancers: boolean,
  isOptional: boolean,
): boolean {
  for (let i = 0; i < ids.length; i++) {
    const dep = core.registry.lookup(ids[i] ?? -1, keys[i] ?? '');
    if (!dep || !dep.running) {
      if (isOptional && !dep) continue;
      if (missing) {
        missing.push(names[i] ?? '');
        missingMods?.push(dep);
        continue;
      }
      return false;
    }
    if (!reffedAdd(core, mod, dep, missing, missingMods)) return false;
    if (refEnhancers && !addDependencyEnhancers(core, mod, dep, missing, missingMods)) return false;
  }
  return true;
}

/**
 * main/loader.c: module_deps_reference — takes a reference on every running dependency; with
 * `missing` it collects the names of those not running instead of stopping at the first.
 * All three lists are always processed, so references taken before a failure are kept.
 * `missingMods`, when given, receives the module behind each missing name (undefined for a
 * name not in the module list), index for index.
 */
export function depsReference(
  core: LoaderState,
  mod: LoadedModule,
  missing: string[] | null,
  missingMods: MissingMods = null,
): boolean {
  const f = mod.facts;
  let ok = processRequirements(
    core,
    mod,
    f.enhances,
    f.enhancesKeys,
    f.enhancesIds,
    missing,
    missingMods,
    false,
    false,
  );
  ok =
    processRequirements(
      core,
      mod,
      f.requires,
      f.requiresKeys,
      f.requiresIds,
      missing,
      missingMods,
      true,
      false,
    ) && ok;
  ok =
    processRequirements(
      core,
      mod,
      f.optional,
      f.optionalKeys,
      f.optionalIds,
      missing,
      missingMods,
      true,
      true,
    ) && ok;
  return ok;
}

/**
 * main/loader.c: module_deps_missing_recursive — every module that must run before `mod`,
 * sorted by priority; fails when a dependency is not in the module list at all. Depth-first
 * like the C recursion, with an explicit stack so long chains do not overflow.
 */
export function missingRecursive(
  core: LoaderState,
  mod: LoadedModule,
  missingdeps: SortedModules,
  unknown?: string[],
): boolean {
  const first = expandMissing(core, mod, missingdeps, unknown);
  if (!first) return false;
  if (first.length === 0) return true;
  const stack: { list: LoadedModule[]; next: number }[] = [{ list: first, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (!top) break;
    const dep = top.list[top.next++];
    if (!dep) {
      stack.pop();
      continue;
    }
    const local = expandMissing(core, dep, missingdeps, unknown);
    if (!local) return false;
    if (local.length > 0) stack.push({ list: local, next: 0 });
  }
  return true;
}

/**
 * module_deps_reference collecting what is not running, as modules in the order found
 * (undefined for a name not in the module list): one step of module_deps_missing_recursive.
 */
export function missingDependencyModules(core: LoaderState, m: LoadedModule): (LoadedModule | undefined)[] {
  const mods: (LoadedModule | undefined)[] = [];
  depsReference(core, m, [], mods);
  return mods;
}

/** One level of module_deps_missing_recursive: the newly found missing modules, or null for an unknown one. */
function expandMissing(
  core: LoaderState,
  m: LoadedModule,
  missingdeps: SortedModules,
  unknown: string[] | undefined,
): LoadedModule[] | null {
  const names: string[] = [];
  const mods: (LoadedModule | undefined)[] = [];
  depsReference(core, m, names, mods);
  if (names.length === 0) return NONE;
  const local: LoadedModule[] = [];
  for (let i = 0; i < mods.length; i++) {
    // A missing name is looked up in the module list by the same key it was found under.
    const dep = mods[i];
    if (dep === undefined) {
      unknown?.push(names[i] ?? '');
      return null;
    }
    if (missingdeps.has(dep)) continue;
    missingdeps.add(dep);
    local.push(dep);
  }
  return local;
}

/** Names of the dependencies (requires, enhances, optional present) that are not running. */
export function notRunningDependencies(core: LoaderState, mod: LoadedModule): string[] {
  const out: string[] = [];
  const f = mod.facts;
  const lookup = (id: number | undefined, key: string | undefined): LoadedModule | undefined =>
    core.registry.lookup(id ?? -1, key ?? '');
  for (let i = 0; i < f.enhancesIds.length; i++) {
    if (!lookup(f.enhancesIds[i], f.enhancesKeys[i])?.running)
      out.push(f.enhances[i] ?? f.enhancesKeys[i] ?? '');
  }
  for (let i = 0; i < f.requiresIds.length; i++) {
    if (!lookup(f.requiresIds[i], f.requiresKeys[i])?.running)
      out.push(f.requires[i] ?? f.requiresKeys[i] ?? '');
  }
  for (let i = 0; i < f.optionalIds.length; i++) {
    const d = lookup(f.optionalIds[i], f.optionalKeys[i]);
    if (d && !d.running) out.push(f.optional[i] ?? f.optionalKeys[i] ?? '');
  }
  return out;
}
