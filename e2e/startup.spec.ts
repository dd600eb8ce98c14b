import { expect, test } from './fixtures';
import { datasetIndex } from './pages/ExplorerPage';

test('the app opens with the default built-in dataset and shows its module count', async ({ explorer }) => {
  const index = datasetIndex();
  const entry = index.datasets.find((d) => d.version === index.default);
  expect(entry).toBeDefined();
  await explorer.waitForGraph(index.default);
  await expect(explorer.versionPicker).toHaveValue(index.default);
  await expect(explorer.moduleCount).toHaveText(`${entry?.modules} modules`);
  // Every loadable module is a node (plus built-ins and libraries).
  expect(await explorer.nodeCount()).toBeGreaterThan(entry?.modules ?? 0);
  expect(await explorer.hasNode('res_pjsip_session')).toBe(true);
});

test('switching the version redraws the graph with that version’s modules', async ({ explorer }) => {
  const index = datasetIndex();
  const oldest = index.datasets[0];
  if (!oldest || oldest.version === index.default) throw new Error('need a second dataset');
  const before = await explorer.nodeCount();
  // chan_sip was removed in Asterisk 21; the oldest built-in version still has it.
  expect(await explorer.hasNode('chan_sip')).toBe(false);

  await explorer.chooseVersion(oldest.version);
  await expect(explorer.moduleCount).toHaveText(`${oldest.modules} modules`);
  expect(await explorer.hasNode('chan_sip')).toBe(true);
  expect(await explorer.nodeCount()).not.toBe(before);
});
