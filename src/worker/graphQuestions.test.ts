import { describe, expect, it } from 'vitest';
import type { ModuleGraph } from '../model';
import type { ExplorerApi } from './explorerApi';
import { diskExplorerApi, fixtureFile, readFileUrl } from './testSupport';

async function holding(version: string, api: ExplorerApi = diskExplorerApi()) {
  const { graph } = await api.loadDataset(version);
  if (!graph) throw new Error(`dataset ${version} missing`);
  return { api, graph, graphId: api.useGraph(graph) };
}

function dependsDirectly(graph: ModuleGraph, from: string, to: string): boolean {
  return graph.edges.some((e) => e.from === from && e.to === to);
}

describe('graph questions through the worker API', () => {
  it('finds the dependency paths from chan_pjsip to res_sorcery_config on 23.4.1, shortest first', async () => {
    const { api, graph, graphId } = await holding('23.4.1');
    const result = api.findPaths(graphId, 'chan_pjsip', 'res_sorcery_config');
    expect(result.direction).toBe('forward');
    expect(result.paths[0]).toEqual(['chan_pjsip', 'res_pjsip', 'res_sorcery_config']);
    const lengths = result.paths.map((p) => p.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    for (const path of result.paths) {
      expect([path[0], path.at(-1)]).toEqual(['chan_pjsip', 'res_sorcery_config']);
      for (let i = 1; i < path.length; i++)
        expect(dependsDirectly(graph, path[i - 1] ?? '', path[i] ?? '')).toBe(true);
    }
  });

  it('says when only the reverse direction has a path, and names the spelling the graph uses', async () => {
    const { api, graphId } = await holding('23.4.1');
    const result = api.findPaths(graphId, 'RES_SORCERY_CONFIG.so', 'chan_pjsip');
    expect(result.direction).toBe('reverse');
    expect(result.paths[0]).toEqual(['chan_pjsip', 'res_pjsip', 'res_sorcery_config']);
  });

  it('refuses a module name the graph does not have and suggests the nearest', async () => {
    const { api, graphId } = await holding('23.4.1');
    expect(() => api.findPaths(graphId, 'chan_pjsipp', 'res_pjsip')).toThrow(
      "There is no module named 'chan_pjsipp' in Asterisk 23.4.1; did you mean chan_pjsip?",
    );
    expect(() => api.impact(graphId, 'res_nothing_like_it_at_all', 'noload')).toThrow(/no module named/);
  });

  it('noload res_pjsip on 23.4.1 takes down chan_pjsip, each module with why and what it fell with', async () => {
    const { api, graphId } = await holding('23.4.1');
    const result = api.impact(graphId, 'res_pjsip', 'noload');
    expect(result.modules).toContain('chan_pjsip');
    expect(result.modules).toContain('res_pjsip_session');
    expect(result.modules).not.toContain('res_pjsip');
    expect(result.modules.length).toBeGreaterThan(40);
    expect(result.chains.chan_pjsip?.join(' ')).toContain('res_pjsip');
    for (const m of result.modules) expect([result.module, ...result.modules]).toContain(result.via[m]);
  });

  it('says why nothing goes down with a built-in that is noloaded', async () => {
    const { api, graph, graphId } = await holding('23.4.1');
    const builtin = Object.values(graph.modules).find((m) => m.kind === 'builtin');
    if (!builtin) throw new Error('23.4.1 has no built-ins');
    const result = api.impact(graphId, builtin.name, 'noload');
    expect(result.modules).toEqual([]);
    expect(result.notes.join(' ')).toContain('built into Asterisk');
  });

  it("lists 23.4.1's one cycle (through master's link facts) and the one cycle of a small file that has it", async () => {
    const { api, graphId } = await holding('23.4.1');
    expect(api.cycles(graphId).map((c) => c.summary)).toEqual(['res_odbc → res_odbc_transaction → res_odbc']);
    const opened = await api.openFiles([await fixtureFile('cycle-menuselect-tree.xml')]);
    if (!opened.graph) throw new Error('cycle fixture did not open');
    const cycles = api.cycles(api.useGraph(opened.graph));
    expect(cycles.map((c) => [...c.modules].sort())).toEqual([
      ['res_cycle_alpha', 'res_cycle_beta', 'res_cycle_gamma'],
    ]);
    expect(cycles[0]?.summary).toContain('→');
  });

  it('compares two built-in versions, parsing each dataset once however often it is asked', async () => {
    const fetched: string[] = [];
    const api = diskExplorerApi((url) => {
      fetched.push(url);
      return readFileUrl(url);
    });
    const diff = await api.diffVersions('18.26.4', '23.4.1');
    expect([diff.from, diff.to]).toEqual(['18.26.4', '23.4.1']);
    expect(diff.removed).toContain('chan_sip');
    expect(diff.added).not.toContain('chan_sip');
    expect(diff.changed.length).toBeGreaterThan(0);
    const again = await api.diffVersions('23.4.1', '18.26.4');
    expect(again.added).toContain('chan_sip');
    expect(fetched.filter((u) => u.endsWith('.xml'))).toHaveLength(2);
  });

  it('a comparison whose dataset cannot be read fails with a message, and the next try reads it again', async () => {
    let failures = 1;
    const api = diskExplorerApi((url) => {
      if (url.endsWith('18.26.4.xml') && failures-- > 0) return Promise.reject(new Error('network down'));
      return readFileUrl(url);
    });
    await expect(api.diffVersions('18.26.4', '23.4.1')).rejects.toThrow(/Asterisk 18\.26\.4/);
    const diff = await api.diffVersions('18.26.4', '23.4.1');
    expect(diff.removed).toContain('chan_sip');
  });
});
