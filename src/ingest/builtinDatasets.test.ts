import { describe, expect, it } from 'vitest';
import { CORE_PROVIDER, edgesFrom, type ModuleGraph } from '../model';
import { BUILTIN_VERSIONS, DEFAULT_BUILTIN_VERSION } from './builtinDatasets';
import { loadBuiltinDatasetIndexNode, loadBuiltinDatasetNode } from './node/loadBuiltinDataset';

const graphs = new Map<string, ModuleGraph>(BUILTIN_VERSIONS.map((v) => [v, loadBuiltinDatasetNode(v)]));
const graph = (version: string): ModuleGraph => {
  const g = graphs.get(version);
  if (!g) throw new Error(`no dataset ${version}`);
  return g;
};
const targets = (g: ModuleGraph, from: string, kind: string) =>
  edgesFrom(g, from)
    .filter((e) => e.kind === kind)
    .map((e) => e.to);
const providers = (g: ModuleGraph, kind: string, name: string) =>
  g.items.filter((i) => i.kind === kind && i.name.toLowerCase() === name.toLowerCase()).map((i) => i.module);

/*
 * Expected counts were computed from ../shared/data/asterisk/<version>/ independently of this
 * code, with a Python script while writing the test:
 * - modules: menuselect-tree <member>s whose <support_level> is not option/external, united with
 *   runtime.json entries whose "builtin" is false (the two sets were identical in every version);
 * - built-ins: runtime.json entries with "builtin": true;
 * - applications / functions: distinct lower-cased `name`s of <application> / <function> start
 *   tags in core-en_US.modules.xml (grep -o '<application [^>]*' | grep -o 'name="[^"]*"' | tr A-Z a-z | sort -u).
 * 13.38.3 ships no xmldoc in the shared data, hence no applications or functions.
 */
const EXPECTED_COUNTS: Record<
  string,
  { modules: number; builtins: number; applications: number; functions: number }
> = {
  '13.38.3': { modules: 422, builtins: 0, applications: 0, functions: 0 },
  '16.30.1': { modules: 461, builtins: 16, applications: 215, functions: 209 },
  '18.26.4': { modules: 479, builtins: 16, applications: 224, functions: 214 },
  '22.10.1': { modules: 468, builtins: 16, applications: 200, functions: 218 },
  '23.4.1': { modules: 468, builtins: 16, applications: 199, functions: 216 },
  master: { modules: 469, builtins: 16, applications: 199, functions: 216 },
};

