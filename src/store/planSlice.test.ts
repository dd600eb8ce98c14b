import { describe, expect, it } from 'vitest';
import { readDialplanFixture } from '../ingest/dialplan/fixtures/readFixture';
import { connectInProcess, createExplorerClient } from '../worker';
import type { ExplorerConnection } from '../worker';
import { DATASETS_URL, diskExplorerApi } from '../worker/testSupport';
import { createExplorerStore } from './createExplorerStore';
import { planChoicesOf } from './planChoices';
import {
  NO_PLAN_NEEDS,
  planNeedsOf,
  selectPlan,
  selectPlanAttempt,
  selectPlanIsPrevious,
  selectPlanIsStale,
  selectUpgrade,
  selectUpgradeAttempt,
  selectUpgradeTo,
} from './planSlice';
import { selectSimulation } from './selectors';

/** The real API in process; `delays` hold back plans one by one, as slow runs in the worker would. */
function connection(delays: number[] = []): ExplorerConnection {
  const inner = connectInProcess(diskExplorerApi());
  return {
    api: {
      ...inner.api,
      planFromDialplan: async (graphId, request) => {
        const delay = delays.shift() ?? 0;
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        return inner.api.planFromDialplan(graphId, request);
      },
    },
    close: inner.close,
  };
}

async function storeOn(version: string, delays: number[] = []) {
  const client = createExplorerClient(() => connection(), { datasetsUrl: DATASETS_URL });
  const simulationClient = createExplorerClient(() => connection(delays), { datasetsUrl: DATASETS_URL });
  const store = createExplorerStore(client, simulationClient);
  await store.getState().init();
  await store.getState().loadBuiltin(version);
  return store;
}

function files(name: string): File[] {
  return readDialplanFixture(name).map((f) => new File([f.text], f.name));
}

describe('planNeedsOf', () => {
  it('leaves every default to the planner when nothing is chosen', () => {
    expect(planNeedsOf(NO_PLAN_NEEDS)).toEqual({});
  });

  it('passes the choices and splits the modules to keep on commas and spaces', () => {
    expect(
      planNeedsOf({
        ...NO_PLAN_NEEDS,
        channels: ['pjsip.conf'],
        codecs: ['g722'],
        musicOnHold: true,
        cdr: ['csv'],
        ari: true,
        keep: ' res_http_websocket, app_fax  res_fax,',
      }),
    ).toEqual({
      channels: ['pjsip.conf'],
      codecs: ['g722'],
      musicOnHold: true,
      cdr: ['csv'],
      ari: true,
      keep: ['res_http_websocket', 'app_fax', 'res_fax'],
    });
  });
});

describe('plan slice: slim from the dialplan', () => {
  it('plans the opened office dialplan, with extensions.conf shown, and verifies it', async () => {
    const store = await storeOn('23.4.1');
    expect(selectPlanIsStale(store.getState())).toBe(false);
    await store.getState().openDialplanFiles(files('office'));
    const s = store.getState();
    expect(s.dialplanFiles.map((f) => f.name)).toEqual(['extensions.conf', 'extensions_users.conf']);
    expect(s.dialplanShown).toBe('extensions.conf');
    expect(selectPlanIsStale(s)).toBe(true);

    await store.getState().runPlan();
    const plan = selectPlan(store.getState());
    expect(plan?.verification.ok).toBe(true);
    expect(plan?.modules.find((m) => m.name === 'app_dial')?.reasons[0]?.text).toMatch(/^Dial used in \[/);
    expect(plan?.saving.against).toBe('autoload');
    expect(selectPlanIsStale(store.getState())).toBe(false);
    expect(store.getState().planStatus).toBe('idle');
  });

  it('refuses a binary file up front and keeps the files and the plan it had', async () => {
    const store = await storeOn('23.4.1');
    await store.getState().openDialplanFiles(files('hotel'));
    await store.getState().runPlan();
    const before = selectPlan(store.getState());
    const binary = new File([new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2])], 'pbx_config.so');
    await store.getState().openDialplanFiles([binary]);
    const s = store.getState();
    expect(s.dialplanFiles.map((f) => f.name)).toEqual(['extensions.conf', 'rooms.conf']);
    expect(s.dialplanRefused[0]?.message).toMatch(/pbx_config\.so looks like a binary file/);
    expect(selectPlanIsStale(s)).toBe(false);
    expect(selectPlan(s)).toBe(before);
  });

  it('says AEL is not supported and keeps the previous plan, marked as such', async () => {
    const store = await storeOn('23.4.1');
    await store.getState().openDialplanFiles(files('callcentre'));
    await store.getState().runPlan();
    const before = selectPlan(store.getState());
    store.getState().removeDialplanFile('extensions.conf');
    expect(store.getState().dialplanShown).toBeUndefined();
    await store
      .getState()
      .openDialplanFiles([new File(['context default { 100 => Dial(PJSIP/100); };\n'], 'extensions.ael')]);
    await store.getState().runPlan();
    const s = store.getState();
    expect(selectPlanAttempt(s)?.response?.plan).toBeUndefined();
    expect(selectPlanAttempt(s)?.response?.dialplanProblems[0]?.message).toMatch(
      /extensions\.ael is not supported/,
    );
    expect(selectPlan(s)).toBe(before);
    expect(selectPlanIsPrevious(s)).toBe(true);
  });

  it('compares with the Simulate tab modules.conf and plans again when that file changes', async () => {
    const store = await storeOn('23.4.1');
    await store.getState().openDialplanFiles(files('office'));
    store.getState().setModulesConf('[modules]\nautoload = yes\nnoload => chan_iax2.so\n', 'mine.conf');
    store.getState().setPlanAgainstCurrent(true);
    await store.getState().runPlan();
    const plan = selectPlan(store.getState());
    expect(plan?.saving.against).toBe('current');
    expect(plan?.diff).toContain('- noload => chan_iax2.so');
    store.getState().setModulesConf('[modules]\nautoload = yes\n');
    expect(selectPlanIsStale(store.getState())).toBe(true);
    store.getState().setPlanAgainstCurrent(false);
    await store.getState().runPlan();
    store.getState().setModulesConf('[modules]\nautoload = no\n');
    // Not compared with it any more: its edits do not call for a new plan.
    expect(selectPlanIsStale(store.getState())).toBe(false);
  });

  it('lands only the newest plan when an older one finishes later', async () => {
    const store = await storeOn('23.4.1', [80, 0]);
    await store.getState().openDialplanFiles(files('office'));
    const first = store.getState().runPlan();
    store.getState().setPlanNeeds({ codecs: ['g722'] });
    const second = store.getState().runPlan();
    await Promise.all([first, second]);
    const names = selectPlan(store.getState())?.modules.map((m) => m.name);
    expect(names).toContain('codec_g722');
    expect(names).not.toContain('codec_ulaw');
  });

  it('puts the plan into Simulate and runs it there: every planned module starts', async () => {
    const store = await storeOn('23.4.1');
    await store.getState().openDialplanFiles(files('office'));
    await store.getState().runPlan();
    const plan = selectPlan(store.getState());
    await store.getState().usePlanInSimulate();
    const s = store.getState();
    expect(s.sidePanelTab).toBe('simulate');
    expect(s.modulesConf).toEqual({ text: plan?.text, file: 'modules.conf' });
    const started = selectSimulation(s)?.result.started ?? [];
    expect(plan?.modules.length).toBeGreaterThan(10);
    for (const m of plan?.modules ?? []) expect(started).toContain(m.name);
    expect(started).not.toContain('app_queue');
  });

  it('shows a plan only with the graph it was made for', async () => {
    const store = await storeOn('23.4.1');
    await store.getState().openDialplanFiles(files('office'));
    await store.getState().runPlan();
    await store.getState().loadBuiltin('master');
    expect(selectPlan(store.getState())).toBeUndefined();
    expect(selectPlanIsStale(store.getState())).toBe(true);
    await store.getState().runPlan();
    expect(selectPlan(store.getState())?.version).toBe('master');
  });
});

