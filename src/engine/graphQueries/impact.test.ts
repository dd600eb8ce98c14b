import { describe, expect, it } from 'vitest';
import { loadBuiltinDatasetNode } from '../../ingest/node/loadBuiltinDataset';
import { buildGraph } from '../testing/buildGraph';
import { impactOf, loaderForVersion } from './impact';

const graph = buildGraph({
  extconfig: { builtin: true, priority: 0 },
  res_core: { priority: 10 },
  res_mid: { priority: 20, requires: ['res_core'] },
  app_top: { requires: ['res_mid'], optional: ['func_opt'] },
  func_opt: { priority: 60 },
  res_enh: { enhances: ['res_mid'] },
  app_alone: {},
});

describe('impactOf on a small graph', () => {
  it('noload: what requires the module, transitively, in start order, each with why and through what', () => {
    const r = impactOf(graph, 'RES_CORE.so', 'noload');
    expect(r.module).toBe('res_core');
    expect(r.modules).toEqual(['res_mid', 'res_enh', 'app_top']);
    expect(r.chains.res_mid).toEqual([
      'res_mid declined: the loader could not resolve its dependencies, because res_core is not in the module list ("Failed to resolve dependencies for res_mid").',
      "res_core is not loaded: modules.conf line 3 says 'noload'.",
    ]);
    expect(r.via).toEqual({ res_mid: 'res_core', res_enh: 'res_core', app_top: 'res_core' });
  });

  it('an enhancer goes down with what it enhances, but not the other way round', () => {
    expect(impactOf(graph, 'res_mid', 'noload').modules).toEqual(['res_enh', 'app_top']);
    expect(impactOf(graph, 'res_enh', 'noload').modules).toEqual([]);
  });

  it('fail: an optional dependency that declines takes its user down; a missing one does not', () => {
    const fail = impactOf(graph, 'func_opt', 'fail');
    expect(fail.modules).toEqual(['app_top']);
    expect(fail.chains.app_top?.[0]).toContain('declined because func_opt');
    expect(fail.notes.join(' ')).toContain('If it returned a load failure instead, the loader would stop');
    const missing = impactOf(graph, 'func_opt', 'missing');
    expect(missing.modules).toEqual([]);
    expect(missing.notes.join(' ')).toContain('app_top uses func_opt only optionally and keeps running');
  });

  it('unload: everything holding a reference, as module refresh recursively unloads it', () => {
    const r = impactOf(graph, 'res_core', 'unload');
    expect(r.modules).toEqual(['res_mid', 'res_enh', 'app_top']);
    expect(r.chains.app_top).toEqual([
      'app_top holds a reference on res_mid, which goes down with res_core.',
      'res_mid holds a reference on res_core, so it is unloaded first.',
    ]);
    expect(r.via.app_top).toBe('res_mid');
    expect(r.notes.join(' ')).toContain("'module refresh res_core recursively'");
  });

  it('built-ins cannot be noloaded or missing', () => {
    for (const as of ['noload', 'missing'] as const) {
      const r = impactOf(graph, 'extconfig', as);
      expect(r.modules).toEqual([]);
      expect(r.notes[0]).toMatch(/^extconfig is built into Asterisk/);
    }
  });

  it('a module nothing uses takes nothing down; an unknown name says so', () => {
    expect(impactOf(graph, 'app_alone', 'fail').modules).toEqual([]);
    expect(impactOf(graph, 'app_nothere', 'noload')).toMatchObject({
      modules: [],
      notes: ['app_nothere is not a module of this dataset.'],
    });
  });

  it('picks the legacy loader for Asterisk 13 and earlier, where nothing cascades', () => {
    expect(loaderForVersion('13.38.3')).toBe('legacy');
    expect(loaderForVersion('1.8.32')).toBe('legacy');
    expect(loaderForVersion('16.30.1')).toBe('current');
    expect(loaderForVersion('master')).toBe('current');
    expect(loaderForVersion('custom')).toBe('current');
    const old = buildGraph(
      { res_core: { priority: 10 }, res_mid: { priority: 20, requires: ['res_core'] } },
      { version: '13.1.0' },
    );
    const r = impactOf(old, 'res_core', 'noload');
    expect(r.modules).toEqual([]);
    expect(r.notes.join(' ')).toContain('legacy loader');
  });
});

