import { expect, test } from './fixtures';

test('the force layout moves nodes and the layered layout puts them back', async ({ explorer, page }) => {
  const version = (await explorer.canvas.getAttribute('data-graph-version')) ?? '';
  const layered = await explorer.nodePosition('res_pjsip');
  await page.getByLabel('Layout').selectOption('force');
  await explorer.waitForGraph(version, /^force\//);
  expect(await explorer.nodePosition('res_pjsip')).not.toEqual(layered);
  await page.getByLabel('Layout').selectOption('layered');
  await explorer.waitForGraph(version, /^layered\//);
  expect(await explorer.nodePosition('res_pjsip')).toEqual(layered);
});

test('libraries can be shown and non-loadable entries too', async ({ explorer, page }) => {
  expect(await explorer.hasNode('lib:pjproject')).toBe(false);
  expect(await explorer.hasNode('sig_analog')).toBe(false);
  await page.getByLabel('Show libraries').check();
  await expect.poll(() => explorer.hasNode('lib:pjproject')).toBe(true);
  expect(
    await explorer.page.evaluate(
      () => window.__cy?.getElementById('uses-library:res_pjsip->lib:pjproject').length,
    ),
  ).toBe(1);
  await page.getByLabel('Show non-loadable entries').check();
  await expect.poll(() => explorer.hasNode('sig_analog')).toBe(true);
  await page.getByLabel('Show libraries').uncheck();
  await expect.poll(() => explorer.hasNode('lib:pjproject')).toBe(false);
});
