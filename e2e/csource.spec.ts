import { expect, test } from './fixtures';
import { fixturePath } from './pages/ExplorerPage';
import { SimulationPage } from './pages/SimulationPage';

// app_hello.c is a hand-written third-party module: it requires res_sorcery_config and starts at
// AST_MODPRI_APP_DEPEND, so the loader must start it after res_sorcery_config.

test('a module C source opened on the version on screen lands in the graph and in the load order', async ({
  explorer,
}) => {
  await explorer.chooseVersion('22.10.1');
  await explorer.openFiles([fixturePath('app_hello.c')]);
  await expect(explorer.versionPicker).toHaveValue('files');

  await explorer.findModule('app_hello');
  await expect(explorer.inspectorHeading('app_hello')).toBeVisible();
  await expect(explorer.inspector).toContainText('Hello application');

  await explorer.problemsTab.click();
  await expect(explorer.problemList).toContainText('merged onto the built-in Asterisk 22.10.1 dataset');

  const sim = new SimulationPage(explorer);
  await sim.open();
  await sim.run();
  await expect(sim.startupResult).toHaveText(/Asterisk started/);
  const order = sim.panel.getByRole('list', { name: 'Load order' });
  await sim.panel.locator('summary', { hasText: 'Load order' }).click();
  await expect(order).toBeVisible();
  const names = await order.getByRole('button').allTextContents();
  const hello = names.indexOf('app_hello');
  const sorcery = names.indexOf('res_sorcery_config');
  expect(sorcery).toBeGreaterThanOrEqual(0);
  expect(hello).toBeGreaterThan(sorcery);
});
