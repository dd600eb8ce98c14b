import { describe, expect, it } from 'vitest';
import { edgesFrom } from '../../model';
import { BUILTIN_VERSIONS } from '../builtinDatasets';
import { detectFormat } from '../detectFormat';
import { readE2eFixture } from '../fixtures/readFixture';
import { ingestFiles } from '../ingestFiles';
import { loadBuiltinDatasetNode } from '../node/loadBuiltinDataset';

const builtins = BUILTIN_VERSIONS.map((v) => loadBuiltinDatasetNode(v));
const hello = { name: 'app_hello.c', text: readE2eFixture('app_hello.c') };

describe('a module C source opened alone', () => {
  const { graph, problems, formats } = ingestFiles([hello], { builtinDatasets: builtins });

  it('is detected from its content', () => {
    expect(formats).toEqual(['c-source']);
    expect(detectFormat('[modules]\nautoload=yes\n')).toBe('modules-conf');
  });

  it('is merged onto the default built-in dataset, and says so', () => {
    expect(graph?.info.version).toBe('23.4.1');
    expect(Object.keys(graph?.modules ?? {}).length).toBeGreaterThan(
      Object.keys(builtins.find((b) => b.info.version === '23.4.1')?.modules ?? {}).length,
    );
    expect(problems.find((p) => p.code === 'runtime-facts-borrowed')?.message).toContain(
      'merged onto the built-in Asterisk 23.4.1 dataset',
    );
  });

  it('adds the module with its load priority and run-time requirement', () => {
    expect(graph?.modules.app_hello).toMatchObject({ loadPriority: 80, kind: 'loadable', category: 'apps' });
    expect(edgesFrom(graph!, 'app_hello').map((e) => `${e.kind}:${e.to}`)).toContain(
      'requires:res_sorcery_config',
    );
  });

  it('is merged onto the version asked for', () => {
    const r = ingestFiles([hello], { builtinDatasets: builtins, runtimeFactsVersion: '18.26.4' });
    expect(r.graph?.info.version).toBe('18.26.4');
    expect(r.graph?.modules.app_hello).toBeDefined();
  });
});

describe('a C source of a module the built-in dataset already has', () => {
  it('replaces the built-in module with what the source declares', () => {
    const text = `AST_MODULE_INFO(ASTERISK_GPL_KEY, AST_MODFLAG_LOAD_ORDER, "My dial",\n\t.load = load_module,\n\t.load_pri = AST_MODPRI_CORE,\n\t.requires = "res_curl",\n);`;
    const { graph, problems } = ingestFiles([{ name: 'app_dial.c', text }], { builtinDatasets: builtins });
    expect(graph?.modules.app_dial).toMatchObject({ loadPriority: 40, description: 'My dial' });
    expect(edgesFrom(graph!, 'app_dial').map((e) => `${e.kind}:${e.to}`)).toEqual(['requires:res_curl']);
    expect(problems.filter((p) => p.code === 'source-disagreement')).toEqual([]);
    expect(problems.find((p) => p.code === 'runtime-facts-borrowed')?.message).toContain(
      'replaces the built-in app_dial',
    );
  });
});

describe('a module C source opened with a dataset file', () => {
  it('is merged into that file rather than onto a built-in', () => {
    const menuselect = { name: 'menuselect-tree.xml', text: readE2eFixture('menuselect-tree.xml') };
    const { graph, problems } = ingestFiles([menuselect, hello], { builtinDatasets: builtins });
    expect(graph?.modules.app_hello?.loadPriority).toBe(80);
    expect(problems.some((p) => p.message.includes('merged onto the built-in'))).toBe(false);
    expect(Object.keys(graph?.modules ?? {}).length).toBeLessThan(200);
  });
});
