import { expect, test } from './fixtures';
import { GraphPage, boxesOverlap } from './pages/GraphPage';
import { SimulationPage } from './pages/SimulationPage';
import type { LabelBox } from './pages/GraphPage';

// The fixture opens Asterisk 23.4.1: 468 loadable modules and 16 built-ins.

function overlapping(boxes: LabelBox[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a && b && boxesOverlap(a, b)) pairs.push(`${a.id} / ${b.id}`);
    }
  }
  return pairs;
}

test('the first screen is one node per category, with the modules without edges folded into one group', async ({
  explorer,
}) => {
  const graph = new GraphPage(explorer);
  await expect(graph.groupByCategory).toBeChecked();
  await expect(graph.counts).toHaveText(/^Showing 484 of 484 modules in \d+ groups · \d+ edges$/);
  const drawn = await explorer.drawnNodes();
  expect(drawn).toEqual(expect.arrayContaining(['group:res', 'group:apps', 'group:main', 'group:isolated']));
  expect(drawn.every((id) => id.startsWith('group:'))).toBe(true);
  const labels = await explorer.page.evaluate(() =>
    ['group:res', 'group:isolated'].map((id) => window.__cy?.getElementById(id).data('label') as string),
  );
  expect(labels[0]).toMatch(/^res · \d+$/);
  expect(labels[1]).toMatch(/^Isolated · \d+$/);
  expect(overlapping(await graph.labelBoxes())).toEqual([]);
});

test('a category opens in place, the isolated group too, and Collapse all closes them', async ({
  explorer,
}) => {
  const graph = new GraphPage(explorer);
  const before = await graph.shownCounts();
  await graph.clickGroup('apps');
  expect(await explorer.isDrawn('app_confbridge')).toBe(true);
  expect(await explorer.isDrawn('group:apps')).toBe(false);
  expect(await explorer.isDrawn('group:res')).toBe(true);
  // Nothing is lost by opening a group: the same modules, one group fewer.
  const opened = await graph.shownCounts();
  expect(opened.shown).toBe(before.shown);
  expect(opened.groups).toBe(before.groups - 1);
  expect(overlapping(await graph.labelBoxes())).toEqual([]);

  // app_queue has no dependency edges in 23.4.1: it waits in the isolated group.
  expect(await explorer.isDrawn('app_queue')).toBe(false);
  await graph.clickGroup('isolated');
  expect(await explorer.isDrawn('group:isolated')).toBe(false);
  expect(await explorer.isDrawn('app_queue')).toBe(true);

  await graph.collapseAll.click();
  await explorer.waitForStillGraph();
  expect(await explorer.isDrawn('group:apps')).toBe(true);
  expect(await explorer.isDrawn('app_confbridge')).toBe(false);
  expect(await explorer.isDrawn('app_queue')).toBe(false);
  expect(await explorer.isDrawn('group:isolated')).toBe(true);
});

test('each focus mode shows its part of the graph, counted, with readable labels', async ({ explorer }) => {
  const graph = new GraphPage(explorer);
  await explorer.findModule('res_pjsip');
  await expect(explorer.inspectorHeading('res_pjsip')).toBeVisible();
  await explorer.waitForStillGraph();
  await expect(graph.focusModes.getByRole('radio', { name: 'Both' })).toBeChecked();
  expect(await explorer.nodeHasClass('res_pjsip', 'selected')).toBe(true);

  const expectCountsMatchPicture = async (): Promise<string[]> => {
    const drawn = await graph.drawnModules();
    const counts = await graph.shownCounts();
    expect(counts.shown).toBe(drawn.length);
    expect(counts.total).toBe(484);
    return drawn;
  };

  const both = await expectCountsMatchPicture();
  expect(both).toEqual(
    expect.arrayContaining(['res_pjsip', 'res_sorcery_config', 'chan_pjsip', 'extconfig']),
  );
  expect(both).not.toContain('app_dial');

  await graph.focusMode('Dependencies');
  const dependencies = await expectCountsMatchPicture();
  expect(dependencies).toEqual(
    expect.arrayContaining(['res_pjsip', 'res_sorcery_config', 'res_pjproject', 'extconfig']),
  );
  expect(dependencies).not.toContain('chan_pjsip');
  // Dependencies are drawn above what needs them.
  const y = (id: string): Promise<number> => explorer.nodePosition(id).then((p) => p.y);
  expect(await y('res_sorcery_config')).toBeLessThan(await y('res_pjsip'));

  await graph.focusMode('Dependents');
  const dependents = await expectCountsMatchPicture();
  expect(dependents).toEqual(expect.arrayContaining(['res_pjsip', 'chan_pjsip', 'res_pjsip_session']));
  expect(dependents).not.toContain('res_sorcery_config');
  expect(await y('chan_pjsip')).toBeGreaterThan(await y('res_pjsip'));

  await graph.focusMode('Hops');
  await expect(graph.hops).toHaveValue('1');
  const oneHop = await expectCountsMatchPicture();
  expect(oneHop).toContain('res_sorcery_config');
  // chan_iax2 is two steps away (res_pjsip -> dnsmgr <- chan_iax2).
  expect(oneHop).not.toContain('chan_iax2');
  await graph.hops.fill('2');
  await explorer.waitForStillGraph();
  const twoHops = await expectCountsMatchPicture();
  expect(twoHops).toContain('chan_iax2');
  expect(twoHops.length).toBeGreaterThan(oneHop.length);

  // Labels: none overlaps another, and every direct neighbour in view is labelled.
  await graph.focusMode('Both');
  const boxes = await graph.labelBoxes();
  expect(overlapping(boxes)).toEqual([]);
  const labelled = new Set(boxes.map((b) => b.id));
  const inView = new Set(await graph.nodesInView());
  for (const direct of ['res_sorcery_config', 'chan_pjsip', 'res_pjproject']) {
    if (inView.has(direct)) expect(labelled.has(direct), direct).toBe(true);
  }
  expect(labelled.has('res_pjsip')).toBe(true);
});

