import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indexEdges, type ModuleGraph } from '../model';
import { loadBuiltinDatasetNode } from '../ingest/node/loadBuiltinDataset';
import { graphForBuild } from './buildConditions';
import { simulate } from './simulate';
import { conf } from './testing/conf';
import { buildGraph } from './testing/buildGraph';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

function available(path: string): string[] {
  return readFileSync(join(fixtures, path), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

const requiresOf = (g: ModuleGraph, from: string): string[] =>
  g.edges.filter((e) => e.from === from && e.kind === 'requires').map((e) => e.to);

describe('dependencies that exist only in builds with a library', () => {
  const master = loadBuiltinDatasetNode('master');
  const withoutPjproject = available('01-baseline-autoload/available.txt');
  const withPjproject = available('pjsip/01-baseline-autoload/available.txt');

  it('are left out for the shared build, whose module files have no pjproject-based module', () => {
    const build = graphForBuild(master, withoutPjproject);
    expect(build.librariesMissing).toEqual(['pjproject']);
    expect(requiresOf(build.graph, 'res_rtp_asterisk')).toEqual([]);
    expect(requiresOf(build.graph, 'res_prometheus')).toEqual([]);
    expect(build.problems.map((p) => p.message)).toEqual([
      'None of the modules that need pjproject is among the module files, so this build was made without pjproject: left out res_prometheus requires res_pjsip, res_prometheus optional res_pjsip_outbound_registration, res_prometheus links res_pjsip, res_rtp_asterisk requires res_pjproject, res_rtp_asterisk links res_pjproject.',
    ]);
    // Asked again for the same build, the same graph object: the loader facts cached for it stay.
    expect(graphForBuild(master, withoutPjproject).graph).toBe(build.graph);
  });

  it('apply when a pjproject-based module is present, and by default', () => {
    for (const files of [withPjproject, ['res_pjproject.so', 'res_rtp_asterisk.so']]) {
      const build = graphForBuild(master, files);
      expect(build.graph).toBe(master);
      expect(requiresOf(build.graph, 'res_rtp_asterisk')).toEqual(['res_pjproject']);
    }
  });

  it('decide whether res_rtp_asterisk can start without res_pjproject', () => {
    const files = ['res_rtp_asterisk.so'];
    const without = simulate(master, conf('autoload=yes'), { available: files });
    expect(without.started).toContain('res_rtp_asterisk');
    expect(without.problems.some((p) => p.code === 'build-without-library')).toBe(true);
    // With the file of a pjproject module present but noloaded, the build has pjproject and
    // res_rtp_asterisk needs res_pjproject's symbols: it cannot start.
    const noloaded = simulate(master, conf('autoload=yes', 'noload => res_pjproject.so'), {
      available: ['res_pjproject.so', ...files],
    });
    expect(noloaded.started).not.toContain('res_rtp_asterisk');
  });

  it('stay when no module of the dataset says it needs the library (nothing to judge by)', () => {
    const plain = buildGraph({ res_a: {}, res_b: { requires: ['res_a'] } });
    const edges = plain.edges.map((e) => ({ ...e, whenBuiltWith: 'libfoo' }));
    const g: ModuleGraph = { ...plain, edges, ...indexEdges(edges) };
    const build = graphForBuild(g, ['res_b.so']);
    expect(build.librariesMissing).toEqual([]);
    expect(simulate(g, conf('autoload=yes'), { available: ['res_b.so'] }).started).not.toContain('res_b');
  });
});
