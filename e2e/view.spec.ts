import { expect, test } from './fixtures';
import { GraphPage } from './pages/GraphPage';

test('the force layout moves nodes and the layered layout puts them back', async ({ explorer, page }) => {
  const graph = new GraphPage(explorer);
  const version = (await explorer.canvas.getAttribute('data-graph-version')) ?? '';
  // The whole graph, ungrouped: every module where the layout puts it.
  await graph.groupByCategory.uncheck();
  await explorer.waitForGraph(version, /^layered\/whole\//);
  await explorer.waitForStillGraph();
  const layered = await explorer.nodePosition('res_pjsip');
  await page.getByLabel('Layout').selectOption('force');
  await explorer.waitForGraph(version, /^force\//);
  await explorer.waitForStillGraph();
  expect(await explorer.nodePosition('res_pjsip')).not.toEqual(layered);
  await page.getByLabel('Layout').selectOption('layered');
  await explorer.waitForGraph(version, /^layered\//);
  await explorer.waitForStillGraph();
  expect(await explorer.nodePosition('res_pjsip')).toEqual(layered);
});

test('libraries can be shown and non-loadable entries too, from the Filters panel', async ({ explorer }) => {
  const graph = new GraphPage(explorer);
  await graph.groupByCategory.uncheck();
  await explorer.waitForStillGraph();
  await graph.openFilters();
  expect(await explorer.isDrawn('lib:pjproject')).toBe(false);
  expect(await explorer.isDrawn('json')).toBe(false);
  await graph.filter('Entries', 'Show libraries').check();
  await expect.poll(() => explorer.isDrawn('lib:pjproject')).toBe(true);
  // Elements are drawn over several frames; the edge may follow its node.
  await expect.poll(() => explorer.isDrawn('uses-library:res_pjsip->lib:pjproject')).toBe(true);
  // json is a helper source file (not a loadable module) that modules depend on.
  await graph.filter('Entries', 'Show non-loadable entries').check();
  await expect.poll(() => explorer.isDrawn('json')).toBe(true);
  await graph.filter('Entries', 'Show libraries').uncheck();
  await expect.poll(() => explorer.isDrawn('lib:pjproject')).toBe(false);
});

test('the Providers view and back rebuild nothing: each view keeps its own canvas drawn', async ({
  explorer,
  page,
}) => {
  await explorer.allElementsAdded();
  const count = await explorer.nodeCount();
  await page.evaluate(() => {
    const w = window as unknown as { __changes: number };
    w.__changes = 0;
    window.__cy?.on('add remove', () => (w.__changes += 1));
  });
  await page.getByRole('radio', { name: 'Providers' }).check();
  await explorer.waitForStillGraph();
  expect(await explorer.isDrawn('item:application:voicemail')).toBe(true);
  expect(await explorer.isDrawn('group:res')).toBe(false);
  await page.getByRole('radio', { name: 'Modules' }).check();
  await explorer.waitForStillGraph();
  expect(await explorer.isDrawn('group:res')).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __changes: number }).__changes)).toBe(0);
  expect(await explorer.nodeCount()).toBe(count);
});