test('a small focus labels every module, none overlapping, the selected label whole', async ({
  explorer,
}) => {
  const graph = new GraphPage(explorer);
  await explorer.findModule('cdr_adaptive_odbc');
  await expect(explorer.inspectorHeading('cdr_adaptive_odbc')).toBeVisible();
  await explorer.waitForStillGraph();
  const drawn = await graph.drawnModules();
  expect(drawn).toEqual(expect.arrayContaining(['cdr_adaptive_odbc', 'res_odbc']));
  const boxes = await graph.labelBoxes();
  expect(boxes.map((b) => b.id).sort()).toEqual(drawn);
  expect(overlapping(boxes)).toEqual([]);
  // The selected label is drawn in full: its box is as wide as its text needs.
  const selected = boxes.find((b) => b.id === 'cdr_adaptive_odbc');
  expect((selected?.x2 ?? 0) - (selected?.x1 ?? 0)).toBeGreaterThan('cdr_adaptive_odbc'.length * 5);
});

test('Back and the breadcrumb return to earlier focus steps; Clear focus and Escape show the whole graph', async ({
  explorer,
}) => {
  const graph = new GraphPage(explorer);
  await explorer.findModule('res_pjsip');
  await expect(explorer.inspectorHeading('res_pjsip')).toBeVisible();
  await explorer.findModule('res_pjsip_session');
  await expect(explorer.inspectorHeading('res_pjsip_session')).toBeVisible();
  await explorer.findModule('chan_pjsip');
  await expect(explorer.inspectorHeading('chan_pjsip')).toBeVisible();
  await expect(graph.focusPath.getByRole('button')).toHaveText([
    'res_pjsip',
    'res_pjsip_session',
    'chan_pjsip',
  ]);
  await expect(graph.focusPath.getByRole('button', { name: 'chan_pjsip' })).toHaveAttribute(
    'aria-current',
    'step',
  );

  await graph.back.click();
  await expect(explorer.inspectorHeading('res_pjsip_session')).toBeVisible();
  await expect(graph.focusPath.getByRole('button')).toHaveText(['res_pjsip', 'res_pjsip_session']);

  await graph.focusPath.getByRole('button', { name: 'res_pjsip', exact: true }).click();
  await expect(explorer.inspectorHeading('res_pjsip')).toBeVisible();
  await expect(graph.focusPath.getByRole('button')).toHaveText(['res_pjsip']);
  await explorer.waitForStillGraph();
  expect(await explorer.nodeHasClass('res_pjsip', 'selected')).toBe(true);

  await graph.clearFocus.click();
  await expect(graph.counts).toHaveText(/^Showing 484 of 484 modules in \d+ groups/);
  await expect(graph.focusPath).toBeHidden();

  await explorer.findModule('res_odbc');
  await expect(explorer.inspectorHeading('res_odbc')).toBeVisible();
  await graph.outsideFocus.focus();
  await explorer.page.keyboard.press('Escape');
  await expect(graph.counts).toHaveText(/^Showing 484 of 484 modules in \d+ groups/);
});

