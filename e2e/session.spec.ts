import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { fixturePath } from './pages/ExplorerPage';
import { SimulationPage } from './pages/SimulationPage';

const CONF = '[modules]\nautoload = yes\nnoload => app_queue.so\n';

test('a session with your own files survives a reload, saves to one file, resets, and opens again', async ({
  explorer,
}) => {
  const page = explorer.page;
  const defaultVersion = await explorer.versionPicker.inputValue();
  await explorer.openFiles([fixturePath('core-en_US.xml'), fixturePath('menuselect-tree.xml')]);
  await explorer.waitForGraph('custom');
  const count = await explorer.moduleCount.textContent();
  await explorer.findModule('res_pjsip_session');
  await expect(explorer.inspectorHeading('res_pjsip_session')).toBeVisible();
  const sim = new SimulationPage(explorer);
  await sim.open();
  await sim.modulesConf.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(CONF);
  await sim.run();
  // Own files have no link: the button says why instead.
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeDisabled();

  /** The state a user would check after a reload or an opened session. */
  const expectSameState = async (): Promise<void> => {
    await explorer.waitForGraph('custom');
    await expect(explorer.moduleCount).toHaveText(count ?? '');
    // The tab it was left on comes back too.
    await expect(sim.tab).toHaveAttribute('aria-selected', 'true');
    await explorer.inspectorTab.click();
    await expect(explorer.inspectorHeading('res_pjsip_session')).toBeVisible();
    await sim.open();
    await expect(sim.modulesConf).toContainText('noload => app_queue.so');
    await expect(sim.startupResult).toHaveText(/Asterisk started/);
  };

  // The browser keeps the session as you work: a reload loses nothing.
  await page.waitForTimeout(1500);
  await page.reload();
  await expectSameState();

  const session = page.getByRole('button', { name: 'Session', exact: true });
  await session.click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: /Save session/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^asterisk-session-.*\.json$/);
  const saved = readFileSync(await download.path(), 'utf8');
  const json = JSON.parse(saved) as { format: string; data: { files: Array<{ name: string }> } };
  expect(json.format).toBe('asterisk-module-explorer-session');
  expect(json.data.files.map((f) => f.name)).toEqual(['core-en_US.xml', 'menuselect-tree.xml']);

  // Reset forgets it: the default dataset, the default modules.conf.
  await session.click();
  await page.getByRole('menuitem', { name: /Reset/ }).click();
  await expect(explorer.versionPicker).toHaveValue(defaultVersion);
  await explorer.waitForGraph(defaultVersion);
  await sim.open();
  await expect(sim.modulesConf).not.toContainText('app_queue');

  // Open session brings everything back.
  await session.click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('menuitem', { name: 'Open session…' }).click(),
  ]);
  await chooser.setFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expectSameState();

  // Something that is not a session is refused with a message; the state stays.
  await session.click();
  const [other] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('menuitem', { name: 'Open session…' }).click(),
  ]);
  await other.setFiles(fixturePath('menuselect-tree.xml'));
  await expect(page.getByRole('alert', { name: 'Link' })).toContainText(
    'menuselect-tree.xml is not a session saved by the Asterisk Module Explorer',
  );
  await expectSameState();
});
