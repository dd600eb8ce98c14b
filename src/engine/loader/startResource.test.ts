/**
 * start_resource's rules that differ between loader versions (StartRules): a required module
 * that declines stops Asterisk 16+ but not 13, whose loader aborts only on a load failure; a
 * module without load() declines in 16+ and fails in 13; 13 calls load() whatever the
 * dependencies are doing.
 */
import { describe, expect, it } from 'vitest';
import type { LoaderKind, ModuleFault, SimulationResult } from '../../model';
import { simulate } from '../simulate';
import { buildGraph } from '../testing/buildGraph';
import { conf } from '../testing/conf';

const graph = buildGraph({
  res_y: { priority: 10 },
  app_x: { priority: 50, requires: ['res_y'] },
});
const available = ['res_y.so', 'app_x.so'];

function run(loader: LoaderKind, lines: string[], faults: Record<string, ModuleFault>): SimulationResult {
  return simulate(graph, conf(...lines), { loader, available, faults });
}

describe('start_resource by loader version', () => {
  it('a required module that declines stops startup from 16 on, not in 13', () => {
    const current = run('current', ['autoload = yes', 'require => res_y.so'], { res_y: 'decline' });
    expect(current.startupFailed).toBe(true);
    expect(current.exitCode).toBe(2);
    const legacy = run('legacy', ['autoload = yes', 'require => res_y.so'], { res_y: 'decline' });
    expect(legacy.startupFailed).toBe(false);
    expect(legacy.modules.res_y?.state).toBe('declined');
    expect(legacy.started).toEqual(['app_x']);
  });

  it('a module without load() declines from 16 on, and fails startup in 13', () => {
    const current = run('current', ['autoload = yes'], { res_y: 'no-load-function' });
    expect(current.startupFailed).toBe(false);
    expect(current.modules.res_y?.declineReason).toBe('no-load-function');
    expect(current.declined).toEqual(['app_x', 'res_y']);
    const legacy = run('legacy', ['autoload = yes'], { res_y: 'no-load-function' });
    expect(legacy.startupFailed).toBe(true);
    expect(legacy.log.map((l) => l.message)).toContain('*** Failed to load module res_y.so');
  });

  it('13 calls load() of a module whose requirement is not loaded; 16 declines it', () => {
    const lines = ['autoload = no', 'load => app_x.so'];
    expect(run('legacy', lines, {}).started).toEqual(['app_x']);
    const current = run('current', lines, {});
    expect(current.started).toEqual([]);
    // res_y was never opened, so it is not in the module list: module_deps_missing_recursive fails.
    expect(current.modules.app_x?.declineReason).toBe('unresolved-dependencies');
  });
});
