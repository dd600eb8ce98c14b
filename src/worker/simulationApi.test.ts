import { describe, expect, it } from 'vitest';
import type { ModuleGraph } from '../model';
import type { ExplorerApi } from './explorerApi';
import { StaleGraphError } from './heldGraph';
import { diskExplorerApi } from './testSupport';

const AUTOLOAD = { text: '[modules]\nautoload = yes\n', file: 'modules.conf' };

async function dataset(version = '23.4.1'): Promise<ModuleGraph> {
  const { graph } = await diskExplorerApi().loadDataset(version);
  if (!graph) throw new Error(`dataset ${version} missing`);
  return graph;
}

/** An API that holds the 23.4.1 graph, and the id to ask about it with. */
async function holding(): Promise<{ api: ExplorerApi; graphId: number }> {
  const api = diskExplorerApi();
  return { api, graphId: api.useGraph(await dataset()) };
}

describe('simulation through the worker API', () => {
  it('a declining res_odbc declines every module that depends on it', async () => {
    const { api, graphId } = await holding();
    const { result, confProblems } = api.simulate(graphId, {
      modulesConf: AUTOLOAD,
      loader: 'current',
      absentFiles: [],
      faults: { res_odbc: 'decline' },
      commands: [],
    });
    expect(confProblems).toEqual([]);
    expect(result?.declined).toEqual(expect.arrayContaining(['res_odbc', 'func_odbc', 'cdr_odbc']));
    expect(result?.modules.func_odbc).toMatchObject({ state: 'declined', causes: ['res_odbc'] });
    expect(result?.started).not.toContain('func_odbc');
  });

  it('a module file marked absent is neither started nor listed as not loaded', async () => {
    const { api, graphId } = await holding();
    const { result } = api.simulate(graphId, {
      modulesConf: AUTOLOAD,
      loader: 'current',
      absentFiles: ['app_queue'],
      faults: {},
      commands: [],
    });
    expect(result?.started).not.toContain('app_queue');
    expect(result?.started).toContain('app_dial');
    expect(result?.notLoaded).not.toContain('app_queue');
  });

  it('runs run-time commands after startup and reports the refusal of an unload in use', async () => {
    const { api, graphId } = await holding();
    const { result } = api.simulate(graphId, {
      modulesConf: AUTOLOAD,
      loader: 'current',
      absentFiles: [],
      faults: {},
      commands: ['module unload res_odbc'],
    });
    expect(result?.runtime[0]).toMatchObject({ command: 'module unload res_odbc', ok: false, unloaded: [] });
    expect(result?.runtime[0]?.message).toContain('Unable to unload resource res_odbc');
  });

  it('returns no result and the problem with its line and column when Asterisk would reject modules.conf', async () => {
    const { api, graphId } = await holding();
    const { result, confProblems } = api.simulate(graphId, {
      modulesConf: { text: '[modules]\nautoload = yes\n[broken\n', file: 'my.conf' },
      loader: 'current',
      absentFiles: [],
      faults: {},
      commands: [],
    });
    expect(result).toBeUndefined();
    expect(confProblems[0]).toMatchObject({ severity: 'error', file: 'my.conf', line: 3, column: 1 });
  });

  it('the legacy loader starts dependents of a declined module and marks them as hazards', async () => {
    const { api, graphId } = await holding();
    const { result } = api.simulate(graphId, {
      modulesConf: AUTOLOAD,
      loader: 'legacy',
      absentFiles: [],
      faults: { res_odbc: 'decline' },
      commands: [],
    });
    expect(result?.loader).toBe('legacy');
    expect(result?.started).toContain('func_odbc');
    expect(result?.hazards.some((h) => h.module === 'func_odbc' && h.dependency === 'res_odbc')).toBe(true);
  });

  it('answers for the graph it holds and refuses an id it no longer holds', async () => {
    const api = diskExplorerApi();
    const old = api.useGraph(await dataset('13.38.3'));
    const current = api.useGraph(await dataset('23.4.1'));
    const request = {
      modulesConf: AUTOLOAD,
      loader: 'current' as const,
      absentFiles: [],
      faults: {},
      commands: [],
    };
    // res_pjsip_geolocation is not in 13: the answer is about the graph held last.
    expect(api.simulate(current, request).result?.started).toContain('res_pjsip_geolocation');
    expect(() => api.simulate(old, request)).toThrow(StaleGraphError);
  });

  it('reads the run as the intent of modules.conf: failing listed lines and what a noload takes down', async () => {
    const { api, graphId } = await holding();
    const request = { loader: 'current' as const, absentFiles: [], faults: {}, commands: [] };
    const slim = api.simulate(graphId, {
      ...request,
      modulesConf: { text: '[modules]\nautoload = no\nload => chan_pjsip.so\n', file: 'modules.conf' },
    });
    expect(slim.intent?.ok).toBe(false);
    expect(slim.intent?.failing).toEqual([
      expect.objectContaining({ line: 3, option: 'load', module: 'chan_pjsip', running: false }),
    ]);
    expect(slim.intent?.failing[0]?.why.join(' ')).toContain('res_pjsip');
    const noload = api.simulate(graphId, {
      ...request,
      modulesConf: { text: '[modules]\nautoload = yes\nnoload => res_pjsip.so\n', file: 'modules.conf' },
    });
    expect(noload.intent?.noloads).toHaveLength(1);
    expect(noload.intent?.noloads[0]?.takesDown.length).toBeGreaterThan(40);
    expect(noload.intent?.troubles.some((t) => t.root === 'res_pjsip')).toBe(false);
    const rejected = api.simulate(graphId, {
      ...request,
      modulesConf: { text: '[broken', file: 'modules.conf' },
    });
    expect(rejected.intent).toBeUndefined();
  });
});
