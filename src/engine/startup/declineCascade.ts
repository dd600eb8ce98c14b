/**
 * The decline cascade (main/loader.c: resource_list_recursive_decline).
 *
 * The question main/loader.c: resource_list_recursive_decline asks of every module left in the
 * priority vector after one declines: does module_deps_missing_recursive(dep) succeed, and is the
 * declined module among what it finds? Walking each module's missing dependencies afresh is
 * quadratic: one decline early in the generated 20,000-module graph took 14 s. This gives the same
 * answers, with the same side effects in the same order, walking each part of the graph about once
 * per decline.
 *
 * Why that is exact: while the vector is scanned nothing starts, so module_deps_reference takes
 * references only the first time it runs on a module, and a module's missing list changes only
 * when an enhancer is declined (the lists naming it are then read again). Hence:
 * - a module's missing list is computed on its first expansion (with its side effects) and reused;
 * - a module whose whole closure was expanded without meeting an unknown dependency is "done":
 *   everything below it is done too, so no walk has anything left to do there, and whether the
 *   declined module lies below it is kept up to date as edges are found (`reaches`);
 * - walks still expand every module that is not done, in the order of the C recursion, so first
 *   expansions (which take the references) and where a walk stops at an unknown dependency are
 *   those of the C code.
 */
import type { LoadedModule } from '../loader/module';
import { missingDependencyModules } from '../loader/references';
import { declineEvent } from '../loader/startResource';
import type { LoaderState } from '../loader/state';
import type { PriorityVector } from './priorityVector';

/**
 * main/loader.c: resource_list_recursive_decline — after `mod` declines, every module left in the
 * vector whose resolvable dependencies include it declines too, listed in one message.
 */
export function recursiveDecline(core: LoaderState, resources: PriorityVector, mod: LoadedModule): -1 | -2 {
  const t = core.t;
  mod.declined = true;
  core.record.noteDeclinedInLog(mod.name);
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
    declineEvent(core, dep, 'cascade', [mod.name]);
    if (dep.required) {
      t.loadError(`Cannot load required module ${dep.name} that depends on ${mod.name}`);
      core.record.noteDeclinedInLog(dep.name);
      requiredCascade = true;
      return false;
    }
    names.push(dep.name);
    return true;
  });
  if (requiredCascade) return -2;
  if (names.length > 0) {
    t.loadError(`Declined modules which depend on ${mod.name}: ${names.join(', ')}`);
    for (const name of names) core.record.noteDeclinedInLog(name);
  }
  return -1;
}

const NONE: LoadedModule[] = [];

/** Answers resource_list_recursive_decline's question for each queued module after one decline (see the file comment). */
export class DeclineScan {
  private readonly core: LoaderState;
  /** The module that declined. */
  private readonly target: LoadedModule;
  /** Missing dependencies per expanded module, as module_deps_reference lists them (undefined: unknown name). */
  private readonly children = new Map<LoadedModule, readonly (LoadedModule | undefined)[]>();
  /** Expanded modules by the missing dependency they list. */
  private readonly parents = new Map<LoadedModule, LoadedModule[]>();
  /** Expanded modules from which the target is reached through missing dependencies. */
  private readonly reaches = new Set<LoadedModule>();
  /** Modules whose whole closure is expanded and free of unknown dependencies. */
  private readonly done = new Set<LoadedModule>();

  constructor(core: LoaderState, target: LoadedModule) {
    this.core = core;
    this.target = target;
  }

  /**
   * module_deps_missing_recursive(dep) and whether the target is among the missing modules it
   * found; null when it failed (a dependency not in the module list).
   */
  dependsOnTarget(dep: LoadedModule): boolean | null {
    if (this.done.has(dep)) return this.reaches.has(dep);
    // The C missingdeps vector; only membership matters here, not its priority order.
    const found = new Set<LoadedModule>();
    let hit = false;
    const expand = (m: LoadedModule): LoadedModule[] | null => {
      if (this.done.has(m)) {
        if (this.reaches.has(m)) hit = true;
        return NONE;
      }
      let local: LoadedModule[] | null = null;
      for (const c of this.childrenOf(m)) {
        if (c === undefined) return null;
        if (found.has(c)) continue;
        found.add(c);
        if (c === this.target) hit = true;
        (local ??= []).push(c);
      }
      return local ?? NONE;
    };

    const first = expand(dep);
    if (!first) return null;
    const stack: { list: LoadedModule[]; next: number }[] = [];
    if (first.length > 0) stack.push({ list: first, next: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const m = top.list[top.next++];
      if (!m) {
        stack.pop();
        continue;
      }
      const local = expand(m);
      if (!local) return null;
      if (local.length > 0) stack.push({ list: local, next: 0 });
    }
    this.done.add(dep);
    for (const m of found) this.done.add(m);
    return hit;
  }

  /**
   * Call when a module was declined. A declined enhancer is no longer listed as missing by the
   * modules whose running dependencies it enhances (module_reffed_deps_add_dep_enhancers skips
   * it): their lists are read again and what reaches the target is worked out anew. Closures only
   * shrink, so modules done stay done.
   */
  declined(mod: LoadedModule): void {
    if (mod.facts.enhances.length === 0) return;
    const listing = this.parents.get(mod);
    if (!listing) return;
    for (const m of new Set(listing)) this.children.set(m, missingDependencyModules(this.core, m));
    this.parents.clear();
    this.reaches.clear();
    for (const [m, kids] of this.children) for (const c of kids) if (c) this.addParent(c, m);
    const listingTarget = this.parents.get(this.target);
    if (listingTarget) for (const m of listingTarget) this.markReaches(m);
  }

  private addParent(child: LoadedModule, parent: LoadedModule): void {
    const ps = this.parents.get(child);
    if (ps) ps.push(parent);
    else this.parents.set(child, [parent]);
  }

  private childrenOf(m: LoadedModule): readonly (LoadedModule | undefined)[] {
    const known = this.children.get(m);
    if (known) return known;
    const kids = missingDependencyModules(this.core, m);
    this.children.set(m, kids);
    let reaches = false;
    for (const c of kids) {
      if (c === undefined) continue;
      this.addParent(c, m);
      if (c === this.target || this.reaches.has(c)) reaches = true;
    }
    if (reaches) this.markReaches(m);
    return kids;
  }

  /** `m` reaches the target: so does every expanded module listing it, transitively. */
  private markReaches(m: LoadedModule): void {
    const pending = [m];
    for (let x = pending.pop(); x !== undefined; x = pending.pop()) {
      if (this.reaches.has(x)) continue;
      this.reaches.add(x);
      for (const p of this.parents.get(x) ?? NONE) if (!this.reaches.has(p)) pending.push(p);
    }
  }
}
