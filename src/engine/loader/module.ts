/**
 * struct ast_module and the values the loader passes around with it (main/loader.c, top of the
 * file): load results, unload modes, and the priority-ordered module vector (module_vector_cmp).
 */
import type { DeclineReason } from '../../model';
import type { ModuleLoadFacts } from '../loaderFacts';

/** Shared empty lists: never pushed to. */
export const NONE: LoadedModule[] = [];
export const NONE_NAMES: string[] = [];

/** enum ast_module_load_result */
export const LOAD_SUCCESS = 0;
export const LOAD_DECLINE = 1;
export const LOAD_SKIP = 2;
export const LOAD_PRIORITY = 3;
export const LOAD_FAILURE = -1;
export type LoadResult =
  typeof LOAD_SUCCESS | typeof LOAD_DECLINE | typeof LOAD_SKIP | typeof LOAD_PRIORITY | typeof LOAD_FAILURE;

/** enum ast_module_unload_mode */
export type UnloadForce = 'soft' | 'firm' | 'hard';

/** Where module files live in a default install; only used in dlerror-style messages. */
export const MODULE_DIR = '/usr/lib/asterisk/modules';

/** One registered module (struct ast_module). A new object is made at every registration, as in C. */
export class LoadedModule {
  readonly facts: ModuleLoadFacts;
  readonly key: string;
  /** info->name */
  readonly name: string;
  /** mod->resource: the file name for dynamic modules, the bare name for built-ins. */
  readonly resource: string;
  readonly builtin: boolean;
  running = false;
  declined = false;
  keepUntilShutdown = false;
  required = false;
  preload = false;
  usecount = 0;
  /** Modules this one holds a reference on (reffed_deps), in the order taken; a handful at most. */
  reffed: readonly LoadedModule[] = NONE;
  /**
   * References its load() took on other modules outside reffed_deps (a calendar technology on
   * res_calendar), released when it unloads; graceful_unload_possible does not see them.
   */
  runtimeHeld: readonly LoadedModule[] = NONE;
  /** Position in the module list: larger is later; moving to the tail takes a new number. */
  seq = 0;
  registered = true;
  /** Whether the loader holds a dlopen handle on the library. */
  libOpen = false;
  /** Loaded libraries bound to this one's global symbols: they keep it resident after dlclose. */
  boundBy: Set<LoadedModule> | null = null;
  /** The global-symbol modules this library bound to when it was opened. */
  linkTargets: readonly LoadedModule[] = NONE;
  /** Why it last declined since it registered (the first reason given decides). */
  declineReason: DeclineReason | null = null;
  declineCauses: string[] = NONE_NAMES;
  /** Its load() returned failure. */
  failed = false;
  /** The module that pulled it in ahead of its priority slot, when it started that way. */
  pulledBy: string | null = null;
  /** Position in the order modules started (this registration). */
  startIndex = -1;
  /** Effective load priority (the facts' value, kept at hand for the priority sort). */
  readonly priority: number;
  /** The id of its key in the loader facts ({@link ModuleLoadFacts.id}), -1 when the dataset lacks it. */
  readonly slot: number;
  /** Index in the startup priority vector, -1 when not queued there. */
  queueIndex = -1;
  /** Removed from the priority vector ahead of its turn (started early by a dependent). */
  dequeued = false;
  /** Whether any module enhances this one (checked for every reference taken on it). */
  readonly enhanced: boolean;
  /** Position in registration order (the order the module list's map keeps keys in). */
  regIndex = -1;

  constructor(facts: ModuleLoadFacts, resource: string, builtin: boolean, slot: number) {
    this.facts = facts;
    // The file's key and the facts' key are the same: facts are looked up by the file's key.
    this.key = facts.key;
    this.name = facts.name;
    this.resource = resource;
    this.builtin = builtin;
    this.priority = facts.priority;
    this.slot = slot;
    this.enhanced = facts.enhancerIds.length > 0;
  }
}

/** main/loader.c: module_vector_cmp — preloaded first, then lower priority first. */
export function compareModules(a: LoadedModule, b: LoadedModule): number {
  const preloadDiff = Number(b.preload) - Number(a.preload);
  return preloadDiff !== 0 ? preloadDiff : a.priority - b.priority;
}

/** A vector kept sorted by {@link compareModules}; equal elements keep insertion order. */
export class SortedModules {
  readonly items: LoadedModule[] = [];
  private readonly members = new Set<LoadedModule>();

  has(mod: LoadedModule): boolean {
    return this.members.has(mod);
  }

  get size(): number {
    return this.items.length;
  }

  /** AST_VECTOR_ADD_SORTED: inserted after every element that does not compare greater. */
  add(mod: LoadedModule): void {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.items[mid];
      if (other !== undefined && compareModules(other, mod) > 0) hi = mid;
      else lo = mid + 1;
    }
    this.items.splice(lo, 0, mod);
    this.members.add(mod);
  }

  /** Keeps only `kept` (a subsequence of the items, so the order stays sorted). */
  retain(kept: LoadedModule[]): void {
    if (kept.length === this.items.length) return;
    const keep = new Set(kept);
    for (const mod of this.items) if (!keep.has(mod)) this.members.delete(mod);
    this.items.length = 0;
    this.items.push(...kept);
  }
}