test('outside the focus: hidden, or dimmed around it on the whole graph', async ({ explorer }) => {
  const graph = new GraphPage(explorer);
  await explorer.findModule('res_odbc');
  await expect(explorer.inspectorHeading('res_odbc')).toBeVisible();
  await explorer.waitForStillGraph();
  await expect(graph.outsideFocus).toHaveValue('hide');
  const hidden = await graph.shownCounts();
  expect(await explorer.isDrawn('chan_pjsip')).toBe(false);

  await graph.outsideFocus.selectOption('dim');
  await explorer.waitForStillGraph();
  expect(await explorer.isDrawn('chan_pjsip')).toBe(true);
  expect(await explorer.nodeHasClass('chan_pjsip', 'dimmed')).toBe(true);
  expect(await explorer.nodeHasClass('func_odbc', 'dimmed')).toBe(false);
  expect(await explorer.nodeHasClass('res_odbc', 'selected')).toBe(true);
  // The counts are the focus either way: dimmed modules are context, not shown.
  expect((await graph.shownCounts()).shown).toBe(hidden.shown);
});

test('filters combine with the focus and the counts say what is left', async ({ explorer }) => {
  const graph = new GraphPage(explorer);
  await explorer.findModule('res_odbc');
  await expect(explorer.inspectorHeading('res_odbc')).toBeVisible();
  await explorer.waitForStillGraph();
  const all = await graph.drawnModules();
  expect(all).toEqual(expect.arrayContaining(['func_odbc', 'cdr_odbc', 'cdr_adaptive_odbc']));

  await graph.openFilters();
  await graph.filter('Support level', 'extended').uncheck();
  await explorer.waitForStillGraph();
  const noExtended = await graph.drawnModules();
  expect(noExtended).not.toContain('cdr_odbc');
  expect(noExtended).toContain('cdr_adaptive_odbc');
  expect((await graph.shownCounts()).shown).toBe(noExtended.length);
  await expect(graph.filtersButton).toContainText('1 hidden');

  await graph.filter('Category', 'funcs').uncheck();
  await explorer.waitForStillGraph();
  expect(await graph.drawnModules()).not.toContain('func_odbc');
  await expect(graph.filtersButton).toContainText('2 hidden');

  await graph.filter('Edge kinds', 'requires').uncheck();
  await graph.filter('Edge kinds', 'depends').uncheck();
  await explorer.waitForStillGraph();
  const edges = await explorer.page.evaluate(() =>
    (window.__cy?.edges().filter((e) => !e.hasClass('hidden')) ?? []).map((e) => e.data('kind') as string),
  );
  expect(edges.filter((k) => k === 'requires' || k === 'depends')).toEqual([]);

  await graph.filters.getByRole('button', { name: 'Show everything' }).click();
  await explorer.waitForStillGraph();
  expect(await graph.drawnModules()).toEqual(all);
});

test('hovering a node draws what it needs and what needs it, the rest faded', async ({ explorer }) => {
  await explorer.findModule('res_pjsip_session');
  await expect(explorer.inspectorHeading('res_pjsip_session')).toBeVisible();
  await explorer.waitForStillGraph();
  const at = await explorer.page.evaluate(() => window.__cy?.getElementById('res_pjsip').renderedPosition());
  const box = await explorer.canvas.boundingBox();
  if (!at || !box) throw new Error('res_pjsip is not drawn');
  await explorer.page.mouse.move(box.x + at.x, box.y + at.y);
  await expect.poll(() => explorer.nodeHasClass('res_sorcery_config', 'reach-dep')).toBe(true);
  expect(await explorer.nodeHasClass('res_pjsip_session', 'reach-rdep')).toBe(true);
  expect(await explorer.nodeHasClass('chan_pjsip', 'reach-rdep')).toBe(true);
  expect((await explorer.nodeHasClass('res_odbc', 'faded')) || !(await explorer.isDrawn('res_odbc'))).toBe(
    true,
  );
  await explorer.page.mouse.move(box.x + 2, box.y + 2);
  await expect.poll(() => explorer.nodeHasClass('res_sorcery_config', 'reach-dep')).toBe(false);
});

test('after a simulation, the outcome filter hides modules by what the loader did to them', async ({
  explorer,
}) => {
  const graph = new GraphPage(explorer);
  const sim = new SimulationPage(explorer);
  await explorer.findModule('res_curl');
  await expect(explorer.inspectorHeading('res_curl')).toBeVisible();
  await sim.inspectorSimulation.getByLabel('Fault').selectOption({ label: 'Decline at load' });
  await sim.open();
  await sim.run();
  await sim.expectOutcome('func_curl', 'declined');
  await explorer.waitForStillGraph();
  expect(await explorer.isDrawn('func_curl')).toBe(true);

  await graph.openFilters();
  await graph.filter('Simulation outcome', 'Declined').uncheck();
  await explorer.waitForStillGraph();
  expect(await explorer.isDrawn('func_curl')).toBe(false);
  // The focused module stays drawn, whatever a filter says.
  expect(await explorer.isDrawn('res_curl')).toBe(true);
  expect((await graph.shownCounts()).shown).toBe((await graph.drawnModules()).length);
});
