/**
 * Everything one run of the loader works on, handed to the functions of loader/ and startup/:
 * the dataset's facts, the transcript, the module list, the module files present with their
 * injected faults, and the record of the run. Each part is changed only by the module that owns
 * it (registry.ts, startup/record.ts) or through the named methods below.
 */
import type { LoaderRelease, ModuleFault } from '../../model';
import type { LoaderFacts, ModuleLoadFacts } from '../loaderFacts';
import { unknownModuleFacts } from '../loaderFacts';
import { loaderText } from '../messages';
import type { LoaderText } from '../messages';
import { moduleKey, stripSo } from '../names';
import { StartupRecord } from '../startup/record';
import type { Transcript } from '../transcript';
import type { LoadedModule } from './module';
import { NONE_NAMES } from './module';
import { ModuleRegistry } from './registry';

export class LoaderState {
  readonly facts: LoaderFacts;
  readonly t: Transcript;
  /** The graph's shared per-module log lines. */
  readonly text: LoaderText;
  readonly registry: ModuleRegistry;
  readonly record: StartupRecord;
  /** The behaviours of the simulated version's loader that changed between releases. */
  readonly release: LoaderRelease;
  /** Verbose levels of the per-module lines, which 6871d1cdfc raised (see LoaderRelease). */
  readonly verb: { loading: number; started: number; loadedAtRuntime: number; unloading: number };
  private readonly available: Set<string>;
  private readonly faults: ReadonlyMap<string, ModuleFault>;
  /** Facts made up for module files the dataset does not know, by file name. */
  private readonly fileFacts = new Map<string, ModuleLoadFacts>();
  private filesFacts: { files: readonly string[]; facts: ModuleLoadFacts[] } | null = null;
  /** Links that kept the last failed dlopen from succeeding (for the timeline). */
  private missingLinksOfLastOpen: string[] = NONE_NAMES;
  private booted = false;

  constructor(
    facts: LoaderFacts,
    availableFiles: Iterable<string>,
    faults: ReadonlyMap<string, ModuleFault>,
    t: Transcript,
    release: LoaderRelease,
  ) {
    this.release = release;
    this.verb = release.quietModuleLines
      ? { loading: 4, started: 5, loadedAtRuntime: 4, unloading: 4 }
      : { loading: 1, started: 2, loadedAtRuntime: 1, unloading: 1 };
    this.facts = facts;
    this.available = new Set(availableFiles);
    this.faults = faults;
    this.t = t;
    this.text = loaderText(facts);
    this.registry = new ModuleRegistry(facts, t, this.text);
    this.record = new StartupRecord(facts.list.length);
  }

  /** ast_fully_booted: changes how starting a module is logged. */
  get fullyBooted(): boolean {
    return this.booted;
  }

  /** Startup is over (whatever its result): from now on modules start as at run time. */
  markFullyBooted(): void {
    this.booted = true;
  }

  /** The global-symbol modules the last attempt to open a library lacked (none when it opened or was already open). */
  get lastMissingLinks(): string[] {
    return this.missingLinksOfLastOpen;
  }

  /** load_resource and load_dlopen say what the attempt to open a library lacked. */
  noteOpenAttempt(missingLinks: string[] = NONE_NAMES): void {
    this.missingLinksOfLastOpen = missingLinks;
  }

  /** The dataset's facts for a key, or null when it does not know it. */
  knownFacts(key: string): ModuleLoadFacts | null {
    return this.facts.byKey.get(key) ?? null;
  }

  isAvailable(file: string): boolean {
    return this.available.has(file);
  }

  /** The facts of a module file; a file the dataset does not know is noted in the record. */
  factsForFile(file: string, key: string = moduleKey(file)): ModuleLoadFacts {
    const facts = this.lookupFileFacts(file, key);
    if (!facts.known) this.record.noteUnknownFile(file);
    return facts;
  }

  /**
   * The facts of each of `files`, index for index, computed once per list. Unknown files are not
   * noted: callers note them where the order of the unknown files is decided.
   */
  factsForFiles(files: readonly string[]): readonly ModuleLoadFacts[] {
    if (this.filesFacts?.files !== files) {
      this.filesFacts = { files, facts: files.map((file) => this.lookupFileFacts(file, moduleKey(file))) };
    }
    return this.filesFacts.facts;
  }

  /** The fault injected into the module's load(), if any. */
  faultOf(mod: LoadedModule): ModuleFault | undefined {
    return this.faults.get(mod.facts.key);
  }

  hasLoadFunction(mod: LoadedModule): boolean {
    return mod.facts.hasLoad && this.faultOf(mod) !== 'no-load-function';
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
}