describe.each(BUILTIN_VERSIONS)('built-in dataset %s', (version) => {
  const g = graph(version);

  it('has the module, built-in, application and function counts of the shared data', () => {
    const modules = Object.values(g.modules);
    const distinct = (kind: string) =>
      new Set(g.items.filter((i) => i.kind === kind).map((i) => i.name.toLowerCase())).size;
    expect({
      modules: modules.filter((m) => m.kind === 'loadable').length,
      builtins: modules.filter((m) => m.kind === 'builtin').length,
      applications: distinct('application'),
      functions: distinct('function'),
    }).toEqual(EXPECTED_COUNTS[version]);
  });

  it('knows that res_pjsip_session depends on res_pjsip and that pjproject is a library', () => {
    expect(targets(g, 'res_pjsip_session', 'depends')).toContain('res_pjsip');
    expect(targets(g, 'res_pjsip_session', 'uses-library')).toContain('pjproject');
    expect(g.libraries.pjproject).toBeDefined();
    expect(g.modules.pjproject).toBeUndefined();
  });

  it('gives app_queue load priority 150 (AST_MODPRI_DEVSTATE_CONSUMER)', () => {
    expect(g.modules.app_queue?.loadPriority).toBe(150);
  });

  it('records the version and commit it was built from', () => {
    expect(g.info.version).toBe(version);
    expect(g.info.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe.each(BUILTIN_VERSIONS.filter((v) => v !== 'master'))(
  'built-in dataset %s, without a build of its own',
  (version) => {
    const g = graph(version);
    const master = graph('master');

    it("borrows master's link facts for the modules of the same name master built, citing master's build", () => {
      expect(g.info.hasLinkFacts).toBe(false);
      // chan_pjsip links against res_pjsip in the master build (nm -D of chan_pjsip.so).
      expect(g.modules.chan_pjsip?.linksFrom).toBe('master');
      const link = g.edges.find((e) => e.from === 'chan_pjsip' && e.to === 'res_pjsip' && e.kind === 'links');
      expect(link?.sources[0]?.file).toMatch(/modules-metadata\.json$/);
      // Every borrowed link is one of master's, between modules this release has too.
      for (const e of g.edges.filter((x) => x.kind === 'links')) {
        expect(g.modules[e.from]?.linksFrom).toBe('master');
        expect(targets(master, e.from, 'links')).toContain(e.to);
        expect(g.modules[e.to]?.kind).toBe('loadable');
      }
    });
  },
);

describe.each(BUILTIN_VERSIONS.filter((v) => v !== '13.38.3'))(
  'built-in dataset %s (dependency-aware loader)',
  (version) => {
    const g = graph(version);

    it('knows that res_fax_spandsp enhances res_fax', () => {
      expect(targets(g, 'res_fax_spandsp', 'enhances')).toEqual(['res_fax']);
    });

    it('has the 16 built-in modules in registration order', () => {
      expect(g.info.builtinOrder).toEqual([
        'ccss',
        'cdr',
        'cel',
        'extconfig',
        'dnsmgr',
        'dsp',
        'enum',
        'features',
        'http',
        'indications',
        'logger',
        'manager',
        'acl',
        'plc',
        'sounds',
        'udptl',
      ]);
      expect(g.modules.cdr).toMatchObject({ kind: 'builtin', category: 'main' });
      expect(targets(g, 'func_cdr', 'requires')).toContain('cdr');
    });

    it('knows that application Dial is provided by app_dial', () => {
      expect(providers(g, 'application', 'Dial')).toEqual(['app_dial']);
    });

    it('knows which modules provide VoiceMail: the three storage variants since they became modules of their own', () => {
      const voicemail = providers(g, 'application', 'VoiceMail').sort();
      // Up to 18 the IMAP and ODBC storage were menuselect options of app_voicemail itself.
      const separateModules = !version.startsWith('16.') && !version.startsWith('18.');
      expect(voicemail).toEqual(
        separateModules ? ['app_voicemail', 'app_voicemail_imap', 'app_voicemail_odbc'] : ['app_voicemail'],
      );
    });

    it('attributes core applications to the core', () => {
      expect(providers(g, 'application', 'Answer')).toEqual([CORE_PROVIDER]);
    });

    it('keeps helper and core files as non-loadable entries', () => {
      expect(g.modules.sig_analog?.kind).toBe('non-loadable');
      expect(g.modules.format_compatibility?.kind).toBe('non-loadable');
    });

    it('corrects load priorities that runtime.json rounds to their AST_MODPRI symbol', () => {
      // res_stasis: .load_pri = AST_MODPRI_APP_DEPEND - 1
      expect(g.modules.res_stasis?.loadPriority).toBe(79);
      expect(g.modules.sounds?.loadPriority).toBe(81);
    });
  },
);

describe('built-in dataset 13.38.3 (legacy loader)', () => {
  const g = graph('13.38.3');

  it('has no requires and no built-ins, as Asterisk 13 had neither', () => {
    expect(g.edges.filter((e) => e.kind === 'requires')).toEqual([]);
    expect(g.info.builtinOrder).toEqual([]);
  });

  it('uses the priorities of its own AST_MODPRI values, which had no AST_MODPRI_CORE', () => {
    // chan_sip: .load_pri = AST_MODPRI_CHANNEL_DRIVER, 60 in Asterisk 13 (70 from 14 on).
    expect(g.modules.chan_sip?.loadPriority).toBe(60);
  });
});

describe('built-in dataset master', () => {
  const g = graph('master');

  it('carries the link-time facts of the traced build', () => {
    expect(g.info.hasLinkFacts).toBe(true);
    expect(targets(g, 'app_stasis', 'links').sort()).toEqual(['res_ari', 'res_stasis']);
    expect(g.edges.filter((e) => e.kind === 'links').length).toBeGreaterThan(60);
  });

  it('marks the requires that only exist with pjproject, which the shared traced build did not have', () => {
    const conditional = (from: string, kind: string): string[] =>
      g.edges
        .filter((e) => e.from === from && e.kind === kind)
        .map((e) => `${e.to} ${e.whenBuiltWith ?? 'always'}`);
    expect(conditional('res_rtp_asterisk', 'requires')).toEqual(['res_pjproject pjproject']);
    expect(conditional('res_prometheus', 'requires')).toEqual(['res_pjsip pjproject']);
    expect(conditional('res_rtp_asterisk', 'links')).toEqual(['res_pjproject pjproject']);
  });

  it('carries the run-time references read from the source at its commit, citing file and line', () => {
    const refs = g.runtimeReferences ?? [];
    const at = (takenBy: string, kind: string): string[] =>
      refs
        .filter((r) => r.takenBy === takenBy && r.kind === kind)
        .map(
          (r) =>
            `${r.module} ${r.sources.map((s) => `${s.file.split('/').slice(-2).join('/')}:${s.line ?? ''}`).join(' ')}${r.conditional ? ' conditional' : ''}`,
        );
    expect(at('res_pjsip_refer', 'shutdown-self')).toEqual(['res_pjsip_refer res/res_pjsip_refer.c:2193']);
    expect(at('res_pjsip_mwi', 'shutdown-self')).toEqual([
      'res_pjsip_mwi res/res_pjsip_mwi.c:1625 conditional',
    ]);
    expect(at('res_format_attr_h263', 'format-interface')).toEqual([
      'res_format_attr_h263 res/res_format_attr_h263.c:384 res/res_format_attr_h263.c:388',
    ]);
    expect(at('res_calendar_ews', 'calendar-tech')).toEqual(['res_calendar res/res_calendar_ews.c:925']);
    expect(at('res_ari', 'sorcery-wizard')).toEqual([
      'res_sorcery_config ari/config.c:700',
      'res_sorcery_config ari/config.c:702',
      'res_sorcery_config ari/config.c:704',
    ]);
    expect(
      refs.every((r) =>
        r.sources.every((s) => s.file.includes('/blob/f0c1c1a7b79b0f8cc0311649bf36824cbeee30a9/')),
      ),
    ).toBe(true);
    // Test-only mappings (#ifdef TEST_FRAMEWORK in res_sorcery_memory_cache) are not references.
    expect(refs.some((r) => r.takenBy === 'res_sorcery_memory_cache')).toBe(false);
  });

  it('has the link facts of our pjproject build of the same commit for the pjsip modules', () => {
    expect(targets(g, 'chan_pjsip', 'links').sort()).toEqual(['res_pjsip', 'res_pjsip_session']);
    expect(g.info.sources.map((s) => s.file)).toContain('src/engine/fixtures/pjsip/modules-metadata.json');
  });

  it('uses the priorities the traced loader logged', () => {
    expect(g.modules.res_geolocation?.loadPriority).toBe(50);
    expect(g.modules.res_statsd?.loadPriority).toBe(35);
    expect(g.modules.extconfig?.loadPriority).toBe(0);
  });
});

describe('public/datasets/index.json', () => {
  const index = loadBuiltinDatasetIndexNode();

  it('lists every built-in version with counts that match its dataset, and defaults to the newest release', () => {
    expect(index.default).toBe(DEFAULT_BUILTIN_VERSION);
    expect(index.default).toBe('23.4.1');
    expect(index.datasets.map((d) => d.version)).toEqual([...BUILTIN_VERSIONS]);
    for (const entry of index.datasets) {
      expect(entry.modules).toBe(EXPECTED_COUNTS[entry.version]?.modules);
      expect(entry.applications).toBe(EXPECTED_COUNTS[entry.version]?.applications);
      expect(entry.functions).toBe(EXPECTED_COUNTS[entry.version]?.functions);
      expect(entry.commit).toBe(graph(entry.version).info.commit);
      expect(entry.file).toBe(`${entry.version}.xml`);
    }
  });
});
