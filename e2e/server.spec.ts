import { expect, test } from './fixtures';

// Fixtures from scripts/build-trace-fixtures.ts: the startup log and module show of a real Asterisk
// master build (commit f0c1c1a7, scenario 01-baseline-autoload), and that log changed so that
// app_dial declines in its own load() after a WARNING line.
const FIXTURES = 'e2e/fixtures/server';

test('a baseline startup log and module show agree with the prediction, drawn on the graph', async ({
  explorer,
  page,
}) => {
  await explorer.chooseVersion('master');
  await page.getByRole('tab', { name: 'Server' }).click();
  const panel = page.getByRole('region', { name: 'Your server' });
  await panel.getByLabel('Open startup log').setInputFiles(`${FIXTURES}/baseline-full.log`);
  await panel.getByLabel('Open module show').setInputFiles(`${FIXTURES}/baseline-module-show.txt`);
  await expect(panel.getByLabel('Server version')).toContainText('UNKNOWN__and_probably_unsupported');

  // Own-load declines (missing config files on that server) differ from what metadata can predict.
  const verdict = panel.getByRole('status', { name: 'Verdict' });
  await expect(verdict).toContainText('54 modules differ from the prediction');
  const table = panel.getByRole('table', { name: 'Log and prediction' });
  const odbc = table.getByRole('row', { name: /^res_odbc / });
  await expect(odbc).toContainText('config error');
  await expect(odbc).toContainText('res_odbc.c: Unable to load config file res_odbc.conf');

  // Taken as expected, what is left is the loader's behaviour: it agrees on every module.
  await panel.getByLabel(/Take declines in a module's own load\(\) as expected/).check();
  await expect(verdict).toHaveText('Agreement: the log and the prediction agree on all 322 modules.');
  await expect(table).toHaveCount(0);
  await expect(panel.getByText('No module differs.')).toBeVisible();

  // The graph shows what really happened.
  await explorer.allElementsAdded();
  await expect.poll(() => explorer.nodeHasClass('res_odbc', 'out-declined')).toBe(true);
  await expect.poll(() => explorer.nodeHasClass('app_dial', 'out-running')).toBe(true);
  await expect.poll(() => explorer.nodeHasClass('app_dial', 'out-disagree')).toBe(false);
});

test('a module that declined unexpectedly is a disagreement with its cause and the log line', async ({
  explorer,
  page,
}) => {
  await explorer.chooseVersion('master');
  await page.getByRole('tab', { name: 'Server' }).click();
  const panel = page.getByRole('region', { name: 'Your server' });
  // The server of the first test, the day app_dial lost its configuration.
  await panel.getByLabel('Open startup log').setInputFiles(`${FIXTURES}/declined-full.log`);
  const verdict = panel.getByRole('status', { name: 'Verdict' });
  const table = panel.getByRole('table', { name: 'Log and prediction' });
  const dial = table.getByRole('row', { name: /^app_dial / });
  await expect(dial).toContainText('declined');
  await expect(dial).toContainText('started');
  await expect(dial).toContainText('config error');
  await expect(dial).toContainText('app_dial.c: No such configuration file dial.conf, declining');
  await expect(verdict).toContainText('55 modules differ');

  // On the graph: filled as declined, ringed as differing; its name opens it in the inspector.
  await explorer.allElementsAdded();
  await expect.poll(() => explorer.nodeHasClass('app_dial', 'out-disagree')).toBe(true);
  await expect.poll(() => explorer.nodeHasClass('app_dial', 'out-declined')).toBe(true);
  await dial.getByRole('button', { name: 'app_dial' }).click();
  await expect(explorer.inspectorHeading('app_dial')).toBeVisible();
});
