/**
 * What a run records about modules beyond the module list: the order they started in, which
 * entered a load-order list, which `noload` removed or which were unloaded, which failed to open
 * and why, and which the startup log names as declined. The one writer of these facts: the
 * startup and run-time code change them only through the methods below.
 */
import type { ModuleLoadFacts } from '../loaderFacts';

export class StartupRecord {
  /** Modules started successfully at any time, in order (for results). */
  private readonly started: string[] = [];
  /** Modules that entered a load-order list, by id, and keys the dataset does not know. */
  private readonly queuedIds: Uint8Array;
  private readonly queuedUnknown = new Set<string>();
  private readonly noloaded = new Set<string>();
  private readonly unloaded = new Set<string>();
  private readonly missingLinks = new Map<string, string[]>();
  private readonly declinedInLog = new Set<string>();
  private readonly unknown = new Set<string>();

  constructor(modules: number) {
    this.queuedIds = new Uint8Array(modules);
  }

  /** A module started; returns its position in the start order. */
  noteStarted(name: string, key: string): number {
    this.started.push(name);
    this.unloaded.delete(key);
    return this.started.length - 1;
  }

  /** Module names in the order they started (a copy). */
  startOrder(): string[] {
    return [...this.started];
  }

  /** Notes that a key entered a load-order list; `known` is the dataset's facts of the key. */
  noteQueued(key: string, known: ModuleLoadFacts | null): void {
    if (known) this.queuedIds[known.id] = 1;
    else this.queuedUnknown.add(key);
  }

  /** Whether the key ever entered a load-order list. */
  wasQueued(key: string, known: ModuleLoadFacts | null): boolean {
    return known ? this.queuedIds[known.id] === 1 : this.queuedUnknown.has(key);
  }

  /** A `noload` (written or implied) took the module file out of the load order. */
  noteNoload(key: string): void {
    this.noloaded.add(key);
  }

  wasNoloaded(key: string): boolean {
    return this.noloaded.has(key);
  }

  /** The module was unloaded (by a command or at shutdown). */
  noteUnloaded(key: string): void {
    this.unloaded.add(key);
  }

  wasUnloaded(key: string): boolean {
    return this.unloaded.has(key);
  }

  /** The module file's dlopen failed for good; `links` are the global-symbol modules it lacked. */
  noteOpenFailed(key: string, links: string[]): void {
    this.missingLinks.set(key, links);
  }

  /** The links that kept the file from opening; undefined when it never failed to open. */
  missingLinksOf(key: string): string[] | undefined {
    return this.missingLinks.get(key);
  }

  /**
   * The startup log names the module as declined: a START result of decline or failure, or a
   * decline message. Modules flagged silently (a cascade cut short by a required module) are not.
   */
  noteDeclinedInLog(name: string): void {
    this.declinedInLog.add(name);
  }

  /** Modules the log names as declined, sorted. */
  declinedSorted(): string[] {
    return [...this.declinedInLog].sort();
  }

  /** A module file the dataset does not know (reported as a problem, in the order met). */
  noteUnknownFile(file: string): void {
    this.unknown.add(file);
  }

  unknownFiles(): readonly string[] {
    return [...this.unknown];
  }
}