describe('plan slice: upgrade', () => {
  const OLD = '[modules]\nautoload = yes\nload => app_macro.so\nrequire => chan_sip.so\n';

  it('carries the Simulate modules.conf from the version on screen to the newest release by default', async () => {
    const store = await storeOn('18.26.4');
    expect(selectUpgradeTo(store.getState())).toBe('23.4.1');
    store.getState().setModulesConf(OLD);
    await store.getState().runUpgrade();
    const r = selectUpgrade(store.getState());
    expect(r?.from).toBe('18.26.4');
    expect(r?.findings.map((f) => [f.line, f.kind, f.replacement])).toEqual([
      [3, 'removed', 'app_stack'],
      [4, 'removed', undefined],
    ]);
    expect(r?.text).toMatch(/^load => app_stack\.so$/m);
  });

  it('keeps the previous result when modules.conf is rejected, and lists why', async () => {
    const store = await storeOn('18.26.4');
    store.getState().setModulesConf(OLD);
    store.getState().setUpgradeTo('22.10.1');
    await store.getState().runUpgrade();
    const before = selectUpgrade(store.getState());
    expect(before?.to).toBe('22.10.1');
    store.getState().setModulesConf('[modules\n');
    await store.getState().runUpgrade();
    expect(selectUpgrade(store.getState())).toBe(before);
    expect(selectUpgradeAttempt(store.getState())?.response?.confProblems[0]).toMatchObject({
      severity: 'error',
      line: 1,
    });
  });

  it('carries from a picked built-in version while another version stays on screen', async () => {
    const store = await storeOn('23.4.1');
    store.getState().setModulesConf(OLD);
    store.getState().setUpgradeFrom('18.26.4');
    // The target follows the file's version, not the one on screen.
    expect(selectUpgradeTo(store.getState())).toBe('23.4.1');
    await store.getState().runUpgrade();
    const r = selectUpgrade(store.getState());
    expect(store.getState().graph?.info.version).toBe('23.4.1');
    expect(r?.from).toBe('18.26.4');
    expect(r?.findings.map((f) => [f.line, f.kind, f.replacement])).toEqual([
      [3, 'removed', 'app_stack'],
      [4, 'removed', undefined],
    ]);
  });

  it('offers master when the newest release is the version on screen', async () => {
    const store = await storeOn('23.4.1');
    expect(selectUpgradeTo(store.getState())).toBe('master');
  });
});

describe('planChoicesOf', () => {
  it("offers each version's own channel drivers, config files first, and its codecs", async () => {
    const store = await storeOn('23.4.1');
    const now = planChoicesOf(store.getState().graph ?? fail());
    expect(now.channels.slice(0, 3).map((c) => c.value)).toEqual([
      'pjsip.conf',
      'iax.conf',
      'chan_dahdi.conf',
    ]);
    expect(now.channels.map((c) => c.module)).not.toContain('chan_sip');
    expect(now.codecs.map((c) => c.value)).toEqual(expect.arrayContaining(['ulaw', 'alaw', 'g722']));
    expect(now.cdr.map((c) => c.value)).toContain('csv');
    expect(now.ari && now.musicOnHold).toBe(true);
    await store.getState().loadBuiltin('18.26.4');
    const old = planChoicesOf(store.getState().graph ?? fail());
    expect(old.channels.find((c) => c.module === 'chan_sip')?.label).toBe('sip.conf (chan_sip)');
  });
});

function fail(): never {
  throw new Error('no graph');
}
