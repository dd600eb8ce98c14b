/**
 * The loader's log lines about one module that read the same in every run on a graph
 * (`Registering module X`, `Loading X.so.`, the START and PASS lines...), built once and shared.
 * A large build's transcript holds over 100,000 of them, and their strings were the largest share
 * of what the garbage collector copied in a run; the app simulates the same graph again on every
 * edit of modules.conf or the faults, so later runs reuse the strings of the first.
 * Kept per loader facts object, so they go when the graph goes.
 */
import type { LoaderFacts, ModuleLoadFacts } from './loaderFacts';

/** printf `%-46s` of the resource name in main/loader.c: load_resource_list, start_resource_attempt. */
const RESOURCE_WIDTH = 46;

/** ` <result>` for each enum ast_module_load_result, indexed by value + 1. */
const RESULT_SUFFIX: readonly string[] = [' -1', ' 0', ' 1', ' 2', ' 3'];

function resultSuffix(lres: number): string {
  return RESULT_SUFFIX[lres + 1] ?? ` ${lres}`;
}

/**
 * Joins parts into one flat string: a kept line then costs one string, not a tree of
 * concatenations (the engine's join builds flat strings; `+` builds ropes).
 */
function flat(...parts: string[]): string {
  return parts.join('');
}

/** `PASS n: <resource, %-46s> <result>` */
function buildPassLine(attempt: number, resource: string, lres: number): string {
  const prefix = `PASS ${attempt}: `;
  return flat(prefix, resource.padEnd(RESOURCE_WIDTH), resultSuffix(lres));
}

/** `START: <resource, %-46s>[<priority>] <result>` */
function buildStartLine(resource: string, priority: number, lres: number): string {
  return flat('START: ', resource.padEnd(RESOURCE_WIDTH), `[${priority}]`, resultSuffix(lres));
}

type Lines = (string | undefined)[];

/**
 * One array per kind of line, indexed by module id. Lines naming the resource hold for the
 * spelling in `resourceOf` (the module's file name; PASS lines print the name as listed, which
 * may lack `.so`, so they keep their own). START and PASS lines are kept for one result each,
 * the one the module gave last.
 */
export class LoaderText {
  private readonly registeringLines: Lines;
  private readonly unregisteringLines: Lines;
  private readonly resourceOf: Lines;
  private readonly loadingLines: Lines;
  private readonly startedLines: Lines;
  private readonly missingLines: Lines;
  private readonly startLines: Lines;
  private readonly startResults: (number | undefined)[];
  private readonly passResourceOf: Lines;
  private readonly firstPassLines: Lines;
  private readonly firstPassResults: (number | undefined)[];

  constructor(modules: number) {
    // Filled up front so the arrays stay dense whatever order modules are met in.
    const lines = (): Lines => new Array<string | undefined>(modules).fill(undefined);
    this.registeringLines = lines();
    this.unregisteringLines = lines();
    this.resourceOf = lines();
    this.loadingLines = lines();
    this.startedLines = lines();
    this.missingLines = lines();
    this.startLines = lines();
    this.startResults = new Array<number | undefined>(modules).fill(undefined);
    this.passResourceOf = lines();
    this.firstPassLines = lines();
    this.firstPassResults = new Array<number | undefined>(modules).fill(undefined);
  }

  /** main/loader.c: ast_module_register */
  registering(facts: ModuleLoadFacts): string {
    const id = facts.id;
    if (id < 0) return `Registering module ${facts.name}`;
    return (this.registeringLines[id] ??= flat('Registering module ', facts.name));
  }

  /** main/loader.c: ast_module_unregister */
  unregistering(facts: ModuleLoadFacts): string {
    const id = facts.id;
    if (id < 0) return `Unregistering module ${facts.name}`;
    return (this.unregisteringLines[id] ??= flat('Unregistering module ', facts.name));
  }

  /** main/loader.c: start_resource, before load() while not fully booted. */
  loading(facts: ModuleLoadFacts, resource: string): string {
    const id = this.idFor(facts, resource);
    if (id < 0) return `Loading ${resource}.`;
    return (this.loadingLines[id] ??= flat('Loading ', resource, '.'));
  }

  /** main/loader.c: start_resource, load() succeeded while not fully booted. */
  started(facts: ModuleLoadFacts, resource: string): string {
    const id = this.idFor(facts, resource);
    if (id < 0) return `${resource} => (${facts.description})`;
    return (this.startedLines[id] ??= flat(resource, ' => (', facts.description, ')'));
  }

  /** main/loader.c: start_resource_attempt, dependencies not running. */
  missingDependencies(facts: ModuleLoadFacts, resource: string): string {
    const id = this.idFor(facts, resource);
    if (id < 0) return `Module ${resource} is missing dependencies`;
    return (this.missingLines[id] ??= flat('Module ', resource, ' is missing dependencies'));
  }

  /** main/loader.c: start_resource_attempt */
  startLine(facts: ModuleLoadFacts, resource: string, lres: number): string {
    const id = this.idFor(facts, resource);
    if (id < 0) return buildStartLine(resource, facts.priority, lres);
    const kept = this.startLines[id];
    if (kept !== undefined && this.startResults[id] === lres) return kept;
    const line = buildStartLine(resource, facts.priority, lres);
    this.startLines[id] = line;
    this.startResults[id] = lres;
    return line;
  }

  /** main/loader.c: load_resource_list; `facts` null when the dataset does not know the module. */
  passLine(facts: ModuleLoadFacts | null, attempt: number, resource: string, lres: number): string {
    // Only pass 0 is kept: most modules open there, the rest vary from run to run.
    const id = attempt === 0 && facts ? facts.id : -1;
    if (id < 0) return buildPassLine(attempt, resource, lres);
    const kept = this.firstPassLines[id];
    if (kept !== undefined && this.firstPassResults[id] === lres && this.passResourceOf[id] === resource)
      return kept;
    const line = buildPassLine(attempt, resource, lres);
    this.firstPassLines[id] = line;
    this.firstPassResults[id] = lres;
    this.passResourceOf[id] = resource;
    return line;
  }

  /** The module's id once its lines naming the resource are those of `resource`; -1 when unknown. */
  private idFor(facts: ModuleLoadFacts, resource: string): number {
    const id = facts.id;
    if (id < 0 || this.resourceOf[id] === resource) return id;
    this.resourceOf[id] = resource;
    this.loadingLines[id] = undefined;
    this.startedLines[id] = undefined;
    this.missingLines[id] = undefined;
    this.startLines[id] = undefined;
    return id;
  }
}

const cache = new WeakMap<LoaderFacts, LoaderText>();

/** The shared lines of a graph's modules (one store per loader facts object). */
export function loaderText(facts: LoaderFacts): LoaderText {
  let text = cache.get(facts);
  if (!text) {
    text = new LoaderText(facts.list.length);
    cache.set(facts, text);
  }
  return text;
}
