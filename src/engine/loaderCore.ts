/**
 * The state the Asterisk module loader keeps while it runs, and the primitives every phase uses:
 * the module list, dlopen/dlclose with link-time residency, references between modules, and
 * starting and unloading one module. Modelled on main/loader.c at the master commit of the
 * traces; each method names the function whose behaviour it reproduces.
 */
import type { DeclineReason, ModuleFault } from '../model';
import type { LoaderFacts, ModuleLoadFacts } from './loaderFacts';
import { unknownModuleFacts } from './loaderFacts';
import { loaderText } from './messages';
import type { LoaderText } from './messages';
import { moduleFileName, moduleKey, stripSo } from './names';
import type { Transcript } from './transcript';

const NONE: LoadedModule[] = [];
const NONE_NAMES: string[] = [];

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

export interface StartContext {
  /** The module whose missing dependencies are being started. */
  pulledBy?: string;
}

const NO_CONTEXT: StartContext = {};

export class LoaderCore {
  readonly facts: LoaderFacts;
  readonly t: Transcript;
  /** The graph's shared per-module log lines. */
  readonly text: LoaderText;
  /**
   * Registered modules (the module list; its order is given by `seq`), by the id of their key in
   * the loader facts, so the hot paths look dependencies up by index instead of by name...
   */
  private readonly slots: (LoadedModule | undefined)[];
  /** ...and by key for the few keys the dataset does not know. */
  private readonly unknownRegistered = new Map<string, LoadedModule>();
  /**
   * Registrations in the order a map keyed by module would keep them: a new key goes last, a key
   * registered again while present keeps its place. Entries are stale once `regIndex` or the
   * registration changed.
   */
  private readonly byReg: LoadedModule[] = [];
  /** Modules by the `seq` they were given; an entry is stale once the module moved or left. */
  private readonly bySeq: (LoadedModule | undefined)[] = [undefined];
  private readonly available: Set<string>;
  private readonly faults: ReadonlyMap<string, ModuleFault>;
  private seqCounter = 0;
  /** Facts made up for module files the dataset does not know, by file name. */
  private readonly fileFacts = new Map<string, ModuleLoadFacts>();
  private filesFacts: { files: readonly string[]; facts: ModuleLoadFacts[] } | null = null;
  /** The module list in order, rebuilt only after it changed. */
  private listCache: LoadedModule[] | null = null;
  /** Links that kept the last failed dlopen from succeeding (for the timeline). */
  lastMissingLinks: string[] = NONE_NAMES;
  /** ast_fully_booted: changes how starting a module is logged. */
  fullyBooted = false;
  /** Names of module files the dataset did not know, for a problem report. */
  readonly unknownFiles = new Set<string>();
  /** Modules started successfully at any time, in order (for results). */
  readonly startOrder: string[] = [];
  /** Modules that entered a load-order list, by id, and keys the dataset does not know (see wasQueued). */
  private readonly queuedIds: Uint8Array;
  private readonly queuedUnknown = new Set<string>();
  /** Keys of module files that were removed by noload, or were unloaded. */
  readonly noloadedKeys = new Set<string>();
  readonly unloadedKeys = new Set<string>();
  /** Keys of module files whose dlopen failed, with the links that were missing. */
  readonly missingLinksByKey = new Map<string, string[]>();
  /**
   * Modules the startup log names as declined: a START result of decline or failure, or a decline
   * message. Modules flagged silently (a cascade cut short by a required module) are not in it.
   */
  readonly reportedDeclined = new Set<string>();

  constructor(
    facts: LoaderFacts,
    availableFiles: Iterable<string>,
    faults: ReadonlyMap<string, ModuleFault>,
    t: Transcript,
  ) {
    this.facts = facts;
    this.available = new Set(availableFiles);
    this.faults = faults;
    this.t = t;
    this.text = loaderText(facts);
    this.slots = new Array<LoadedModule | undefined>(facts.list.length).fill(undefined);
    this.queuedIds = new Uint8Array(facts.list.length);
  }

  /** Notes that a key entered a load-order list; `known` is {@link knownFacts} of the key. */
  markQueued(key: string, known: ModuleLoadFacts | null): void {
    if (known) this.queuedIds[known.id] = 1;
    else this.queuedUnknown.add(key);
  }

