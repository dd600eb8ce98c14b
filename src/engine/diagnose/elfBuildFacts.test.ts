import { describe, expect, it } from 'vitest';
import type { ElfObject } from '../../model';
import { buildGraph } from '../testing/buildGraph';
import { simulate } from '../simulate';
import { conf } from '../testing/conf';
import { applyElfBuildFacts, elfBuildFacts } from './elfBuildFacts';

const provider: ElfObject = {
  file: 'res_fixture_provider.so',
  bits: 64,
  machine: 62,
  needed: [],
  defined: ['ast_fixture_provider_count', 'ast_fixture_provider_register'],
  undefined: ['ast_log'],
};
const user: ElfObject = {
  file: 'app_fixture_user.so',
  bits: 64,
  machine: 62,
  needed: ['libm.so.6'],
  defined: ['load_module'],
  undefined: ['__ast_format_interface_register', '__ast_module_shutdown_ref', 'ast_fixture_provider_count'],
};

describe('elfBuildFacts', () => {
  it('a module needing symbols another exports links against it; registration imports are references', () => {
    const graph = buildGraph({ res_fixture_provider: { globalSymbols: true }, app_fixture_user: {} });
    const facts = elfBuildFacts(graph, [provider, user]);
    expect(facts.modules.find((m) => m.module === 'app_fixture_user')).toEqual({
      module: 'app_fixture_user',
      file: 'app_fixture_user.so',
      links: [{ module: 'res_fixture_provider', symbols: ['ast_fixture_provider_count'] }],
      needed: ['libm.so.6'],
      registrations: ['shutdown-self', 'format-interface'],
      linksOnlyInBuild: ['res_fixture_provider'],
      linksOnlyInDataset: [],
      unknownToDataset: false,
    });
    // The dataset does not know the link: that build differs.
    expect(facts.differing).toEqual(['app_fixture_user']);
  });

  it('agrees with a dataset that has the link, and names links the build lacks', () => {
    const agreeing = buildGraph({
      res_fixture_provider: { globalSymbols: true },
      app_fixture_user: { links: ['res_fixture_provider'] },
    });
    expect(elfBuildFacts(agreeing, [provider, user]).differing).toEqual([]);
    const lacking = { ...user, undefined: ['__ast_module_shutdown_ref'] };
    const facts = elfBuildFacts(agreeing, [provider, lacking]);
    expect(facts.modules.find((m) => m.module === 'app_fixture_user')?.linksOnlyInDataset).toEqual([
      'res_fixture_provider',
    ]);
    // A linked module whose file was not given cannot be compared.
    expect(elfBuildFacts(agreeing, [user]).differing).toEqual([]);
  });

  it('marks modules the dataset does not know (third-party builds)', () => {
    const graph = buildGraph({ res_fixture_provider: { globalSymbols: true } });
    const facts = elfBuildFacts(graph, [provider, user]);
    expect(facts.modules.find((m) => m.module === 'app_fixture_user')?.unknownToDataset).toBe(true);
    expect(facts.differing).toEqual([]);
  });
});

describe('applyElfBuildFacts', () => {
  it("predicts with the build's links and the references its registration imports imply", () => {
    const graph = buildGraph({ res_fixture_provider: {}, app_fixture_user: {} }, { hasLinkFacts: false });
    const built = applyElfBuildFacts(graph, elfBuildFacts(graph, [provider, user]));
    expect(built.modules.res_fixture_provider?.globalSymbols).toBe(true);
    expect(built.edges).toContainEqual({
      from: 'app_fixture_user',
      to: 'res_fixture_provider',
      kind: 'links',
      sources: [{ kind: 'elf', file: 'app_fixture_user.so' }],
    });
    const files = ['app_fixture_user.so', 'res_fixture_provider.so'];
    const before = simulate(graph, conf('autoload = yes'), { available: files });
    const after = simulate(built, conf('autoload = yes'), { available: files });
    // The user cannot open before the module it links against: it starts after it now.
    expect(before.started.indexOf('app_fixture_user')).toBeLessThan(
      before.started.indexOf('res_fixture_provider'),
    );
    expect(after.started.indexOf('app_fixture_user')).toBeGreaterThan(
      after.started.indexOf('res_fixture_provider'),
    );
    // __ast_module_shutdown_ref: held until shutdown, so it cannot be unloaded.
    expect(after.useCounts.app_fixture_user).toBe(1);
    const unload = simulate(built, conf('autoload = yes'), {
      available: files,
      commands: ['module unload app_fixture_user'],
    });
    expect(unload.runtime[0]?.ok).toBe(false);
  });
});