describe('impactOf on the built-in datasets', () => {
  const g23 = loadBuiltinDatasetNode('23.4.1');

  it('noload res_pjsip on 23.4.1 takes down chan_pjsip and every module that requires res_pjsip', () => {
    const r = impactOf(g23, 'res_pjsip', 'noload');
    const requirers = g23.edges
      .filter((e) => e.to === 'res_pjsip' && e.kind === 'requires')
      .map((e) => e.from);
    expect(requirers.length).toBeGreaterThan(40);
    for (const m of requirers) expect(r.modules).toContain(m);
    expect(r.modules).toContain('chan_pjsip');
    expect(r.modules).toContain('res_pjsip_session');
    expect(r.modules).not.toContain('res_pjsip');
    expect(r.modules).not.toContain('app_dial');
    expect(r.via.chan_pjsip).toBe('res_pjsip');
    for (const m of r.modules) expect(r.chains[m]?.at(-1)).toContain('res_pjsip');
  });

  it('unload of res_ari takes down the same modules as noload on 23.4.1, in start order', () => {
    const unload = impactOf(g23, 'res_ari', 'unload');
    expect(unload.modules.length).toBeGreaterThan(10);
    expect(unload.modules).toEqual(impactOf(g23, 'res_ari', 'noload').modules);
  });

  it('unload of res_pjsip is refused on 23.4.1: res_pjsip_refer holds itself until shutdown', () => {
    const unload = impactOf(g23, 'res_pjsip', 'unload');
    expect(unload.modules).toEqual([]);
    expect(unload.notes.join(' ')).toContain(
      'Module res_pjsip_refer cannot be unloaded (would still have use count 1/1 after unloading dependents)',
    );
    expect(impactOf(g23, 'res_pjsip', 'noload').modules).toContain('res_pjsip_refer');
  });

  it('fail of res_smdi takes down app_voicemail (optional, declined); missing res_smdi does not', () => {
    expect(impactOf(g23, 'res_smdi', 'fail').modules).toEqual(
      expect.arrayContaining(['app_voicemail', 'chan_dahdi']),
    );
    const missing = impactOf(g23, 'res_smdi', 'missing');
    expect(missing.modules).toEqual([]);
    expect(missing.notes.join(' ')).toContain('app_voicemail');
    // A load failure, unlike a decline, stops the current loader.
    expect(impactOf(g23, 'res_smdi', 'fail').notes.join(' ')).toContain(
      'Asterisk would not start at all (exit 2)',
    );
  });

  it('res_fax_spandsp enhances res_fax: it goes down with res_fax, res_fax does not go down with it', () => {
    expect(impactOf(g23, 'res_fax_spandsp', 'noload').modules).toEqual([]);
    const r = impactOf(g23, 'res_fax', 'noload');
    expect(r.modules).toEqual(['res_fax_spandsp']);
    expect(r.chains.res_fax_spandsp?.[0]).toContain('could not be opened: it links against res_fax');
  });

  it('built-in extconfig cannot be noloaded, and master cannot unload it while cdr holds it', () => {
    const master = loadBuiltinDatasetNode('master');
    expect(impactOf(master, 'extconfig', 'noload').modules).toEqual([]);
    const unload = impactOf(master, 'extconfig', 'unload');
    expect(unload.modules).toEqual([]);
    expect(unload.notes.at(-1)).toContain("Can't unload extconfig right now because cdr is dependent on it");
  });

  it('on 13.38.3 (legacy loader) modules linking against res_pjsip cannot open; those only using it keep running, flagged as hazards', () => {
    const r = impactOf(loadBuiltinDatasetNode('13.38.3'), 'res_pjsip', 'noload');
    // No dependency checks, but dlopen still needs res_pjsip's symbols (links borrowed from master).
    expect(r.modules).toContain('chan_pjsip');
    expect(r.modules.length).toBeGreaterThan(30);
    const notes = r.notes.join(' ');
    const hazards =
      /(\d+) modules keep running without what they use \(legacy loader hazards\): (.*?)\./.exec(notes);
    expect(Number(hazards?.[1])).toBeGreaterThan(0);
    expect(hazards?.[2]).toContain('res_pjsip_session');
  });
});