  /** Whether the key ever entered a load-order list. */
  wasQueued(key: string): boolean {
    const known = this.knownFacts(key);
    return known ? this.queuedIds[known.id] === 1 : this.queuedUnknown.has(key);
  }

  // --- the module list --------------------------------------------------------------------

  /** main/loader.c: find_resource — case-insensitive, with or without `.so`. */
  find(name: string): LoadedModule | undefined {
    return this.findKey(moduleKey(name));
  }

  /** The module registered under a key; `known`, when given, is {@link knownFacts} of the key. */
  findKey(key: string, known: ModuleLoadFacts | null = this.knownFacts(key)): LoadedModule | undefined {
    return known ? this.slots[known.id] : this.unknownRegistered.get(key);
  }

  /** The module list in order (head first). */
  moduleList(): LoadedModule[] {
    if (this.listCache) return this.listCache;
    // Sequence numbers only grow, so walking them in order gives the list without sorting.
    const list: LoadedModule[] = [];
    const bySeq = this.bySeq;
    for (let seq = 1; seq < bySeq.length; seq++) {
      const mod = bySeq[seq];
      if (mod !== undefined && mod.seq === seq && this.isRegistered(mod)) list.push(mod);
    }
    this.listCache = list;
    return list;
  }

  /** Registered modules in registration order. */
  registeredModules(): IterableIterator<LoadedModule> {
    const list: LoadedModule[] = [];
    const byReg = this.byReg;
    for (let i = 0; i < byReg.length; i++) {
      const mod = byReg[i];
      if (mod !== undefined && mod.regIndex === i && this.isRegistered(mod)) list.push(mod);
    }
    return list.values();
  }

  moveToTail(mod: LoadedModule): void {
    this.assignSeq(mod);
    this.listCache = null;
  }

  private assignSeq(mod: LoadedModule): void {
    mod.seq = ++this.seqCounter;
    this.bySeq.push(mod);
  }

  /** The registered module of a dependency, by its id when the dataset knows it, else by key. */
  private lookup(id: number, key: string): LoadedModule | undefined {
    return id >= 0 ? this.slots[id] : this.unknownRegistered.get(key);
  }

  /** The registration under a module's key (itself, or one that replaced it). */
  private current(mod: LoadedModule): LoadedModule | undefined {
    return mod.slot >= 0 ? this.slots[mod.slot] : this.unknownRegistered.get(mod.key);
  }

  /** Whether this very registration is the one in the module list. */
  private isRegistered(mod: LoadedModule): boolean {
    return this.current(mod) === mod;
  }

  private addRegistered(mod: LoadedModule): void {
    const existing = this.current(mod);
    if (existing) {
      mod.regIndex = existing.regIndex;
      this.byReg[mod.regIndex] = mod;
    } else {
      mod.regIndex = this.byReg.length;
      this.byReg.push(mod);
    }
    if (mod.slot >= 0) this.slots[mod.slot] = mod;
    else this.unknownRegistered.set(mod.key, mod);
    this.listCache = null;
  }

  /** Removes whatever is registered under the module's key. */
  private deleteRegistered(mod: LoadedModule): void {
    if (mod.slot >= 0) this.slots[mod.slot] = undefined;
    else this.unknownRegistered.delete(mod.key);
    this.listCache = null;
  }

  /** The id of a module's key: its own facts' id, or that of known facts sharing the key. */
  private slotOf(facts: ModuleLoadFacts): number {
    return facts.id >= 0 ? facts.id : (this.facts.byKey.get(facts.key)?.id ?? -1);
  }

  /** main/loader.c: ast_module_register for a dynamic module (appended to the list). */
  register(facts: ModuleLoadFacts, resource: string): LoadedModule {
    const mod = new LoadedModule(facts, resource, false, this.slotOf(facts));
    this.assignSeq(mod);
    mod.libOpen = true;
    this.addRegistered(mod);
    this.t.debug(this.text.registering(facts));
    const ids = facts.linksIds;
    if (ids.length === 0) return mod;
    const targets: LoadedModule[] = [];
    for (let i = 0; i < ids.length; i++) {
      const target = this.lookup(ids[i] ?? -1, facts.linksKeys[i] ?? '');
      if (!target || target.builtin) continue;
      (target.boundBy ??= new Set()).add(mod);
      targets.push(target);
    }
    if (targets.length > 0) mod.linkTargets = targets;
    return mod;
  }

