import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SimulationPage } from './pages/SimulationPage';

const DIALPLAN = 'e2e/fixtures/dialplan/extensions.conf';
const INCLUDED = 'e2e/fixtures/dialplan/users.conf';

async function openPlan(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Plan' }).click();
  const panel = page.getByRole('region', { name: 'Plan', exact: true });
  await expect(panel.getByRole('radiogroup', { name: 'Plan task' })).toBeVisible();
  return panel;
}

async function downloaded(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('slim from a dialplan with an include: used names, the plan, verified, downloaded and simulated', async ({
  explorer,
}) => {
  const page = explorer.page;
  const panel = await openPlan(page);
  const open = panel.getByLabel('Open dialplan files');

  // extensions.conf alone: its #include is a located problem, not a crash.
  await open.setInputFiles([DIALPLAN]);
  await expect(panel.getByRole('list', { name: 'Dialplan problems' })).toContainText(
    /extensions\.conf:12:\d+.*users\.conf/,
  );
  // Opened together, the include is read.
  await open.setInputFiles([INCLUDED]);
  await expect(panel.getByRole('list', { name: 'Dialplan files' })).toContainText('users.conf');
  await expect(panel.getByRole('list', { name: 'Dialplan problems' })).toHaveCount(0);
  await expect(panel.getByLabel('Dialplan read')).toContainText('Read extensions.conf, users.conf');

  const apps = panel.getByRole('list', { name: 'Used applications' });
  await expect(apps.getByRole('listitem').filter({ hasText: /^Dial/ })).toContainText(
    /^Dial app_dial users\.conf:4, extensions\.conf:23/,
  );
  await expect(apps.getByRole('listitem').filter({ hasText: /^VoiceMail / })).toContainText('app_voicemail');
  await expect(panel.getByRole('list', { name: 'Used channel technologies' })).toContainText('PJSIP');

  const verdict = panel.getByRole('status', { name: 'Verification' });
  await expect(verdict).toHaveText(
    /^Verified: all \d+ modules start; every used application and function is available\.$/,
  );
  const count = Number(/all (\d+) modules/.exec((await verdict.textContent()) ?? '')?.[1]);
  await expect(panel.getByLabel('Saving')).toHaveText(
    new RegExp(`^\\d+ modules load with autoload = yes; ${count} with the plan`),
  );
  await expect(
    panel
      .getByRole('list', { name: 'Planned Applications (apps)' })
      .getByRole('listitem')
      .filter({ has: page.getByText('app_dial', { exact: true }) }),
  ).toContainText('Dial used in [users] exten _1XX, users.conf line 4');
  await expect(
    panel
      .getByRole('list', { name: 'Planned Resources (res)' })
      .getByRole('listitem')
      .filter({ has: page.getByText('res_pjsip', { exact: true }) }),
  ).toContainText('required by chan_pjsip');

  // The downloaded file is the plan: autoload off, one load line per planned module, nothing else.
  const file = await downloaded(page, panel.getByRole('button', { name: 'Download modules.conf' }));
  expect(file.name).toBe('modules.conf');
  expect(file.text).toMatch(/^\[modules\]\nautoload = no$/m);
  const loaded = [...file.text.matchAll(/^load => (\w+)\.so/gm)].map((m) => m[1]);
  expect(loaded).toHaveLength(count);
  expect(loaded).toEqual(
    expect.arrayContaining(['app_dial', 'app_voicemail', 'chan_pjsip', 'res_pjsip', 'pbx_config']),
  );
  expect(loaded).not.toContain('app_queue');
  expect(file.text).toMatch(
    /^load => app_dial\.so +; Dial used in \[users\] exten _1XX, users\.conf line 4/m,
  );

  // Into Simulate: the planned modules run, the rest is not loaded.
  await panel.getByRole('button', { name: 'Use in Simulate' }).click();
  const sim = new SimulationPage(explorer);
  await expect(sim.startupResult).toHaveText(/Asterisk started/);
  await expect(sim.modulesConf).toContainText('autoload = no');
  await sim.expectOutcome('app_dial', 'running');
  await sim.expectOutcome('chan_pjsip', 'running');
  await sim.expectOutcome('app_queue', 'not-loaded');
});

test('an edit in the dialplan editor re-plans: a typo is a warning at its line and fails the verification', async ({
  explorer,
}) => {
  const page = explorer.page;
  const panel = await openPlan(page);
  await panel.getByLabel('Open dialplan files').setInputFiles([DIALPLAN, INCLUDED]);
  await expect(panel.getByRole('status', { name: 'Verification' })).toHaveText(/^Verified/);

  const editor = panel.getByRole('textbox', { name: 'extensions.conf', exact: true });
  const text = readFileSync(DIALPLAN, 'utf8').replace('Playback(welcome)', 'Playbak(welcome)');
  await editor.fill(text);
  await expect(panel.getByRole('list', { name: 'Plan warnings' })).toContainText(
    /extensions\.conf:17:\d+.*application Playbak is provided by no module/,
  );
  await expect(panel.getByRole('status', { name: 'Verification' })).toHaveText(/^Not verified/);
  await expect(panel.getByRole('list', { name: 'What would fail' })).toContainText('application Playbak');
});

test('upgrade: an Asterisk 18 modules.conf carried to 23.4.1, findings and the rewritten file', async ({
  explorer,
}) => {
  const page = explorer.page;
  // The version on screen stays 23.4.1: the file's own version is picked in the Upgrade view.
  const sim = new SimulationPage(explorer);
  await sim.open();
  await page.getByLabel('Open modules.conf').setInputFiles('e2e/fixtures/modules-18.conf');
  await expect(sim.modulesConf).toContainText('load => app_macro.so');

  const panel = await openPlan(page);
  await panel.getByRole('radio', { name: 'Upgrade' }).check();
  await panel.getByLabel('From version').selectOption('18.26.4');
  await expect(panel.getByLabel('To version')).toHaveValue('23.4.1');
  await expect(page.getByLabel('Asterisk version')).toHaveValue('23.4.1');

  const findings = panel.getByRole('list', { name: 'Upgrade findings' });
  const macro = findings.getByRole('listitem').filter({ hasText: 'line 4: load => app_macro.so' });
  await expect(macro).toContainText('replaced by app_stack.so');
  await expect(macro).toContainText('removed in 21');
  const sip = findings.getByRole('listitem').filter({ hasText: 'line 5: load => chan_sip.so' });
  await expect(sip).toContainText('no replacement is named in its metadata');
  await expect(sip).toContainText(/Channel drivers in Asterisk 23\.4\.1: .*chan_pjsip/);
  await expect(panel.getByRole('status', { name: 'Upgrade verdict' })).toHaveText(
    /^modules-18\.conf would not do what it says on Asterisk 23\.4\.1: .*The rewritten file does what it says\.$/,
  );
  const rewritten = panel.getByRole('textbox', { name: 'Rewritten modules.conf' });
  await expect(rewritten).toContainText('load => app_stack.so');
  await expect(rewritten).toContainText(';load => chan_sip.so');

  const file = await downloaded(page, panel.getByRole('button', { name: 'Download rewritten modules.conf' }));
  expect(file.name).toBe('modules.conf');
  expect(file.text).toMatch(/^load => app_stack\.so$/m);
  expect(file.text).toMatch(/^;load => chan_sip\.so$/m);
  expect(file.text).toMatch(/^; \[upgrade to 23\.4\.1\] chan_sip: removed in 21/m);
});
