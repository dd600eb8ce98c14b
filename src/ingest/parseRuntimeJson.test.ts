import { describe, expect, it } from 'vitest';
import { readIngestFixture } from './fixtures/readFixture';
import { effectiveLoadPriority, parseRuntimeJson } from './parseRuntimeJson';

describe('effectiveLoadPriority', () => {
  it('uses load_pri only when AST_MODFLAG_LOAD_ORDER is set, else 128 (main/loader.c: module_vector_cmp)', () => {
    expect(effectiveLoadPriority(['AST_MODFLAG_LOAD_ORDER'], 150)).toBe(150);
    expect(effectiveLoadPriority(['AST_MODFLAG_DEFAULT'], 90)).toBe(128);
    expect(effectiveLoadPriority(['AST_MODFLAG_GLOBAL_SYMBOLS'], 40)).toBe(128);
  });
});

describe('parseRuntimeJson', () => {
  const { data, problems } = parseRuntimeJson(readIngestFixture('runtime.json'), 'runtime.json');

  it('reads load priorities as the loader uses them', () => {
    expect(problems).toEqual([]);
    expect(data?.modules.app_queue?.loadPriority).toBe(150);
    // app_dial declares 90 but no LOAD_ORDER flag.
    expect(data?.modules.app_dial?.loadPriority).toBe(128);
    expect(data?.modules.extconfig?.loadPriority).toBe(0);
  });

  it('marks built-in modules as built into the core', () => {
    expect(data?.modules.acl).toMatchObject({ kind: 'builtin', category: 'main', globalSymbols: true });
    expect(data?.modules.app_queue).toMatchObject({
      kind: 'loadable',
      category: 'apps',
      globalSymbols: false,
    });
  });

  it('turns requires, optional_modules and enhances into edges', () => {
    const edges = (data?.edges ?? []).map((e) => `${e.from} ${e.kind} ${e.to}`);
    expect(edges).toEqual([
      'acl requires extconfig',
      'res_fax_spandsp requires res_fax',
      'res_fax_spandsp enhances res_fax',
      'app_mixmonitor optional func_periodic_hook',
      'app_mixmonitor optional res_beep',
    ]);
  });

  it('keeps has_load, flags and a missing support level as unspecified', () => {
    expect(data?.modules.app_mixmonitor).toMatchObject({
      hasLoad: false,
      supportLevel: 'unspecified',
      flags: ['AST_MODFLAG_DEFAULT'],
    });
    expect(data?.modules.app_mixmonitor?.sources.supportLevel).toBeUndefined();
  });

  it('points each module at the line of its entry', () => {
    expect(data?.modules.acl?.sources.loadPriority?.[0]).toEqual({
      kind: 'runtime',
      file: 'runtime.json',
      line: 2,
      column: 3,
    });
  });

  it('reports invalid JSON with its line and column', () => {
    const result = parseRuntimeJson('{\n "app_dial": {\n  "load_pri": 128,,\n }\n}', 'broken.json');
    expect(result.data).toBeUndefined();
    expect(result.problems[0]).toMatchObject({ severity: 'error', file: 'broken.json', line: 3 });
    expect(result.problems[0]?.column).toBeGreaterThan(0);
  });
});