  /** main/loader.c: loader_builtin_init — built-ins register first, in registration order. */
  registerBuiltin(facts: ModuleLoadFacts): LoadedModule {
    const mod = new LoadedModule(facts, facts.name, true, this.slotOf(facts));
    this.assignSeq(mod);
    this.addRegistered(mod);
    this.t.debug(this.text.registering(facts));
    return mod;
  }

  /** Global-symbol modules a library links against that are not loaded: RTLD_NOW fails on them. */
  unresolvedLinks(facts: ModuleLoadFacts): string[] {
    const ids = facts.linksIds;
    if (ids.length === 0) return NONE_NAMES;
    let missing: string[] | null = null;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] ?? -1;
      if (id >= 0) {
        if (this.slots[id] !== undefined || this.facts.list[id]?.builtin) continue;
      } else if (this.unknownRegistered.has(facts.linksKeys[i] ?? '')) continue;
      (missing ??= []).push(facts.links[i] ?? facts.linksKeys[i] ?? '');
    }
    return missing ?? NONE_NAMES;
  }

  isAvailable(file: string): boolean {
    return this.available.has(file);
  }

  /** The facts of a module file; a file the dataset does not know is noted in `unknownFiles`. */
  factsForFile(file: string, key: string = moduleKey(file)): ModuleLoadFacts {
    const facts = this.lookupFileFacts(file, key);
    if (!facts.known) this.unknownFiles.add(file);
    return facts;
  }

  /** {@link factsForFile} without noting unknown files; the same object for the same file. */
  private lookupFileFacts(file: string, key: string): ModuleLoadFacts {
    const known = this.facts.byKey.get(key);
    if (known) return known;
    let facts = this.fileFacts.get(file);
    if (!facts) {
      facts = unknownModuleFacts(stripSo(file));
      this.fileFacts.set(file, facts);
    }
    return facts;
  }

  /**
   * The facts of each of `files`, index for index, computed once per list. Unknown files are not
   * noted: callers note them where the order of `unknownFiles` is decided.
   */
  factsForFiles(files: readonly string[]): readonly ModuleLoadFacts[] {
    if (this.filesFacts?.files !== files) {
      this.filesFacts = { files, facts: files.map((file) => this.lookupFileFacts(file, moduleKey(file))) };
    }
    return this.filesFacts.facts;
  }

  faultOf(mod: LoadedModule): ModuleFault | undefined {
    return this.faults.get(mod.facts.key);
  }

  hasLoadFunction(mod: LoadedModule): boolean {
    return mod.facts.hasLoad && this.faultOf(mod) !== 'no-load-function';
  }

  // --- dlopen / dlclose -------------------------------------------------------------------

  /**
   * main/loader.c: load_dynamic_module + load_dlopen. Opening fails quietly in a pass when the
   * file is absent or a global-symbol module it links against is not loaded yet; on the last,
   * logging pass a lazy open succeeds, the module registers, the loader names what is missing,
   * and closes it again. A GLOBAL_SYMBOLS module is closed and reopened so its symbols are global.
   */
  loadDynamicModule(
    resourceIn: string,
    suppressLogging: boolean,
    key: string = moduleKey(resourceIn),
    known: ModuleLoadFacts | null = this.knownFacts(key),
  ): LoadedModule | null {
    const file = moduleFileName(resourceIn);
    this.lastMissingLinks = NONE_NAMES;
    if (!this.available.has(file)) {
      if (!suppressLogging) {
        this.t.loadError(
          `Error loading module '${resourceIn}': ${MODULE_DIR}/${file}: cannot open shared object file: No such file or directory`,
        );
      }
      return null;
    }
    // The file's key is the resource's: moduleFileName only ever appends `.so`.
    const facts = known ?? this.factsForFile(file, key);
    const missingLinks = this.unresolvedLinks(facts);
    this.lastMissingLinks = missingLinks;
    if (missingLinks.length > 0) {
      if (suppressLogging) return null;
      const mod = this.register(facts, file);
      // Optional modules are left out when built with OPTIONAL_API (the default).
      const missing = [...facts.requires, ...facts.enhances].filter((dep) => !this.find(dep));
      if (missing.length > 0) {
        this.t.loadError(
          `Error loading module '${resourceIn}', missing ${missing.length === 1 ? 'dependency' : 'dependencies'}: ${missing.join(', ')}`,
        );
      } else {
        this.t.loadError(
          `Error loading module '${resourceIn}': ${MODULE_DIR}/${file}: undefined symbol (it links against ${missingLinks.join(', ')})`,
        );
      }
      this.closeLibrary(mod);
      return null;
    }
    let mod = this.register(facts, file);
    if (facts.globalSymbols) {
      this.closeLibrary(mod);
      mod = this.register(facts, file);
    }
    return mod;
  }

  /** main/loader.c: unload_dynamic_module — dlclose; the library stays resident while others are bound to it. */
  closeLibrary(mod: LoadedModule): void {
    if (mod.builtin || !mod.libOpen) return;
    mod.libOpen = false;
    if (!mod.boundBy || mod.boundBy.size === 0) this.libraryUnloaded(mod);
  }

  /** The library left memory: its destructor unregisters the module (main/loader.c: ast_module_unregister). */
  private libraryUnloaded(mod: LoadedModule): void {
    if (mod.registered) {
      this.deleteRegistered(mod);
      mod.registered = false;
      if (mod.usecount === 0) {
        this.t.debug(this.text.unregistering(mod.facts));
        this.destroy(mod);
      }
    }
    for (const target of mod.linkTargets) {
      target.boundBy?.delete(mod);
      if (!target.libOpen && !target.boundBy?.size && target.registered) this.libraryUnloaded(target);
    }
    mod.linkTargets = NONE;
  }

  /** main/loader.c: module_destroy — releases the references the module held. */
  private destroy(mod: LoadedModule): void {
    for (const dep of mod.reffed) this.unref(mod, dep);
    mod.reffed = NONE;
  }

  private unref(holder: LoadedModule | null, dep: LoadedModule): void {
    dep.usecount--;
    this.t.emit({ type: 'reference-released', module: holder?.name ?? dep.name, target: dep.name });
  }

  // --- references between modules ----------------------------------------------------------

  /** main/loader.c: module_reffed_deps_add */
  private reffedAdd(
    mod: LoadedModule,
    dep: LoadedModule,
    missing: string[] | null,
    missingMods: (LoadedModule | undefined)[] | null,
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
    this.t.emit({ type: 'reference-taken', module: mod.name, target: dep.name });
    return true;
  }

  /** Registered, not-declined modules that enhance `dep`, in module-list order. */
  private enhancersOf(dep: LoadedModule): LoadedModule[] {
    const ids = dep.facts.enhancerIds;
    if (ids.length === 0) return NONE;
    const out: LoadedModule[] = [];
    for (let i = 0; i < ids.length; i++) {
      const m = this.lookup(ids[i] ?? -1, dep.facts.enhancerKeys[i] ?? '');
      if (m) out.push(m);
    }
    return out.length > 1 ? out.sort((a, b) => a.seq - b.seq) : out;
  }

  /** main/loader.c: module_reffed_deps_add_dep_enhancers */
  private addDependencyEnhancers(
    mod: LoadedModule,
    dep: LoadedModule,
    missing: string[] | null,
    missingMods: (LoadedModule | undefined)[] | null,
  ): boolean {
    if (!dep.enhanced) return true;
    for (const cur of this.enhancersOf(dep)) {
      if (cur.declined) continue;
      if (!this.reffedAdd(mod, cur, missing, missingMods)) return false;
    }
    return true;
  }

  /** main/loader.c: module_deps_process_reqlist */
  private processRequirements(
    mod: LoadedModule,
    names: readonly string[],
    keys: readonly string[],
    ids: readonly number[],
    missing: string[] | null,
    missingMods: (LoadedModule | undefined)[] | null,
    refEnhancers: boolean,
    isOptional: boolean,
  ): boolean {
    for (let i = 0; i < ids.length; i++) {
      const dep = this.lookup(ids[i] ?? -1, keys[i] ?? '');
      if (!dep || !dep.running) {
        if (isOptional && !dep) continue;
        if (missing) {
          missing.push(names[i] ?? '');
          missingMods?.push(dep);
          continue;
        }
        return false;
      }
      if (!this.reffedAdd(mod, dep, missing, missingMods)) return false;
      if (refEnhancers && !this.addDependencyEnhancers(mod, dep, missing, missingMods)) return false;
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
  depsReference(
    mod: LoadedModule,
    missing: string[] | null,
    missingMods: (LoadedModule | undefined)[] | null = null,
  ): boolean {
    const f = mod.facts;
    let ok = this.processRequirements(
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
      this.processRequirements(
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
      this.processRequirements(
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
  missingRecursive(mod: LoadedModule, missingdeps: SortedModules, unknown?: string[]): boolean {
    const first = this.expandMissing(mod, missingdeps, unknown);
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
      const local = this.expandMissing(dep, missingdeps, unknown);
      if (!local) return false;
      if (local.length > 0) stack.push({ list: local, next: 0 });
    }
    return true;
  }

  /**
   * module_deps_reference collecting what is not running, as modules in the order found
   * (undefined for a name not in the module list): one step of module_deps_missing_recursive.
   */
  missingDependencyModules(m: LoadedModule): (LoadedModule | undefined)[] {
    const mods: (LoadedModule | undefined)[] = [];
    this.depsReference(m, [], mods);
    return mods;
  }

  /** One level of module_deps_missing_recursive: the newly found missing modules, or null for an unknown one. */
  private expandMissing(
    m: LoadedModule,
    missingdeps: SortedModules,
    unknown: string[] | undefined,
  ): LoadedModule[] | null {
    const names: string[] = [];
    const mods: (LoadedModule | undefined)[] = [];
    this.depsReference(m, names, mods);
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
  notRunningDependencies(mod: LoadedModule): string[] {
    const out: string[] = [];
    const f = mod.facts;
    for (let i = 0; i < f.enhancesIds.length; i++) {
      if (!this.lookup(f.enhancesIds[i] ?? -1, f.enhancesKeys[i] ?? '')?.running)
        out.push(f.enhances[i] ?? f.enhancesKeys[i] ?? '');
    }
    for (let i = 0; i < f.requiresIds.length; i++) {
      if (!this.lookup(f.requiresIds[i] ?? -1, f.requiresKeys[i] ?? '')?.running)
        out.push(f.requires[i] ?? f.requiresKeys[i] ?? '');
    }
    for (let i = 0; i < f.optionalIds.length; i++) {
      const d = this.lookup(f.optionalIds[i] ?? -1, f.optionalKeys[i] ?? '');
      if (d && !d.running) out.push(f.optional[i] ?? f.optionalKeys[i] ?? '');
    }
    return out;
  }

  // --- starting a module --------------------------------------------------------------------

  /**
   * main/loader.c: start_resource. `depsHeld` says the caller's module_deps_reference just
   * succeeded (start_resource_attempt): running it again here would find every reference taken
   * and change nothing, so it is skipped.
   */
  startResource(mod: LoadedModule, ctx: StartContext = NO_CONTEXT, depsHeld = false): LoadResult {
    if (mod.running) return LOAD_SUCCESS;
    this.t.emit(
      ctx.pulledBy
        ? { type: 'attempted', module: mod.name, pulledBy: ctx.pulledBy }
        : { type: 'attempted', module: mod.name },
    );

    if (!this.hasLoadFunction(mod)) {
      mod.declined = true;
      this.declineEvent(mod, 'no-load-function', ctx.pulledBy ? [ctx.pulledBy] : []);
      return mod.required ? LOAD_FAILURE : LOAD_DECLINE;
    }

    if (!depsHeld && !this.depsReference(mod, null)) {
      const missing = new SortedModules();
      const unknown: string[] = [];
      if (!this.missingRecursive(mod, missing, unknown)) {
        this.t.loadError(`${mod.name} has one or more unknown dependencies.`);
      }
      for (const dep of missing.items) this.t.loadError(`${mod.name} loaded before dependency ${dep.name}!`);
      this.declineEvent(
        mod,
        unknown.length > 0 ? 'unresolved-dependencies' : 'dependencies-not-started',
        unknown.length > 0 ? unknown : missing.items.map((d) => d.name),
      );
      return LOAD_DECLINE;
    }

    if (!this.fullyBooted) this.t.verbose(this.text.loading(mod.facts, mod.resource));
    const fault = this.faultOf(mod);
    let res: LoadResult =
      fault === 'decline' ? LOAD_DECLINE : fault === 'failure' ? LOAD_FAILURE : LOAD_SUCCESS;
    switch (res) {
      case LOAD_SUCCESS:
        if (!this.fullyBooted) this.t.verbose(this.text.started(mod.facts, mod.resource));
        else this.t.verbose(`Loaded ${mod.resource} => (${mod.facts.description})`);
        mod.running = true;
        if (mod.builtin && !mod.keepUntilShutdown) {
          // Built-in modules cannot be unloaded: they hold a reference until shutdown.
          mod.usecount++;
          mod.keepUntilShutdown = true;
        }
        mod.startIndex = this.startOrder.length;
        this.startOrder.push(mod.name);
        mod.declineReason = null;
        mod.declineCauses = NONE_NAMES;
        mod.pulledBy = ctx.pulledBy ?? null;
        this.unloadedKeys.delete(mod.key);
        this.t.emit(
          ctx.pulledBy
            ? { type: 'started', module: mod.name, pulledBy: ctx.pulledBy }
            : { type: 'started', module: mod.name },
        );
        break;
      case LOAD_DECLINE:
        mod.declined = true;
        this.declineEvent(
          mod,
          ctx.pulledBy ? 'declined-while-pulled' : 'self',
          ctx.pulledBy ? [ctx.pulledBy] : [],
        );
        if (mod.required) res = LOAD_FAILURE;
        break;
      default:
        mod.declined = true;
        mod.failed = true;
        this.t.emit({ type: 'failed', module: mod.name, required: mod.required });
        break;
    }
    this.moveToTail(mod);
    return res;
  }

  declineEvent(mod: LoadedModule, reason: DeclineReason, causes: string[]): void {
    if (mod.declineReason === null) {
      mod.declineReason = reason;
      mod.declineCauses = causes;
    }
    this.t.emit({ type: 'declined', module: mod.name, reason, causes });
  }

  /**
   * The dataset's facts for a key, or null when it does not know it; callers that open the same
   * name again and again look this up once and pass it to {@link loadResource}.
   */
  knownFacts(key: string): ModuleLoadFacts | null {
    return this.facts.byKey.get(key) ?? null;
  }

  /**
   * main/loader.c: load_resource — opens the module if needed, then queues or starts it.
   * `known`, when given, is {@link knownFacts} of `key`.
   */
  loadResource(
    resourceName: string,
    suppressLogging: boolean,
    priorities: LoadedModule[] | null,
    required: boolean,
    preload: boolean,
    onOpened?: (mod: LoadedModule) => void,
    key: string = moduleKey(resourceName),
    known: ModuleLoadFacts | null = this.knownFacts(key),
  ): LoadResult {
    this.lastMissingLinks = NONE_NAMES;
    let mod = this.findKey(key, known);
    if (mod) {
      if (mod.running) {
        this.t.log('WARNING', `Module '${resourceName}' already loaded and running.`);
        return LOAD_DECLINE;
      }
    } else {
      mod = this.loadDynamicModule(resourceName, suppressLogging, key, known) ?? undefined;
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
    return this.startResource(mod);
  }

  // --- run time -----------------------------------------------------------------------------

  /** main/loader.c: ast_load_resource — a module that declined is unloaded first and opened afresh. */
  loadAtRuntime(resourceName: string): LoadResult {
    const mod = this.find(resourceName);
    if (mod && mod.declined) {
      this.t.debug(
        `Module ${resourceName} previously declined to load, unloading it first before loading again`,
      );
      this.unloadResource(resourceName, 'soft');
    }
    return this.loadResource(resourceName, false, null, false, false);
  }

  /** main/loader.c: ast_unload_resource */
  unloadResource(resourceName: string, force: UnloadForce): number {
    return this.autoUnloadResource(resourceName, force, false, null);
  }

  /** main/loader.c: auto_unload_resource */
  autoUnloadResource(
    resourceName: string,
    force: UnloadForce,
    recursive: boolean,
    dependents: string[] | null,
  ): number {
    const mod = this.find(resourceName);
    if (!mod) {
      this.t.log('WARNING', `Unload failed, '${resourceName}' could not be found`);
      return -1;
    }
    let error = false;
    if (!mod.running || mod.declined) {
      this.t.log('NOTICE', `Unloading module '${resourceName}' that previously declined to load`);
    } else {
      if (mod.usecount > 0 && recursive && dependents) {
        if (this.gracefulUnloadPossible(mod, dependents)) {
          const n = dependents.length;
          this.t.debug(`${n} module${n === 1 ? '' : 's'} will need to be unloaded`);
          // The last-found dependent depends on nothing else in the list: unload from the end.
          for (let i = n - 1; i >= 0; i--) {
            const depname = dependents[i] ?? '';
            if (this.unloadResource(depname, force)) {
              this.t.log(
                'WARNING',
                `Failed to unload ${n} module${n === 1 ? '' : 's'} automatically (${depname} could not be unloaded)`,
              );
              for (let j = i + 1; j < n; j++) {
                const again = dependents[j] ?? '';
                if (this.loadAtRuntime(again))
                  this.t.log('WARNING', `Could not load module '${again}' again automatically`);
              }
              break;
            }
          }
        }
      }
      if (mod.usecount > 0) {
        if (force !== 'soft') {
          this.t.log(
            'WARNING',
            `Warning:  Forcing removal of module '${resourceName}' with use count ${mod.usecount}`,
          );
        } else {
          this.t.log(
            'WARNING',
            `${recursive ? 'Recursive soft' : 'Soft'} unload failed, '${resourceName}' has use count ${mod.usecount}`,
          );
          error = true;
        }
      }
      if (!error) {
        this.t.verbose(`Unloading ${mod.resource}`);
        mod.running = false;
        mod.declined = false;
      }
    }
    if (error) return -1;
    this.unloadedKeys.add(mod.key);
    this.t.emit({ type: 'unloaded', module: mod.name });
    this.closeLibrary(mod);
    return 0;
  }

  /** main/loader.c: graceful_unload_possible — dependents are found in module-list order. */
  gracefulUnloadPossible(target: LoadedModule, dependents: string[]): boolean {
    let usecount = target.usecount;
    for (const mod of this.moduleList()) {
      if (!mod.reffed.includes(target)) continue;
      if (dependents.some((d) => d.toLowerCase() === mod.name.toLowerCase())) {
        this.t.debug(`Skipping duplicate dependent ${mod.name}`);
        if (--usecount === 0) break;
        continue;
      }
      if (!this.gracefulUnloadPossible(mod, dependents)) {
        this.t.log('NOTICE', `Can't unload ${target.name} right now because ${mod.name} is dependent on it`);
        return false;
      }
      this.t.debug(`Found new dependent ${mod.name}`);
      // Inserted at the front so reloading walks the list in the order unloading must be undone.
      dependents.unshift(mod.name);
      if (--usecount === 0) break;
    }
    if (usecount !== 0) {
      this.t.log(
        'NOTICE',
        `Module ${target.name} cannot be unloaded (would still have use count ${usecount}/${target.usecount} after unloading dependents)`,
      );
      return false;
    }
    return true;
  }

  /** main/loader.c: ast_refresh_resource — 1: the unload failed, -1: a load failed, 0: done. */
  refreshResource(resourceName: string, force: UnloadForce, recursive: boolean): number {
    if (recursive) {
      const dependents: string[] = [];
      if (this.autoUnloadResource(resourceName, force, true, dependents)) return 1;
      if (this.loadAtRuntime(resourceName)) {
        this.t.log('WARNING', `Failed to load module '${resourceName}' again automatically`);
        return -1;
      }
      let res = 0;
      for (const depname of dependents) {
        const r = this.loadAtRuntime(depname);
        if (r) this.t.log('WARNING', `Could not load module '${depname}' again automatically`);
        res |= r;
      }
      return res ? -1 : 0;
    }
    if (this.unloadResource(resourceName, force)) return 1;
    return this.loadAtRuntime(resourceName);
  }

  /** main/loader.c: modules_shutdown — from the tail, skipping modules still in use, until nothing changes. */
  shutdown(): string[] {
    const order: string[] = [];
    let changed: boolean;
    do {
      changed = false;
      for (const mod of [...this.moduleList()].reverse()) {
        if (mod.usecount) {
          this.t.debug(`Passing on ${mod.resource}: its use count is ${mod.usecount}`);
          continue;
        }
        this.deleteRegistered(mod);
        mod.registered = false;
        if (mod.running && !mod.declined) this.t.verbose(`Unloading ${mod.resource}`);
        this.unloadedKeys.add(mod.key);
        this.t.emit({ type: 'unloaded', module: mod.name });
        this.destroy(mod);
        order.push(mod.name);
        changed = true;
      }
      if (!changed) {
        for (const mod of this.moduleList()) {
          if (mod.keepUntilShutdown) {
            this.unref(null, mod);
            mod.keepUntilShutdown = false;
            changed = true;
          }
        }
      }
    } while (changed);
    return order;
  }
}
