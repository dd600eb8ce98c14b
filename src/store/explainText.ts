import type { Cycle, ImpactKind, ImpactResult, PathsResult } from '../worker';
import type { PathQuery } from './explainTypes';

/** The sentences the Explain tab shows and the graph's highlight carries as its title. */

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "3 paths from app_queue to res_odbc (shortest first)", or why there is none. */
export function describePaths(query: PathQuery, result: PathsResult): string {
  const first = result.paths[0];
  // The answer spells the names as the graph does; the query has what was typed.
  const start = first?.[0] ?? query.from;
  const end = first?.at(-1) ?? query.to;
  const shown = result.truncated
    ? `shortest first; only the first ${result.paths.length} shown`
    : 'shortest first';
  switch (result.direction) {
    case 'forward':
      return `${plural(result.paths.length, 'path')} from ${start} to ${end} (${shown})`;
    case 'reverse':
      // The paths run from `to` to `from`: the question was asked the wrong way round.
      return `No path from ${end} to ${start}; the other way, ${plural(result.paths.length, 'path')} from ${start} to ${end} (${shown})`;
    case 'none':
      return `No dependency path between ${query.from} and ${query.to} in either direction`;
  }
}

export const IMPACT_KIND_LABELS: Record<ImpactKind, string> = {
  fail: 'fails to load',
  missing: 'is missing',
  noload: 'is noloaded',
  unload: 'is unloaded',
};

/** The order the "If the module" select offers them in. */
export const IMPACT_KINDS: readonly ImpactKind[] = ['fail', 'missing', 'noload', 'unload'];

function impactSubject(module: string, as: ImpactKind): string {
  switch (as) {
    case 'fail':
      return `${module} failing to load`;
    case 'missing':
      return `a missing ${module}.so`;
    case 'noload':
      return `noload ${module}`;
    case 'unload':
      return `unloading ${module}`;
  }
}

/** "noload res_pjsip takes down 54 modules". */
export function describeImpact(result: ImpactResult): string {
  const subject = impactSubject(result.module, result.as);
  return result.modules.length === 0
    ? `${subject} takes down no other module`
    : `${subject} takes down ${plural(result.modules.length, 'module')}`;
}

export function describeCycles(cycles: readonly Cycle[]): string {
  return cycles.length === 0 ? 'No dependency cycles' : plural(cycles.length, 'dependency cycle');
}
