import { describe, expect, it } from 'vitest';
import type { ModuleGraph } from '../model';
import { readDialplanFixture } from '../ingest/dialplan/fixtures/readFixture';
import { StaleGraphError } from './heldGraph';
import { connectInProcess, createExplorerClient } from './explorerClient';
import { DATASETS_URL, diskExplorerApi } from './testSupport';

async function holding(version = '23.4.1') {
  const api = diskExplorerApi();
  const { graph } = await api.loadDataset(version);
  if (!graph) throw new Error(`dataset ${version} missing`);
  return { api, graph: graph as ModuleGraph, graphId: api.useGraph(graph) };
}

const OLD_CONF = [
  '[modules]',
  'autoload = yes',
  'load => app_macro.so',
  'require => chan_sip.so',
  'load => app_dial.so',
  '',
].join('\n');

describe('planFromDialplan through the worker API', () => {
  it('plans the office dialplan: used names with their places and modules, verified, against autoload', async () => {
    const { api, graphId } = await holding();
    const r = api.planFromDialplan(graphId, { dialplanFiles: readDialplanFixture('office'), needs: {} });
    expect(r.dialplan?.files).toEqual(['extensions.conf', 'extensions_users.conf']);
    expect(r.dialplan?.contexts).toBeGreaterThan(5);
    const dial = r.plan?.used.find((u) => u.kind === 'application' && u.name === 'Dial');
    expect(dial?.module).toBe('app_dial');
    expect(dial?.at[0]).toMatchObject({
      file: expect.stringMatching(/extensions/),
      line: expect.any(Number),
    });
    expect(r.plan?.verification.ok).toBe(true);
    expect(r.plan?.text).toMatch(/^autoload = no$/m);
    expect(r.plan?.text).toMatch(/^load => app_dial\.so +; Dial used in /m);
    expect(r.plan?.saving.against).toBe('autoload');
    expect(r.plan?.saving.after).toBeLessThan(r.plan?.saving.before ?? 0);
    expect(r.plan?.diff).toBeUndefined();
  });

  it('reports a missing #include with its file and line, and still plans', async () => {
    const { api, graphId } = await holding();
    const [entry] = readDialplanFixture('office');
    if (!entry) throw new Error('fixture missing');
    const r = api.planFromDialplan(graphId, { dialplanFiles: [entry], needs: {} });
    const missing = r.dialplanProblems.find((p) => p.message.includes('extensions_users.conf'));
    expect(missing).toMatchObject({ severity: 'warning', file: 'extensions.conf', line: expect.any(Number) });
    expect(r.plan?.modules.map((m) => m.name)).toContain('app_dial');
  });

  it('gives no plan for an AEL dialplan and says why it is not supported', async () => {
    const { api, graphId } = await holding();
    const r = api.planFromDialplan(graphId, {
      dialplanFiles: [{ name: 'extensions.ael', text: 'context default { 100 => Dial(PJSIP/100); };\n' }],
      needs: {},
    });
    expect(r.plan).toBeUndefined();
    expect(r.dialplanProblems[0]).toMatchObject({ severity: 'error', file: 'extensions.ael' });
    expect(r.dialplanProblems[0]?.message).toMatch(/not supported: AEL is a language of its own/);
  });

  it('compares with the current modules.conf: diff lines and the saving against it', async () => {
    const { api, graphId } = await holding();
    const current = { text: '[modules]\nautoload = yes\nnoload => chan_iax2.so\n', file: 'modules.conf' };
    const r = api.planFromDialplan(graphId, {
      dialplanFiles: readDialplanFixture('office'),
      needs: { codecs: ['g722'] },
      current,
    });
    expect(r.plan?.saving.against).toBe('current');
    expect(r.plan?.diff).toContain('- autoload = yes');
    expect(r.plan?.diff).toContain('+ autoload = no');
    expect(r.plan?.modules.map((m) => m.name)).toContain('codec_g722');
    expect(r.plan?.modules.map((m) => m.name)).not.toContain('codec_ulaw');
  });

  it('plans without a current modules.conf that Asterisk would reject, and lists its problems', async () => {
    const { api, graphId } = await holding();
    const r = api.planFromDialplan(graphId, {
      dialplanFiles: readDialplanFixture('hotel'),
      needs: {},
      current: { text: '[modules\n', file: 'broken.conf' },
    });
    expect(r.currentProblems[0]).toMatchObject({ severity: 'error', file: 'broken.conf', line: 1 });
    expect(r.plan?.saving.against).toBe('autoload');
  });
});

describe('upgradeConf through the worker API', () => {
  it('carries an 18-era modules.conf to 23.4.1: replacements, chan_sip pointed to the drivers there, rewritten', async () => {
    const { api, graphId } = await holding('18.26.4');
    const { result, confProblems } = await api.upgradeConf(graphId, {
      modulesConf: { text: OLD_CONF, file: 'modules.conf' },
      to: '23.4.1',
    });
    expect(confProblems).toEqual([]);
    expect(result?.from).toBe('18.26.4');
    expect(result?.to).toBe('23.4.1');
    const macro = result?.findings.find((f) => f.value === 'app_macro.so');
    expect(macro).toMatchObject({ kind: 'removed', line: 3, replacement: 'app_stack' });
    expect(macro?.message).toMatch(/last in 18\.26\.4/);
    const sip = result?.findings.find((f) => f.value === 'chan_sip.so');
    expect(sip?.message).toMatch(
      /no replacement is named.*Channel drivers in Asterisk 23\.4\.1: .*chan_pjsip/,
    );
    expect(result?.ok).toBe(false);
    expect(result?.text).toMatch(/^load => app_stack\.so$/m);
    expect(result?.text).toMatch(/^;require => chan_sip\.so$/m);
    expect(result?.rewritten.ok).toBe(true);
  });

  it('rejects a modules.conf Asterisk would refuse, with the problem located', async () => {
    const { api, graphId } = await holding('18.26.4');
    const r = await api.upgradeConf(graphId, {
      modulesConf: { text: '[modules\n', file: 'x.conf' },
      to: '23.4.1',
    });
    expect(r.result).toBeUndefined();
    expect(r.confProblems[0]).toMatchObject({ severity: 'error', file: 'x.conf', line: 1 });
  });

  it('fails for a version that is not built in, and for a graph no longer held', async () => {
    const { api, graphId } = await holding('18.26.4');
    await expect(
      api.upgradeConf(graphId, { modulesConf: { text: OLD_CONF, file: 'm.conf' }, to: '99.0.0' }),
    ).rejects.toThrow(/99\.0\.0 could not be loaded/);
    api.useGraph((await api.loadDataset('23.4.1')).graph as ModuleGraph);
    expect(() =>
      api.planFromDialplan(graphId, { dialplanFiles: readDialplanFixture('office'), needs: {} }),
    ).toThrow(StaleGraphError);
  });
});

describe('the plan over the client', () => {
  it('crosses the client: a plan on the graph the client sends', async () => {
    const client = createExplorerClient(() => connectInProcess(diskExplorerApi()), {
      datasetsUrl: DATASETS_URL,
    });
    const { graph } = await holding();
    const id = await client.useGraph(graph);
    const r = await client.planFromDialplan(id, {
      dialplanFiles: readDialplanFixture('callcentre'),
      needs: {},
    });
    expect(r.plan?.modules.map((m) => m.name)).toContain('app_queue');
    expect(r.plan?.verification.ok).toBe(true);
  });
});
