/**
 * Calibration of a simulation from a live server's `module show`, before run-time commands:
 * a module the server shows `Not Running` that the simulation starts is made to decline, and a
 * module file the simulation starts that the server does not show at all is taken as missing.
 * Where the server shows a higher use count than the simulation explains, the difference becomes
 * references the server holds (`heldReferences`: calls in progress, observers), so unload and
 * recursive refresh refuse as the server would; a lower one cannot be taken over and is returned
 * for the caller to say.
 */
import type { ModuleFault, ModuleGraph, ModuleShow, ModulesConf, SimulationOptions } from '../../model';
import { moduleKey, simulate } from '../index';

export interface Calibration {
  /** Faults to add, by module name. */
  faults: Record<string, ModuleFault>;
  /** Modules the server runs that the calibrated simulation still does not start. */
  stillDiffering: string[];
  /** `module show` use count against the calibrated simulation's, where they differ. */
  useCountDifferences: { module: string; real: number; simulated: number }[];
  /** References the server holds beyond the simulation's, by module (the positive differences). */
  heldReferences: Record<string, number>;
}

export function calibrateFromModuleShow(
  graph: ModuleGraph,
  conf: ModulesConf,
  options: SimulationOptions,
  show: ModuleShow,
): Calibration {
  const startup: SimulationOptions = { ...options, commands: [] };
  const first = simulate(graph, conf, startup);
  const shown = new Map(show.rows.map((r) => [moduleKey(r.module), r]));
  const faults: Record<string, ModuleFault> = {};
  // `module show like X` lists a few rows: a module missing from it is not missing from the server.
  const complete = show.rows.length * 2 >= Object.keys(first.useCounts).length;
  for (const o of Object.values(first.modules)) {
    if (o.state !== 'running' || o.builtin) continue;
    const row = shown.get(moduleKey(o.name));
    if (row?.status === 'Not Running') faults[o.name] = 'decline';
    else if (!row && complete) faults[o.name] = 'missing';
  }
  const calibrated = simulate(graph, conf, { ...startup, faults: { ...(options.faults ?? {}), ...faults } });
  const stillDiffering: string[] = [];
  const useCountDifferences: Calibration['useCountDifferences'] = [];
  const heldReferences: Record<string, number> = {};
  const byKey = new Map(Object.values(calibrated.modules).map((o) => [moduleKey(o.name), o]));
  for (const row of show.rows) {
    const o = byKey.get(moduleKey(row.module));
    if (row.status !== 'Not Running' && o?.state !== 'running') stillDiffering.push(moduleKey(row.module));
    if (o && o.useCount !== row.useCount) {
      useCountDifferences.push({ module: o.name, real: row.useCount, simulated: o.useCount });
      if (row.useCount > o.useCount && o.state === 'running')
        heldReferences[o.name] = row.useCount - o.useCount;
    }
  }
  return { faults, stillDiffering, useCountDifferences, heldReferences };
}
