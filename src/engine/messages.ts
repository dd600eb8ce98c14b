/**
 * The loader's log lines about one module that read the same in every run on a graph
 * (`Registering module X`, `Loading X.so.`, the START and PASS lines...), built once and shared.
 * A large build's transcript holds over 100,000 of them, and strings kept by the result are what
 * the garbage collector spends most of a run copying; the app simulates the same graph again on
 * every edit of modules.conf or the faults, so later runs reuse the strings of the first.
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

/** `PASS n: <resource, %-46s> <result>` */
function buildPassLine(attempt: number, resource: string, lres: number): string {
  const prefix = `PASS ${attempt}: `;
  return (prefix + resource).padEnd(prefix.length + RESOURCE_WIDTH) + resultSuffix(lres);
}

/** `START: <resource, %-46s>[<priority>] <result>` */
function buildStartLine(resource: string, priority: number, lres: number): string {
  return ('START: ' + resource).padEnd(7 + RESOURCE_WIDTH) + `[${priority}]${resultSuffix(lres)}`;
}

/**
 * The lines of one module. Those naming the resource hold for one spelling of it (the module's
 * file name; the PASS lines print the name as listed, which may lack `.so`).
 */
class ModuleText {
  registering: string | undefined;
  unregistering: string | undefined;
  resource: string | undefined;
  loading: string | undefined;
  started: string | undefined;
  missingDependencies: string | undefined;
  /** By result + 1. */
  startLines: (string | undefined)[] | undefined;
  passResource: string | undefined;
  /** Pass 0 only (most modules open at once), by result + 1. */
  firstPassLines: (string | undefined)[] | undefined;

  /** This module's lines for `resource`, forgetting those of another spelling. */
  forResource(resource: string): this {
    if (this.resource !== resource) {
      this.resource = resource;
      this.loading = undefined;
      this.started = undefined;
      this.missingDependencies = undefined;
      this.startLines = undefined;
    }
    return this;
  }

  forPassResource(resource: string): (string | undefined)[] {
    if (this.passResource !== resource || !this.firstPassLines) {
      this.passResource = resource;
      this.firstPassLines = [];
    }
    return this.firstPassLines;
  }
}

export class LoaderText {
  private readonly byId: (ModuleText | undefined)[] = [];

  /** The shared lines of a module the dataset knows; undefined for one it does not. */
  private of(facts: ModuleLoadFacts): ModuleText | undefined {
    if (facts.id < 0) return undefined;
    return (this.byId[facts.id] ??= new ModuleText());
  }

  /** main/loader.c: ast_module_register */
  registering(facts: ModuleLoadFacts): string {
    const text = this.of(facts);
    if (!text) return `Registering module ${facts.name}`;
    return (text.registering ??= `Registering module ${facts.name}`);
  }

  /** main/loader.c: ast_module_unregister */
  unregistering(facts: ModuleLoadFacts): string {
    const text = this.of(facts);
    if (!text) return `Unregistering module ${facts.name}`;
    return (text.unregistering ??= `Unregistering module ${facts.name}`);
  }

  /** main/loader.c: start_resource, before load() while not fully booted. */
  loading(facts: ModuleLoadFacts, resource: string): string {
    const text = this.of(facts)?.forResource(resource);
    if (!text) return `Loading ${resource}.`;
    return (text.loading ??= `Loading ${resource}.`);
  }

  /** main/loader.c: start_resource, load() succeeded while not fully booted. */
  started(facts: ModuleLoadFacts, resource: string): string {
    const text = this.of(facts)?.forResource(resource);
    if (!text) return `${resource} => (${facts.description})`;
    return (text.started ??= `${resource} => (${facts.description})`);
  }

  /** main/loader.c: start_resource_attempt, dependencies not running. */
  missingDependencies(facts: ModuleLoadFacts, resource: string): string {
    const text = this.of(facts)?.forResource(resource);
    if (!text) return `Module ${resource} is missing dependencies`;
    return (text.missingDependencies ??= `Module ${resource} is missing dependencies`);
  }

  /** main/loader.c: start_resource_attempt */
  startLine(facts: ModuleLoadFacts, resource: string, lres: number): string {
    const text = this.of(facts)?.forResource(resource);
    if (!text) return buildStartLine(resource, facts.priority, lres);
    const lines = (text.startLines ??= []);
    return (lines[lres + 1] ??= buildStartLine(resource, facts.priority, lres));
  }

  /** main/loader.c: load_resource_list; `facts` null when the dataset does not know the module. */
  passLine(facts: ModuleLoadFacts | null, attempt: number, resource: string, lres: number): string {
    const text = attempt === 0 && facts ? this.of(facts) : undefined;
    if (!text) return buildPassLine(attempt, resource, lres);
    const lines = text.forPassResource(resource);
    return (lines[lres + 1] ??= buildPassLine(attempt, resource, lres));
  }
}

const cache = new WeakMap<LoaderFacts, LoaderText>();

/** The shared lines of a graph's modules (one store per loader facts object). */
export function loaderText(facts: LoaderFacts): LoaderText {
  let text = cache.get(facts);
  if (!text) {
    text = new LoaderText();
    cache.set(facts, text);
  }
  return text;
}
