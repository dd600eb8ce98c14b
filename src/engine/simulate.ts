/**
 * The engine's entry point: simulate Asterisk starting with a dataset, a modules.conf, the
 * module files present and injected faults, then run CLI commands against it.
 * Pure and deterministic: same input, same output.
 */
import type {
  LoaderRelease,
  ModuleFault,
  ModuleGraph,
  ModulesConf,
  Problem,
  RuntimeResult,
  SimulationOptions,
  SimulationResult,
} from '../model';
import { LoaderState } from './loader/state';
import { graphForBuild } from './buildConditions';
import { loaderFacts } from './loaderFacts';
import { loaderReleaseFor } from './loaderReleases';
import { graphWithSorceryConf } from './sorceryConf';
import type { LoaderFacts } from './loaderFacts';
import { moduleKey } from './names';
import { moduleOutcomes, outcomeLists } from './outcomes';
import {
  notRunningResult,
  parseRuntimeCommand,
  renderRuntimeCommand,
  runRuntimeCommand,
} from './runtimeCommands';
import { LOADER_VARIANTS } from './startup/variants';
import { Transcript } from './transcript';

/** Module file names present by default: every loadable module of the dataset, alphabetically. */
export function defaultAvailableFiles(graph: ModuleGraph): string[] {
  return loaderFacts(graph).loadable.map((name) => `${name}.so`);
}

/** A listed module file: a bare module name stands for `<name>.so`. */
export function moduleFileOf(entry: string): string {
  const name = entry.trim();
  return name === '' || name.includes('.') ? name : `${name}.so`;
}

export function simulate(
  given: ModuleGraph,
  conf: ModulesConf,
  options: SimulationOptions = {},
): SimulationResult {
  // sorcery.conf moves references between wizard modules: a graph of its own for this run.
  const sorcery = options.sorceryConf ? graphWithSorceryConf(given, options.sorceryConf) : undefined;
  const graph = sorcery?.graph ?? given;
  const versionRelease = loaderReleaseFor(options.version ?? graph.info.version);
  const loader = options.loader ?? versionRelease.kind;
  // A loader chosen against the version's (the legacy one on a 16+ dataset) keeps the version's
  // commands and messages and runs its own start rules.
  const release: LoaderRelease =
    loader === versionRelease.kind || (loader === 'proposed' && versionRelease.kind === 'current')
      ? versionRelease
      : { ...versionRelease, kind: loader === 'legacy' ? 'legacy' : 'current' };
  const datasetFacts = loaderFacts(graph);
  const problems: Problem[] = [...(sorcery?.problems ?? [])];
  const faults = readFaults(datasetFacts, options.faults ?? {}, problems);

  const missing = new Set([...faults].filter(([, f]) => f === 'missing').map(([k]) => k));
  const files = (options.available ?? defaultAvailableFiles(graph))
    .map(moduleFileOf)
    .filter((f) => f !== '' && (missing.size === 0 || !missing.has(moduleKey(f))));
  // The files show the build: its dependencies that exist only with a library it lacks are left out.
  // The module set is the dataset's either way, so the faults read above keep their keys.
  const build = graphForBuild(graph, files);
  const facts = loaderFacts(build.graph);
  problems.unshift(...facts.problems, ...build.problems);

  const t = new Transcript();
  const core = new LoaderState(facts, files, faults, t, release);
  const variant = LOADER_VARIANTS[loader];
  const startup = variant.startup(core, conf, files);

  const startupFailed = startup.res !== 0;
  const { events, lines: log } = t.takeRecorded();
  const started = core.record.startOrder();
  const { declined, notLoaded } = outcomeLists(core, files, started);
  const useCounts: Record<string, number> = {};
  for (const mod of core.registry.moduleList()) useCounts[mod.name] = mod.usecount;
  const outcomeContext = { core, files, startupFailed, configRefused: startup.res === -1 };
  const modules = moduleOutcomes(outcomeContext);
  const hazards = variant.hazards(core, modules);
  for (const h of hazards) {
    const o = modules[h.module];
    if (o) o.hazard = true;
  }

  for (const file of core.record.unknownFiles()) {
    problems.push({
      severity: 'warning',
      code: 'config-unknown-module',
      message: `${file} is not in the dataset: it is simulated with no dependencies and the default priority.`,
      module: file,
    });
  }

  const held = !startupFailed && holdReferences(core, options.heldReferences ?? {}, problems);
  const runtime: RuntimeResult[] = [];
  for (const input of options.commands ?? []) {
    // A parsed command is read again as text: the version's CLI may not have it.
    const parsed = parseRuntimeCommand(
      typeof input === 'string' ? input : renderRuntimeCommand(input),
      release,
    );
    if ('error' in parsed) {
      if (parsed.cli) {
        // What that version's CLI answers: part of the prediction, not a mistake in the input.
        runtime.push(
          startupFailed
            ? notRunningResult(parsed.text)
            : { ...notRunningResult(parsed.text), message: parsed.error },
        );
        continue;
      }
      problems.push({ severity: 'error', code: 'config-syntax', message: parsed.error });
      runtime.push({ ...notRunningResult(parsed.text), message: parsed.error });
      continue;
    }
    runtime.push(
      startupFailed ? notRunningResult(parsed.text) : runRuntimeCommand(core, parsed.command, parsed.text),
    );
  }
  const finalModules =
    (runtime.length > 0 || held) && !startupFailed ? moduleOutcomes(outcomeContext) : modules;
  if (finalModules !== modules) {
    for (const h of variant.hazards(core, finalModules)) {
      const o = finalModules[h.module];
      if (o) o.hazard = true;
    }
  }

  return {
    loader,
    release,
    startupFailed,
    exitCode: startup.exitCode,
    started,
    declined,
    notLoaded,
    useCounts,
    modules,
    events,
    log,
    hazards,
    problems,
    runtime,
    finalModules,
  };
}

/** What `module show` says the server holds beyond the simulation: added to the running modules. */
function holdReferences(
  core: LoaderState,
  held: Readonly<Record<string, number>>,
  problems: Problem[],
): boolean {
  let added = false;
  for (const [name, count] of Object.entries(held)) {
    if (!(count > 0)) continue;
    const mod = core.registry.find(name);
    if (!mod?.running) {
      problems.push({
        severity: 'warning',
        code: 'unresolved-name',
        message: `${name} holds references on the server but does not run in the simulation: not added.`,
        module: name,
      });
      continue;
    }
    mod.usecount += count;
    added = true;
  }
  return added;
}

function readFaults(
  facts: LoaderFacts,
  given: Readonly<Record<string, ModuleFault>>,
  problems: Problem[],
): Map<string, ModuleFault> {
  const faults = new Map<string, ModuleFault>();
  for (const [name, fault] of Object.entries(given)) {
    const key = moduleKey(name);
    const known = facts.byKey.get(key);
    if (!known) {
      problems.push({
        severity: 'error',
        code: 'unresolved-name',
        message: `Fault on '${name}', which is not a module of this dataset.`,
        module: name,
      });
    } else if (known.builtin && fault === 'missing') {
      problems.push({
        severity: 'warning',
        code: 'config-noload-builtin',
        message: `${known.name} is built into Asterisk: it has no file that could be missing.`,
        module: known.name,
      });
      continue;
    }
    faults.set(key, fault);
  }
  return faults;
}
