/**
 * The module list as main/loader.c keeps it: registration appends, a start moves a module to the
 * tail, a registration replaces the one under the same key in place, and unregistering leaves
 * the list without disturbing the others.
 */
import { describe, expect, it } from 'vitest';
import { loaderFacts, unknownModuleFacts } from '../loaderFacts';
import { buildGraph } from '../testing/buildGraph';
import { Transcript } from '../transcript';
import { loaderText } from '../messages';
import { ModuleRegistry } from './registry';

function setup(): { registry: ModuleRegistry; t: Transcript; facts: ReturnType<typeof loaderFacts> } {
  const graph = buildGraph({
    core: { builtin: true, priority: 0 },
    res_a: { priority: 10, globalSymbols: true },
    res_b: { links: ['res_a'] },
    app_c: {},
  });
  const facts = loaderFacts(graph);
  const t = new Transcript();
  return { registry: new ModuleRegistry(facts, t, loaderText(facts)), t, facts };
}

const names = (registry: ModuleRegistry): string[] => registry.moduleList().map((m) => m.name);

describe('the module list', () => {
  it('keeps registration order, moves a started module to the tail, and logs each registration', () => {
    const { registry, t, facts } = setup();
    const byName = (n: string) => facts.byKey.get(n)!;
    registry.registerBuiltin(byName('core'));
    const a = registry.register(byName('res_a'), 'res_a.so');
    registry.register(byName('res_b'), 'res_b.so');
    registry.register(byName('app_c'), 'app_c.so');
    expect(names(registry)).toEqual(['core', 'res_a', 'res_b', 'app_c']);
    registry.moveToTail(a);
    expect(names(registry)).toEqual(['core', 'res_b', 'app_c', 'res_a']);
    expect(t.lines.map((l) => l.message)).toEqual([
      'Registering module core',
      'Registering module res_a',
      'Registering module res_b',
      'Registering module app_c',
    ]);
  });

  it('finds modules by name case-insensitively, with or without .so, and by unknown keys', () => {
    const { registry, facts } = setup();
    registry.register(facts.byKey.get('res_a')!, 'res_a.so');
    registry.register(unknownModuleFacts('chan_custom'), 'chan_custom.so');
    expect(registry.find('RES_A.so')?.name).toBe('res_a');
    expect(registry.find('chan_custom')?.resource).toBe('chan_custom.so');
    expect(registry.find('app_c')).toBeUndefined();
  });

  it('binds a library to the global-symbol modules it links against', () => {
    const { registry, facts } = setup();
    const a = registry.register(facts.byKey.get('res_a')!, 'res_a.so');
    const b = registry.register(facts.byKey.get('res_b')!, 'res_b.so');
    expect([...(a.boundBy ?? [])]).toEqual([b]);
    expect(b.linkTargets).toEqual([a]);
  });

  it('replaces a registration under the same key in place, and unregistering removes only that key', () => {
    const { registry, facts } = setup();
    registry.register(facts.byKey.get('res_a')!, 'res_a.so');
    registry.register(facts.byKey.get('app_c')!, 'app_c.so');
    const again = registry.register(facts.byKey.get('res_a')!, 'res_a.so');
    expect(registry.find('res_a')).toBe(again);
    expect([...registry.registeredModules()].map((m) => m.name)).toEqual(['res_a', 'app_c']);
    registry.unregister(again);
    expect(again.registered).toBe(false);
    expect(names(registry)).toEqual(['app_c']);
  });
});
