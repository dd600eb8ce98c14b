/**
 * The module list (main/loader.c: module_list, find_resource, ast_module_register,
 * ast_module_unregister, module_destroy with the release of references, and the registrations
 * of loader_builtin_init). The only writer of which module is registered under which key and of
 * the list's order.
 */
import type { LoaderFacts, ModuleLoadFacts } from '../loaderFacts';
import type { LoaderText } from '../messages';
import { moduleKey } from '../names';
import type { Transcript } from '../transcript';
import { LoadedModule, NONE } from './module';

/** Releases one reference on `dep`; `holder` null for the reference a module holds on itself. */
export function unref(t: Transcript, holder: LoadedModule | null, dep: LoadedModule): void {
  dep.usecount--;
  t.emit({ type: 'reference-released', module: holder?.name ?? dep.name, target: dep.name });
}

export class ModuleRegistry {
  private readonly facts: LoaderFacts;
  private readonly t: Transcript;
  private readonly text: LoaderText;
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
  private seqCounter = 0;
  /** The module list in order, rebuilt only after it changed. */
  private listCache: LoadedModule[] | null = null;

  constructor(facts: LoaderFacts, t: Transcript, text: LoaderText) {
    this.facts = facts;
    this.t = t;
    this.text = text;
    this.slots = new Array<LoadedModule | undefined>(facts.list.length).fill(undefined);
  }

  /**
   * The dataset's facts for a key, or null when it does not know it; callers that open the same
   * name again and again look this up once and pass it on.
   */
  knownFacts(key: string): ModuleLoadFacts | null {
    return this.facts.byKey.get(key) ?? null;
  }

  /** main/loader.c: find_resource — case-insensitive, with or without `.so`. */
  find(name: string): LoadedModule | undefined {
    return this.findKey(moduleKey(name));
  }

  /** The module registered under a key; `known`, when given, is {@link knownFacts} of the key. */
  findKey(key: string, known: ModuleLoadFacts | null = this.knownFacts(key)): LoadedModule | undefined {
    return known ? this.slots[known.id] : this.unknownRegistered.get(key);
  }

  /** The registered module of a dependency, by its id when the dataset knows it, else by key. */
  lookup(id: number, key: string): LoadedModule | undefined {
    return id >= 0 ? this.slots[id] : this.unknownRegistered.get(key);
  }

  /** Whether a module is registered under the key, found by id when the dataset knows it. */
  hasRegistered(id: number, key: string): boolean {
    return id >= 0 ? this.slots[id] !== undefined : this.unknownRegistered.has(key);
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

  /** AST_DLLIST_REMOVE + AST_DLLIST_INSERT_TAIL after start_resource. */
  moveToTail(mod: LoadedModule): void {
    this.assignSeq(mod);
    this.listCache = null;
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

  /**
   * main/loader.c: ast_module_unregister (the library left memory) and the removal
   * modules_shutdown does: whatever is registered under the module's key leaves the list.
   */
  unregister(mod: LoadedModule): void {
    if (mod.slot >= 0) this.slots[mod.slot] = undefined;
    else this.unknownRegistered.delete(mod.key);
    this.listCache = null;
    mod.registered = false;
  }

  /** main/loader.c: module_destroy — releases the references the module held. */
  destroy(mod: LoadedModule): void {
    for (const dep of mod.reffed) unref(this.t, mod, dep);
    mod.reffed = NONE;
    // Its unload_module() unregistered what its load() registered (ast_calendar_unregister).
    for (const dep of mod.runtimeHeld) unref(this.t, mod, dep);
    mod.runtimeHeld = NONE;
  }

  private assignSeq(mod: LoadedModule): void {
    mod.seq = ++this.seqCounter;
    this.bySeq.push(mod);
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

  /** The id of a module's key: its own facts' id, or that of known facts sharing the key. */
  private slotOf(facts: ModuleLoadFacts): number {
    return facts.id >= 0 ? facts.id : (this.facts.byKey.get(facts.key)?.id ?? -1);
  }
}
