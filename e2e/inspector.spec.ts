import { expect, test } from './fixtures';

test('finding a module by name opens its inspector with its facts, dependencies and what it provides', async ({
  explorer,
}) => {
  await explorer.findModule('res_pjsip_session');
  await expect(explorer.inspectorHeading('res_pjsip_session')).toBeVisible();
  const inspector = explorer.inspector;
  await expect(inspector.getByText('Load priority')).toBeVisible();
  // 23.4.1's build was not recorded: its link facts are the master build's, said per module.
  await expect(
    inspector.getByText("from the Asterisk master build (this release's build was not recorded)"),
  ).toBeVisible();
  const dependencies = inspector.getByRole('region', { name: 'Dependencies' });
  await expect(dependencies.getByRole('button', { name: 'res_pjsip', exact: true }).first()).toBeVisible();
  await expect(dependencies.getByRole('button', { name: 'pjproject', exact: true })).toBeVisible();
  await expect.poll(() => explorer.nodeHasClass('res_pjsip_session', 'selected')).toBe(true);

  // Dependencies are links: following one inspects it, and the way back is among its dependents.
  await dependencies.getByRole('button', { name: 'res_pjsip', exact: true }).first().click();
  await expect(explorer.inspectorHeading('res_pjsip')).toBeVisible();
  const dependents = inspector.getByRole('region', { name: 'Dependents' });
  await expect(
    dependents.getByRole('button', { name: 'res_pjsip_session', exact: true }).first(),
  ).toBeVisible();
});

test('clicking a node on the canvas opens its inspector', async ({ explorer }) => {
  // The whole graph starts grouped: open the apps category, then click one of its modules.
  await explorer.clickNode('group:apps');
  await explorer.clickNode('app_confbridge');
  await expect(explorer.inspectorHeading('app_confbridge')).toBeVisible();
  const provides = explorer.inspector.getByRole('region', { name: 'Provides' });
  await expect(provides.getByRole('button', { name: 'ConfBridge', exact: true })).toBeVisible();
  await expect.poll(() => explorer.nodeHasClass('app_confbridge', 'selected')).toBe(true);
});

test('an application provided by several modules is one highlighted node linked to each of them', async ({
  explorer,
  page,
}) => {
  await page.getByRole('radio', { name: 'Providers' }).check();
  await explorer.waitForGraph((await explorer.canvas.getAttribute('data-graph-version')) ?? '', /providers/);
  await explorer.findModule('voicemail');
  await expect(explorer.inspectorHeading('VoiceMail')).toBeVisible();
  const providers = explorer.inspector.getByRole('region', { name: 'Provided by' });
  for (const name of ['app_voicemail', 'app_voicemail_imap', 'app_voicemail_odbc']) {
    await expect(providers.getByRole('button', { name, exact: true })).toBeVisible();
  }
  expect(await explorer.nodeHasClass('item:application:voicemail', 'multi-provider')).toBe(true);
});
