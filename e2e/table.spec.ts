import { expect, test } from './fixtures';
import { SearchPage } from './pages/SearchPage';
import { SimulationPage } from './pages/SimulationPage';

// The fixture opens Asterisk 23.4.1: 468 loadable modules and 16 built-ins.

test('the table lists every module but renders only the rows in view', async ({ explorer }) => {
  const table = new SearchPage(explorer);
  await table.openTable();
  await expect(table.tableView).toBeChecked();
  await expect(table.shownCount).toHaveText('484 modules');
  await expect(table.grid).toHaveAttribute('aria-rowcount', '485');
  const rendered = await table.renderedRows().count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);
  // The graph underneath is kept, not rebuilt.
  expect(await explorer.nodeCount()).toBeGreaterThan(0);
});

test('sorting by transitive dependents puts the hub first; the filter narrows the rows', async ({
  explorer,
}) => {
  const table = new SearchPage(explorer);
  await table.openTable();
  await table.sortBy('Transitive dependents', 'descending');
  const [first, second] = await table.renderedNames();
  expect(first).toBe('extconfig');
  const counts = await table
    .renderedRows()
    .evaluateAll((rows) =>
      rows
        .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
        .map((r) => Number(r.children[6]?.textContent)),
    );
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  expect(second).not.toBe(first);

  await table.sortBy('Transitive dependents', 'ascending');
  expect((await table.renderedNames())[0]).not.toBe('extconfig');

  await table.filter.fill('pjsip');
  await expect(table.shownCount).toHaveText(/^\d+ of 484 modules$/);
  const names = await table.renderedNames();
  expect(names.length).toBeGreaterThan(10);
  expect(names.every((n) => n.includes('pjsip'))).toBe(true);
  await table.filter.fill('zzzqqq');
  await expect(table.shownCount).toHaveText('0 of 484 modules');
  await expect(table.renderedRows()).toHaveCount(0);
});

test('clicking a row selects the module; the graph keeps the selection', async ({ explorer }) => {
  const table = new SearchPage(explorer);
  await table.openTable();
  await table.filter.fill('res_pjsip_session');
  await table.row('res_pjsip_session').click();
  await expect(explorer.inspectorHeading('res_pjsip_session')).toBeVisible();
  await expect(table.row('res_pjsip_session')).toHaveAttribute('aria-selected', 'true');

  // A new sort shows its top rows, even with a module selected further down.
  await table.filter.fill('');
  await table.sortBy('Transitive dependents', 'descending');
  await expect(table.row('extconfig')).toBeInViewport();
  expect((await table.renderedNames())[0]).toBe('extconfig');

  await table.openGraph();
  await expect(explorer.inspectorHeading('res_pjsip_session')).toBeVisible();
  await expect.poll(() => explorer.nodeHasClass('res_pjsip_session', 'selected')).toBe(true);
});

test('a module selected on the graph is highlighted and scrolled into view in the table', async ({
  explorer,
}) => {
  const table = new SearchPage(explorer);
  // Through its neighbourhood: res_pjsip is drawn as a node next to res_pjsip_session, whatever the
  // whole-graph view groups.
  await explorer.findModule('res_pjsip_session');
  await expect(explorer.inspectorHeading('res_pjsip_session')).toBeVisible();
  await table.clickNodeOnceStill('res_pjsip');
  await expect(explorer.inspectorHeading('res_pjsip')).toBeVisible();
  await table.openTable();
  const row = table.row('res_pjsip');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toBeInViewport();

  // And the other way round: the search box moves the highlight in the open table.
  await explorer.findModule('app_queue');
  await expect(table.row('app_queue')).toHaveAttribute('aria-selected', 'true');
  await expect(table.row('app_queue')).toBeInViewport();
  await expect(table.row('res_pjsip')).toHaveCount(0);
});

test('the table shows the last simulation state of each module', async ({ explorer }) => {
  const table = new SearchPage(explorer);
  await table.openTable();
  await expect(table.row('app_dial').getByRole('gridcell').nth(7)).toHaveText('');
  const sim = new SimulationPage(explorer);
  await sim.open();
  await sim.run();
  await table.filter.fill('app_dial');
  await expect(table.row('app_dial').getByRole('gridcell').nth(7)).toHaveText('started');
});
