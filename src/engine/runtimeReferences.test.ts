/**
 * Run-time references (ModuleGraph.runtimeReferences) in use counts, unload, refresh and shutdown,
 * on small graphs: what main/loader.c does with them (__ast_module_shutdown_ref,
 * graceful_unload_possible, modules_shutdown).
 */
import { describe, expect, it } from 'vitest';
import type { ModuleGraph, RuntimeReference } from '../model';
import { whyStarted } from './explain/whyChains';
import { simulate } from './simulate';
import { buildGraph } from './testing/buildGraph';
import { conf } from './testing/conf';

const source = [{ kind: 'runtime' as const, file: 'res/x.c', line: 1 }];

function withReferences(graph: ModuleGraph, references: RuntimeReference[]): ModuleGraph {
  return { ...graph, runtimeReferences: references };
}

const pin = (module: string, conditional = false): RuntimeReference => ({
  module,
  takenBy: module,
  kind: 'shutdown-self',
  untilShutdown: true,
  ...(conditional ? { conditional } : {}),
  sources: source,
});

describe('a module that holds itself until shutdown', () => {
  const graph = withReferences(
    buildGraph({
      res_core: { globalSymbols: true },
      res_pinned: { requires: ['res_core'], links: ['res_core'] },
      res_plain: { requires: ['res_core'], links: ['res_core'] },
      res_maybe: {},
    }),
    [pin('res_pinned'), pin('res_maybe', true)],
  );
  const run = (...commands: string[]) => simulate(graph, conf('autoload=yes'), { commands });

  it('shows use count 1 in module show; a conditional pin is not counted', () => {
    const r = run();
    expect(r.useCounts).toMatchObject({ res_pinned: 1, res_plain: 0, res_maybe: 0, res_core: 2 });
    expect(whyStarted(r, 'res_pinned').at(-1)?.text).toBe(
      'Its load() keeps it loaded until shutdown (a shutdown reference read from its source): module unload refuses it, and so does a recursive refresh of what it needs.',
    );
    expect(r.modules.res_maybe?.heldUntilShutdown).toBeUndefined();
  });

  it('cannot be unloaded, nor refreshed with what it requires', () => {
    const r = run(
      'module unload res_pinned',
      'module refresh res_core recursively',
      'module unload res_plain',
    );
    expect(r.runtime.map((s) => s.ok)).toEqual([false, false, true]);
    expect(r.runtime[0]?.log.map((l) => l.message)).toContainEqual(
      "Soft unload failed, 'res_pinned' has use count 1",
    );
    expect(r.runtime[1]?.log.map((l) => l.message)).toContainEqual(
      'Module res_pinned cannot be unloaded (would still have use count 1/1 after unloading dependents)',
    );
    expect(r.runtime[1]?.unloaded).toEqual([]);
  });

  it('is unloaded at shutdown once nothing else holds it', () => {
    const r = run('core stop now');
    const order = r.runtime[0]?.unloaded ?? [];
    expect(order).toContain('res_pinned');
    expect(order.indexOf('res_pinned')).toBeLessThan(order.indexOf('res_core'));
  });

  it('without the dataset’s run-time references is an ordinary module', () => {
    const plain: ModuleGraph = { ...graph };
    delete plain.runtimeReferences;
    const r = simulate(plain, conf('autoload=yes'), { commands: ['module unload res_pinned'] });
    expect(r.useCounts.res_pinned).toBe(0);
    expect(r.runtime[0]?.ok).toBe(true);
  });
});

describe('a calendar technology', () => {
  const graph = withReferences(
    buildGraph({
      res_calendar: { globalSymbols: true },
      res_calendar_ical: { requires: ['res_calendar'], links: ['res_calendar'] },
    }),
    [
      {
        module: 'res_calendar',
        takenBy: 'res_calendar_ical',
        kind: 'calendar-tech',
        untilShutdown: false,
        sources: source,
      },
    ],
  );

  it('holds one reference on res_calendar besides the loader’s, released when it unloads', () => {
    const r = simulate(graph, conf('autoload=yes'), {
      commands: ['module unload res_calendar_ical', 'module unload res_calendar'],
    });
    expect(r.useCounts.res_calendar).toBe(2);
    expect(whyStarted(simulate(graph, conf('autoload=yes')), 'res_calendar_ical').at(-1)?.text).toBe(
      'Its load() also took run-time references on res_calendar, released when it unloads; a recursive refresh of those refuses while it runs.',
    );
    expect(r.runtime[0]?.useCounts.res_calendar).toBe(0);
    expect(r.runtime.map((s) => s.ok)).toEqual([true, true]);
  });

  it('makes a recursive refresh of res_calendar refuse: its dependents do not account for the whole use count', () => {
    const r = simulate(graph, conf('autoload=yes'), {
      commands: ['module refresh res_calendar recursively'],
    });
    expect(r.runtime[0]?.ok).toBe(false);
    expect(r.runtime[0]?.log.map((l) => l.message)).toContainEqual(
      'Module res_calendar cannot be unloaded (would still have use count 1/2 after unloading dependents)',
    );
  });
});
