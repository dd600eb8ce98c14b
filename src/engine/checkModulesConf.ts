/**
 * Checks a modules.conf against a dataset before it is deployed: names that are no module,
 * `require`s that would fail, and modules that would decline or never open because of what the
 * configuration leaves out. Runs the simulation without faults, so only configuration causes count.
 */
import type { ModuleGraph, ModulesConf, Problem, SimulationOptions, SimulationResult } from '../model';
import { loaderFacts } from './loaderFacts';
import { moduleKey } from './names';
import { whyDeclined } from './explain/whyChains';
import { moduleFileOf, simulate } from './simulate';

export interface CheckResult {
  /** No error-level problem. */
  ok: boolean;
  problems: Problem[];
  simulation: SimulationResult;
}

const NAMING_OPTIONS = new Set(['load', 'require', 'preload', 'preload-require', 'noload']);

export function checkModulesConf(
  graph: ModuleGraph,
  conf: ModulesConf,
  options: Omit<SimulationOptions, 'faults' | 'commands'> = {},
): CheckResult {
  const facts = loaderFacts(graph);
  const problems: Problem[] = [];
  const present = new Set((options.available ?? []).map((f) => moduleKey(moduleFileOf(f))));
  const lineOf = new Map<string, { line: number; column: number }>();

  for (const e of conf.entries) {
    if (!NAMING_OPTIONS.has(e.option) || e.value === '') continue;
    const key = moduleKey(e.value);
    if (!lineOf.has(key) && e.option !== 'noload') lineOf.set(key, { line: e.line, column: e.column });
    if (!facts.byKey.has(key) && !present.has(key)) {
      problems.push({
        severity: e.option === 'noload' ? 'warning' : 'error',
        code: 'config-unknown-module',
        message: `${e.value} is not a module of Asterisk ${graph.info.version}${e.option === 'noload' ? ' (this noload line does nothing)' : ''}.`,
        file: conf.file,
        line: e.line,
        column: e.column,
      });
    }
  }

  const simulation = simulate(graph, conf, { ...options });
  const at = (module: string): Pick<Problem, 'file' | 'line' | 'column'> => {
    const pos = lineOf.get(moduleKey(module));
    return pos ? { file: conf.file, line: pos.line, column: pos.column } : { file: conf.file };
  };

  if (simulation.startupFailed) {
    const errors = simulation.log
      .filter((l) => l.level === 'ERROR' && l.source === 'loader.c')
      .map((l) => l.message);
    problems.push({
      severity: 'error',
      code: 'config-conflict',
      message: `Asterisk would not start (exit ${simulation.exitCode}): ${errors.join(' ') || 'modules.conf is refused.'}`,
      file: conf.file,
    });
  }
  for (const o of Object.values(simulation.modules)) {
    const dependencyTrouble =
      (o.state === 'declined' && o.declineReason !== 'self' && o.declineReason !== 'no-load-function') ||
      (o.state === 'not-loaded' && o.notLoadedReason === 'dlopen-failed');
    if (!dependencyTrouble) continue;
    const chain = whyDeclined(simulation, o.name)
      .map((s) => s.text)
      .join(' ');
    problems.push({
      severity: 'warning',
      code: 'config-conflict',
      message: chain,
      module: o.name,
      ...at(o.name),
    });
  }
  return { ok: !problems.some((p) => p.severity === 'error'), problems, simulation };
}
