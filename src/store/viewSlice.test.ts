import { describe, expect, it } from 'vitest';
import { connectInProcess, createExplorerClient } from '../worker';
import { DATASETS_URL, diskExplorerApi, readFileUrl } from '../worker/testSupport';
import { createExplorerStore } from './createExplorerStore';
import { selectFocus, selectFocusCenter, selectFocusTrail } from './graphViewSelectors';

function store() {
  const client = createExplorerClient(() => connectInProcess(diskExplorerApi(readFileUrl)), {
    datasetsUrl: DATASETS_URL,
  });
  return createExplorerStore(client);
}

describe('focus trail', () => {
  it('records each focused module once, goes back step by step and to any step of the breadcrumb', async () => {
    const s = store();
    await s.getState().loadBuiltin('23.4.1');
    s.getState().inspectModule('res_pjsip');
    s.getState().select({ kind: 'module', name: 'res_pjsip_session' });
    s.getState().select({ kind: 'module', name: 'res_pjsip_session' });
    s.getState().inspectModule('chan_pjsip');
    expect(selectFocusTrail(s.getState())).toEqual(['res_pjsip', 'res_pjsip_session', 'chan_pjsip']);
    expect(selectFocusCenter(s.getState())).toBe('chan_pjsip');

    s.getState().focusBack();
    expect(s.getState().selection).toEqual({ kind: 'module', name: 'res_pjsip_session' });
    expect(selectFocusTrail(s.getState())).toEqual(['res_pjsip', 'res_pjsip_session']);

    s.getState().inspectModule('app_dial');
    s.getState().focusStep(0);
    expect(s.getState().selection).toEqual({ kind: 'module', name: 'res_pjsip' });
    expect(selectFocusTrail(s.getState())).toEqual(['res_pjsip']);

    s.getState().focusBack();
    expect(s.getState().selection).toBeUndefined();
    expect(selectFocusCenter(s.getState())).toBeUndefined();
  });

  it('clears focus and trail together; clicking the background (no selection) does the same', async () => {
    const s = store();
    await s.getState().loadBuiltin('23.4.1');
    s.getState().inspectModule('res_odbc');
    s.getState().clearFocus();
    expect(s.getState().selection).toBeUndefined();
    expect(s.getState().focusTrail).toEqual([]);
    s.getState().inspectModule('res_odbc');
    s.getState().select(undefined);
    expect(s.getState().focusTrail).toEqual([]);
  });

  it('has no focus in the provider view or for a library', async () => {
    const s = store();
    await s.getState().loadBuiltin('23.4.1');
    s.getState().select({ kind: 'library', name: 'pjproject' });
    expect(selectFocus(s.getState())).toBeUndefined();
    s.getState().inspectModule('res_odbc');
    s.getState().setViewMode('providers');
    expect(selectFocus(s.getState())).toBeUndefined();
  });

  it('drops steps whose module is not in the version on screen', async () => {
    const s = store();
    await s.getState().loadBuiltin('13.38.3');
    s.getState().inspectModule('chan_sip');
    s.getState().inspectModule('app_dial');
    await s.getState().loadBuiltin('23.4.1');
    expect(selectFocusTrail(s.getState())).toEqual(['app_dial']);
  });
});

describe('focus modes', () => {
  it('computes the neighbourhood of the selected module in the chosen mode, with hidden edge kinds left out', async () => {
    const s = store();
    await s.getState().loadBuiltin('23.4.1');
    s.getState().inspectModule('res_pjsip_session');
    const both = selectFocus(s.getState());
    expect(both?.nodes).toEqual(expect.arrayContaining(['res_pjsip', 'chan_pjsip']));
    expect(selectFocus(s.getState())).toBe(both);

    s.getState().setFocusMode('dependencies');
    const deps = selectFocus(s.getState());
    expect(deps?.nodes).toContain('res_pjsip');
    expect(deps?.nodes).not.toContain('chan_pjsip');

    s.getState().setFocusMode('dependents');
    expect(selectFocus(s.getState())?.nodes).not.toContain('res_pjsip');

    s.getState().setFocusMode('hops');
    s.getState().setFocusHops(9);
    expect(s.getState().focusHops).toBe(5);
    s.getState().setFocusHops(1);
    const oneHop = selectFocus(s.getState());
    expect(oneHop?.nodes.every((n) => (oneHop.distance[n] ?? 9) <= 1)).toBe(true);

    s.getState().setFilterHidden('hiddenEdgeKinds', 'requires', true);
    s.getState().setFilterHidden('hiddenEdgeKinds', 'depends', true);
    expect(selectFocus(s.getState())?.edges.some((e) => e.kind === 'requires' || e.kind === 'depends')).toBe(
      false,
    );
  });
});

describe('grouping and filters', () => {
  it('opens and closes groups, and collapses them all at once', () => {
    const s = store();
    expect(s.getState().groupByCategory).toBe(true);
    s.getState().setGroupExpanded('res', true);
    s.getState().setGroupExpanded('apps', true);
    s.getState().setGroupExpanded('res', true);
    expect(s.getState().expandedGroups).toEqual(['apps', 'res']);
    s.getState().setGroupExpanded('apps', false);
    s.getState().setIsolatedExpanded(true);
    s.getState().collapseAllGroups();
    expect(s.getState().expandedGroups).toEqual([]);
    expect(s.getState().isolatedExpanded).toBe(false);
  });

  it('hides and shows filter values, and shows everything again', () => {
    const s = store();
    s.getState().setFilterHidden('hiddenCategories', 'tests', true);
    s.getState().setFilterHidden('hiddenSupportLevels', 'deprecated', true);
    s.getState().setFilterHidden('hiddenCategories', 'tests', true);
    expect(s.getState().filters.hiddenCategories).toEqual(['tests']);
    s.getState().setFilterHidden('hiddenCategories', 'tests', false);
    expect(s.getState().filters.hiddenCategories).toEqual([]);
    s.getState().resetFilters();
    expect(s.getState().filters.hiddenSupportLevels).toEqual([]);
  });
});
