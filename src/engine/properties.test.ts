/** Invariants of the loader on random module graphs (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModuleFault, ModuleGraph } from '../model';
import { edgesFrom } from '../model';
import { simulate } from './simulate';
import { buildGraph } from './testing/buildGraph';
import type { ModuleSpec } from './testing/buildGraph';
import { conf } from './testing/conf';

interface Scenario {
  graph: ModuleGraph;
  files: string[];
  lines: string[];
  faults: Record<string, ModuleFault>;
}

const name = (i: number): string => `mod_${String(i).padStart(2, '0')}`;

/**
 * Random acyclic graphs (dependencies point to earlier modules, as in real builds), with global
 * symbols and link facts, some module files missing, some noloaded or preloaded, and optionally
 * some modules declining in their own load().
 */
function scenario(withFaults: boolean): fc.Arbitrary<Scenario> {
  return fc.integer({ min: 2, max: 18 }).chain((n) =>
    fc
      .record({
        modules: fc.array(
          fc.record({
            priority: fc.constantFrom(10, 40, 60, 128, 128),
            global: fc.boolean(),
            requires: fc.array(fc.nat(), { maxLength: 3 }),
            optional: fc.array(fc.nat(), { maxLength: 2 }),
            links: fc.array(fc.nat(), { maxLength: 2 }),
          }),
          { minLength: n, maxLength: n },
        ),
        missing: fc.uniqueArray(fc.nat({ max: n - 1 }), { maxLength: 2 }),
        noload: fc.uniqueArray(fc.nat({ max: n - 1 }), { maxLength: 2 }),
        preload: fc.uniqueArray(fc.nat({ max: n - 1 }), { maxLength: 2 }),
        declines: withFaults
          ? fc.uniqueArray(fc.nat({ max: n - 1 }), { maxLength: 3 })
          : fc.constant<number[]>([]),
        core: fc.boolean(),
      })
      .map(({ modules, missing, noload, preload, declines, core }) => {
        const specs: Record<string, ModuleSpec> = {};
        if (core) {
          specs.extconfig = { builtin: true, priority: 0 };
          specs.cdr = { builtin: true, priority: 40, requires: ['extconfig'] };
        }
        modules.forEach((m, i) => {
          const earlier = (raw: number[]): string[] =>
            i === 0 ? [] : [...new Set(raw.map((r) => r % i))].map(name);
          const requires = earlier(m.requires);
          if (core && m.requires.length > 2) requires.push('cdr');
          specs[name(i)] = {
            priority: m.priority,
            globalSymbols: m.global,
            requires,
            optional: earlier(m.optional).filter((o) => !requires.includes(o)),
            links: earlier(m.links).filter((l) => modules[Number(l.slice(4))]?.global),
          };
        });
        const files = modules
          .map((_, i) => i)
          .filter((i) => !missing.includes(i))
          .map((i) => `${name(i)}.so`);
        const lines = [
          'autoload = yes',
          ...preload.map((i) => `preload => ${name(i)}`),
          ...noload.filter((i) => !preload.includes(i)).map((i) => `noload => ${name(i)}.so`),
        ];
        const faults = Object.fromEntries(declines.map((i) => [name(i), 'decline' as const]));
        return { graph: buildGraph(specs), files, lines, faults };
      }),
  );
}

const dependencyNames = (graph: ModuleGraph, module: string): string[] =>
  edgesFrom(graph, module)
    .filter((e) => e.kind === 'requires' || e.kind === 'optional')
    .map((e) => e.to);

describe('loader invariants on random graphs', () => {
  it('never starts a module before a running module it requires or uses', () => {
    fc.assert(
      fc.property(scenario(true), ({ graph, files, lines, faults }) => {
        const r = simulate(graph, conf(...lines), { available: files, faults });
        const position = new Map(r.started.map((m, i) => [m, i]));
        for (const [i, module] of r.started.entries()) {
          for (const dep of dependencyNames(graph, module)) {
            const at = position.get(dep);
            if (at !== undefined) expect(at, `${module} started before ${dep}`).toBeLessThan(i);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('starts every required dependency of a running module', () => {
    fc.assert(
      fc.property(scenario(true), ({ graph, files, lines, faults }) => {
        const r = simulate(graph, conf(...lines), { available: files, faults });
        const running = new Set(r.started);
        for (const module of r.started) {
          for (const e of edgesFrom(graph, module))
            if (e.kind === 'requires') expect(running.has(e.to), `${module} runs without ${e.to}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with no fault injected, runs the same modules whatever the order of the module files', () => {
    fc.assert(
      fc.property(
        scenario(false).chain((s) =>
          fc.tuple(
            fc.constant(s),
            fc.shuffledSubarray(s.files, { minLength: s.files.length, maxLength: s.files.length }),
          ),
        ),
        ([{ graph, files, lines }, shuffled]) => {
          const a = simulate(graph, conf(...lines), { available: files });
          const b = simulate(graph, conf(...lines), { available: shuffled });
          expect([...b.started].sort()).toEqual([...a.started].sort());
          expect(b.declined).toEqual(a.declined);
          expect(b.notLoaded).toEqual(a.notLoaded);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same result', () => {
    fc.assert(
      fc.property(scenario(true), ({ graph, files, lines, faults }) => {
        const a = simulate(graph, conf(...lines), { available: files, faults });
        const b = simulate(graph, conf(...lines), { available: files, faults });
        expect(b).toEqual(a);
      }),
      { numRuns: 50 },
    );
  });
});
