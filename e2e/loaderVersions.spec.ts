import { expect, test } from './fixtures';
import { SimulationPage } from './pages/SimulationPage';

test("each version runs its own loader: named, its commands and its log's verbose levels", async ({
  explorer,
}) => {
  const sim = new SimulationPage(explorer);
  await explorer.chooseVersion('16.30.1');
  await sim.open();
  const loader = sim.panel.getByLabel('Loader', { exact: true });
  await expect(loader.locator('option:checked')).toHaveText("Asterisk 16.30.1 loader (this version's)");
  await sim.run();
  await expect(sim.panel.getByRole('heading', { name: 'Result · Asterisk 16.30.1 loader' })).toBeVisible();
  await expect(sim.panel.getByRole('list', { name: "How this loader differs from master's" })).toContainText(
    "'module refresh' without 'recursively' (01ff5c8140 came later)",
  );

  // 16.30.1 has module refresh, but not recursively: the inspector offers what its CLI has.
  await explorer.findModule('res_xmpp');
  await expect(explorer.inspectorHeading('res_xmpp')).toBeVisible();
  await expect(sim.inspectorSimulation.getByRole('button', { name: 'Refresh', exact: true })).toBeVisible();
  await expect(sim.inspectorSimulation.getByRole('button', { name: 'Refresh recursively' })).toHaveCount(0);
  await sim.runCommandFromInspector('Refresh');
  await expect(sim.commandResult).toContainText("Soft unload failed, 'res_xmpp' has use count 1");

  // At the default verbose 3, 16.30.1 still logs every module it loads.
  await sim.open();
  await sim.panel.getByLabel('As logged at').selectOption({ label: 'verbose 3 (the default)' });
  await sim.logFilter.fill('Loading res_xmpp');
  await expect(sim.log).toContainText('VERBOSE loader.c: Loading res_xmpp.so.');

  // 22.10.1 logs them at verbose 4 (6871d1cdfc): a log at 3 does not show them, and says so.
  await explorer.chooseVersion('22.10.1');
  await sim.open();
  await sim.run();
  await expect(sim.panel.getByRole('heading', { name: 'Result · Asterisk 22.10.1 loader' })).toBeVisible();
  await sim.panel.getByLabel('As logged at').selectOption({ label: 'verbose 3 (the default)' });
  await sim.logFilter.fill('Loading res_xmpp');
  await expect(sim.log).not.toContainText('Loading res_xmpp.so.');
  await expect(sim.panel).toContainText('a log at this level does not show which modules started');
  await explorer.findModule('res_xmpp');
  await expect(sim.inspectorSimulation.getByRole('button', { name: 'Refresh recursively' })).toBeVisible();
});

test('Asterisk 13 runs the legacy loader: two stages, and no module refresh', async ({ explorer }) => {
  const sim = new SimulationPage(explorer);
  await explorer.chooseVersion('13.38.3');
  await sim.open();
  await sim.run();
  await expect(sim.panel.getByRole('heading', { name: 'Result · Asterisk 13.38.3 loader' })).toBeVisible();
  await sim.logFilter.fill('Asterisk Dynamic Loader Starting');
  await expect(sim.log.locator('.sim-log-line')).toHaveCount(2);
  await explorer.findModule('res_xmpp');
  await expect(explorer.inspectorHeading('res_xmpp')).toBeVisible();
  await expect(sim.inspectorSimulation.getByRole('button', { name: 'Unload', exact: true })).toBeVisible();
  await expect(sim.inspectorSimulation.getByRole('button', { name: /^Refresh/ })).toHaveCount(0);
});
