import { describe, expect, it } from 'vitest';
import { connectInProcess, createExplorerClient } from '../worker';
import type { ExplorerConnection } from '../worker';
import { DATASETS_URL, diskExplorerApi } from '../worker/testSupport';
import { createExplorerStore } from './createExplorerStore';
import { selectSimulation } from './selectors';

/**
 * The real API in process; `delay` holds every simulation back, as a long run in the worker would;
 * `graphsSent` counts the graphs handed to the worker.
 */
function connection(delay = 0, graphsSent = { count: 0 }): ExplorerConnection {
  const inner = connectInProcess(diskExplorerApi());
  return {
    api: {
      ...inner.api,
      useGraph: (graph) => {
        graphsSent.count += 1;
        return inner.api.useGraph(graph);
      },
      simulate: async (graphId, request) => {
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        return inner.api.simulate(graphId, request);
      },
    },
    close: inner.close,
  };
}

async function storeOn(version: string, simulationDelay = 0) {
  const client = createExplorerClient(() => connection(), { datasetsUrl: DATASETS_URL });
  let connections = 0;
  const graphsSent = { count: 0 };
  const simulationClient = createExplorerClient(
    () => {
      connections += 1;
      return connection(simulationDelay, graphsSent);
    },
    { datasetsUrl: DATASETS_URL },
  );
  const store = createExplorerStore(client, simulationClient);
  await store.getState().loadBuiltin(version);
  return { store, connections: () => connections, graphsSent: () => graphsSent.count };
}

describe('simulation slice', () => {
  it("starts from an autoload modules.conf with every module file present, no fault, and the version's loader", async () => {
    const { store } = await storeOn('23.4.1');
    const s = store.getState();
    expect(s.modulesConf.text).toMatch(/\[modules\]\s*autoload\s*=\s*yes/);
    expect([s.absentFiles, s.faults, s.commands, s.simLoader]).toEqual([[], {}, [], 'version']);
    expect(s.colourBy).toBe('category');
  });

  it('runs with the injected fault, colours by outcome and shows the cascade in the result', async () => {
    const { store } = await storeOn('23.4.1');
    store.getState().setFault('res_odbc', 'decline');
    await store.getState().runSimulation();
    const run = selectSimulation(store.getState());
    expect(run?.result.modules.func_odbc?.state).toBe('declined');
    expect(store.getState().colourBy).toBe('outcome');
    expect(store.getState().timelineStep).toBeUndefined();
  });

  it('accumulates run-time commands and re-runs with all of them', async () => {
    const { store } = await storeOn('23.4.1');
    await store.getState().runSimulation();
    await store.getState().runCommand('module unload res_odbc');
    await store.getState().runCommand('module refresh res_odbc recursively');
    const run = selectSimulation(store.getState());
    // res_odbc's load_module() keeps it loaded until shutdown (ast_module_shutdown_ref).
    expect(run?.result.runtime.map((r) => [r.command, r.ok])).toEqual([
      ['module unload res_odbc', false],
      ['module refresh res_odbc recursively', false],
    ]);
    expect(run?.result.runtime[1]?.message.split('\n')[0]).toBe('Unable to unload resource res_odbc');
    await store.getState().clearCommands();
    expect(selectSimulation(store.getState())?.result.runtime).toEqual([]);
  });

  it('keeps the previous result and lists the problem with line and column when modules.conf is rejected', async () => {
    const { store } = await storeOn('23.4.1');
    await store.getState().runSimulation();
    const before = selectSimulation(store.getState());
    store.getState().setModulesConf('[modules]\nautoload = yes\n  [oops\n', 'mine.conf');
    await store.getState().runSimulation();
    const s = store.getState();
    expect(selectSimulation(s)).toBe(before);
    expect(s.modulesConf.text).toContain('[oops');
    expect(s.simulationNotice?.kind).toBe('rejected');
    expect(s.confProblems[0]).toMatchObject({ file: 'mine.conf', line: 3, column: 3 });
  });

  it('cancelling a run keeps the previous result and the next run uses a fresh worker', async () => {
    const { store, connections } = await storeOn('23.4.1', 50);
    await store.getState().runSimulation();
    const before = selectSimulation(store.getState());
    store.getState().setFault('res_curl', 'decline');
    const running = store.getState().runSimulation();
    expect(store.getState().simulationStatus).toBe('running');
    store.getState().cancelSimulation();
    await running;
    expect(store.getState().simulationStatus).toBe('idle');
    expect(store.getState().simulationNotice?.kind).toBe('cancelled');
    expect(selectSimulation(store.getState())).toBe(before);
    await store.getState().runSimulation();
    expect(selectSimulation(store.getState())?.result.modules.res_curl?.state).toBe('declined');
    expect(connections()).toBe(2);
  });

  it('a result is not shown once another dataset is on screen', async () => {
    const { store } = await storeOn('23.4.1');
    await store.getState().runSimulation();
    await store.getState().loadBuiltin('22.10.1');
    expect(selectSimulation(store.getState())).toBeUndefined();
  });

  it('marking a module file absent and present again restores the full directory', async () => {
    const { store } = await storeOn('23.4.1');
    store.getState().setFilePresent('app_queue', false);
    store.getState().setFilePresent('app_dial', false);
    expect(store.getState().absentFiles).toEqual(['app_dial', 'app_queue']);
    await store.getState().runSimulation();
    expect(selectSimulation(store.getState())?.result.started).not.toContain('app_queue');
    store.getState().setFilePresent('app_queue', true);
    expect(store.getState().absentFiles).toEqual(['app_dial']);
  });

  it('sends the graph to the simulation worker once per graph, not once per run', async () => {
    const { store, graphsSent } = await storeOn('23.4.1');
    await store.getState().runSimulation();
    await store.getState().runCommand('module unload res_odbc');
    store.getState().setFault('res_curl', 'decline');
    await store.getState().runSimulation();
    expect(selectSimulation(store.getState())?.result.modules.res_curl?.state).toBe('declined');
    expect(graphsSent()).toBe(1);

    await store.getState().loadBuiltin('22.10.1');
    await store.getState().runSimulation();
    expect(selectSimulation(store.getState())?.graph.info.version).toBe('22.10.1');
    expect(graphsSent()).toBe(2);
  });

  it('a run after a cancelled one sends the graph to the fresh worker and lands', async () => {
    const { store, graphsSent } = await storeOn('23.4.1', 30);
    await store.getState().runSimulation();
    const running = store.getState().runSimulation();
    store.getState().cancelSimulation();
    await running;
    await store.getState().runSimulation();
    expect(selectSimulation(store.getState())?.result.started).toContain('app_dial');
    expect(graphsSent()).toBe(2);
  });
});
