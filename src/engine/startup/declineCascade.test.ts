/**
 * The decline cascade of main/loader.c: resource_list_recursive_decline, worked out by hand from
 * the C code on small graphs. DeclineScan answers it without walking every queued module's
 * dependencies afresh; these pin the answers and the side effects that walk has in C.
 */
import { describe, expect, it } from 'vitest';
import type { LoaderEvent, SimulationResult } from '../../model';
import { simulate } from '../simulate';
import { buildGraph } from '../testing/buildGraph';
import type { ModuleSpec } from '../testing/buildGraph';
import { conf } from '../testing/conf';

const CORE: Record<string, ModuleSpec> = {
  cdr: { builtin: true, priority: 40, requires: ['extconfig'] },
  extconfig: { builtin: true, priority: 0 },
};

/** res_x (priority 20) declines in its own load(); everything else is up to the case. */
function declineX(specs: Record<string, ModuleSpec>): SimulationResult {
  const graph = buildGraph({ ...CORE, res_base: { priority: 10 }, res_x: { priority: 20 }, ...specs });
  const available = Object.keys(specs)
    .filter((n) => !specs[n]?.builtin)
    .map((n) => `${n}.so`)
    .concat('res_base.so', 'res_x.so');
  return simulate(graph, conf('autoload = yes'), { available, faults: { res_x: 'decline' } });
}

const errors = (r: SimulationResult): string[] =>
  r.log.filter((l) => l.level === 'ERROR').map((l) => l.message);

const refs = (r: SimulationResult): string[] =>
  r.events
    .filter((e): e is Extract<LoaderEvent, { type: 'reference-taken' }> => e.type === 'reference-taken')
    .map((e) => `${e.module}->${e.target}`);

describe('the decline cascade', () => {
  it('declines, in priority-vector order, every queued module that reaches the declined one through modules not started', () => {
    const r = declineX({
      app_c: { priority: 50, requires: ['app_d'] },
      app_d: { requires: ['res_x'] },
      app_f: { priority: 60, requires: ['res_base'] },
    });
    expect(errors(r)).toEqual([
      'res_x declined to load.',
      'Declined modules which depend on res_x: app_c, app_d',
    ]);
    expect(r.modules.app_c?.declineReason).toBe('cascade');
    expect(r.modules.app_d?.causes).toEqual(['res_x']);
    expect(r.started).toEqual(['extconfig', 'res_base', 'cdr', 'app_f']);
  });

  it('spares a module whose only way to the declined module was an enhancer declined earlier in the same cascade', () => {
    // app_b is scanned first: app_a (not started) lists res_e, a not-running enhancer of the
    // running res_base, and res_e requires res_x. Once res_e is declined in turn, app_a no
    // longer lists it (module_reffed_deps_add_dep_enhancers skips declined enhancers).
    const r = declineX({
      app_b: { priority: 50, requires: ['app_a'] },
      res_e: { priority: 60, enhances: ['res_base'], requires: ['res_x'] },
      app_a: { priority: 70, requires: ['res_base'] },
    });
    expect(errors(r)).toEqual([
      'res_x declined to load.',
      'Declined modules which depend on res_x: app_b, res_e',
    ]);
    expect(r.started).toEqual(['extconfig', 'res_base', 'cdr', 'app_a']);
  });

  it('spares a module that also depends on one missing from the module list, which then fails on its own', () => {
    // res_ghost is in no module file: it never registers.
    const r = declineX({ app_u: { priority: 55, requires: ['res_ghost', 'res_x'] } });
    expect(errors(r)).toEqual([
      'res_x declined to load.',
      'Failed to resolve dependencies for app_u',
      'app_u declined to load.',
    ]);
    expect(r.modules.app_u?.declineReason).toBe('unresolved-dependencies');
    expect(r.modules.app_u?.causes).toEqual(['res_ghost']);
  });

  it('takes the references the scan finds on running dependencies once, before the cascade is reported', () => {
    const r = declineX({
      app_b: { priority: 50, requires: ['app_a'] },
      res_e: { priority: 60, enhances: ['res_base'], requires: ['res_x'] },
      app_a: { priority: 70, requires: ['res_base'] },
    });
    // module_deps_reference runs on every module the scan walks, so cdr, app_a and res_e take
    // their references on running modules before they start (or never start).
    expect(refs(r)).toEqual(['cdr->extconfig', 'app_a->res_base', 'res_e->res_base']);
    const firstCascade = r.events.findIndex((e) => e.type === 'declined' && e.reason === 'cascade');
    const lastRef = r.events.map((e) => e.type).lastIndexOf('reference-taken');
    expect(lastRef).toBeLessThan(firstCascade);
    expect(r.useCounts.res_base).toBe(2);
  });
});
