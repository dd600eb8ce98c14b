import { expect, test } from './fixtures';
import { ExplorerPage } from './pages/ExplorerPage';
import { GraphPage } from './pages/GraphPage';
import { SimulationPage } from './pages/SimulationPage';

const CONF = '[modules]\nautoload = yes\nnoload => res_pjsip.so\n';

test('Copy link gives an address that opens the same view in a fresh browser', async ({
  explorer,
  browser,
}) => {
  const page = explorer.page;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await explorer.chooseVersion('22.10.1');

  // modules.conf and a fault, run.
  const sim = new SimulationPage(explorer);
  await sim.open();
  await sim.modulesConf.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(CONF);
  await explorer.findModule('res_curl');
  await expect(explorer.inspectorHeading('res_curl')).toBeVisible();
  await sim.inspectorSimulation.getByLabel('Fault').selectOption({ label: 'Decline at load' });
  await sim.open();
  await sim.run();
  await sim.expectOutcome('func_curl', 'declined');

  // A focus and a filter.
  await explorer.findModule('chan_pjsip');
  await expect(explorer.inspectorHeading('chan_pjsip')).toBeVisible();
  await page
    .getByRole('radiogroup', { name: 'Focus mode' })
    .getByRole('radio', { name: 'Dependencies' })
    .check();
  const graph = new GraphPage(explorer);
  await graph.openFilters();
  await graph.filter('Category', 'funcs').uncheck();
  await explorer.waitForStillGraph();
  const drawn = await graph.drawnModules();

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#1\.[A-Za-z0-9+\-$]+$/);
  expect(link).toBe(page.url());

  // A new browser context shares nothing with this one but the address.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const other = new ExplorerPage(await context.newPage());
  await other.page.goto(link);
  await other.waitForGraph('22.10.1');
  await expect(other.versionPicker).toHaveValue('22.10.1');
  await expect(other.inspectorHeading('chan_pjsip')).toBeVisible();
  await expect(
    other.page.getByRole('radiogroup', { name: 'Focus mode' }).getByRole('radio', { name: 'Dependencies' }),
  ).toBeChecked();
  await other.waitForStillGraph();
  expect((await new GraphPage(other).drawnModules()).sort()).toEqual([...drawn].sort());
  const otherSim = new SimulationPage(other);
  await otherSim.open();
  await expect(otherSim.modulesConf).toContainText('noload => res_pjsip.so');
  await expect(otherSim.panel.getByRole('list', { name: 'Injected faults' })).toContainText('res_curl');
  await expect(otherSim.startupResult).toHaveText(/Asterisk started/);
  await otherSim.expectOutcome('func_curl', 'declined');
  await context.close();
});

test('a tampered or cut-short link is refused with a message and shows nothing of it', async ({
  explorer,
  browser,
}) => {
  const page = explorer.page;
  await explorer.chooseVersion('18.26.4');
  await explorer.findModule('app_dial');
  await expect(explorer.inspectorHeading('app_dial')).toBeVisible();
  await expect(page).toHaveURL(/#1\./);
  const link = page.url();

  const context = await browser.newContext();
  const other = new ExplorerPage(await context.newPage());
  await other.page.goto(link.slice(0, link.length - 25));
  await expect(other.page.getByRole('alert', { name: 'Link' })).toContainText('damaged or incomplete');
  // The default dataset, not the link's.
  await expect(other.canvas).toHaveAttribute('data-graph-ready', 'true');
  await expect(other.versionPicker).not.toHaveValue('18.26.4');
  await context.close();

  // Edited in the address bar of the running page: the view on screen stays.
  await page.evaluate(() => {
    window.location.hash = '#1.AAAA-edited-by-hand';
  });
  await expect(page.getByRole('alert', { name: 'Link' })).toContainText('damaged or incomplete');
  await expect(explorer.versionPicker).toHaveValue('18.26.4');
  await expect(explorer.inspectorHeading('app_dial')).toBeVisible();
});
