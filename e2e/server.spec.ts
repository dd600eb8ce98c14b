import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { ExplorerPage } from './pages/ExplorerPage';
import { SimulationPage } from './pages/SimulationPage';

// Fixtures from scripts/build-trace-fixtures.ts: the startup log and module show of a real Asterisk
// master build (commit f0c1c1a7, scenario 01-baseline-autoload), and that log changed so that
// app_dial declines in its own load() after a WARNING line.
const FIXTURES = 'e2e/fixtures/server';

/** The Server tab on the master dataset (the recorded build's). */
async function openServerTab(explorer: ExplorerPage, page: Page): Promise<Locator> {
  await explorer.chooseVersion('master');
  await page.getByRole('tab', { name: 'Server' }).click();
  return page.getByRole('region', { name: 'Your server' });
}

test('a baseline startup log and module show agree with the prediction, drawn on the graph', async ({
  explorer,
  page,
}) => {
  const panel = await openServerTab(explorer, page);
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
  const panel = await openServerTab(explorer, page);
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

test('module files (.so) are read in the browser: their links against each other and their registrations', async ({
  explorer,
  page,
}) => {
  const panel = await openServerTab(explorer, page);
  const open = panel.getByLabel('Open module files (.so)');
  // Tiny modules built by scripts/build-elf-fixtures.mjs: the user imports the provider's export.
  await open.setInputFiles([
    'src/ingest/elf/fixtures/app_fixture_user.so',
    'src/ingest/elf/fixtures/res_fixture_provider.so',
  ]);
  const build = panel.getByRole('region', { name: 'Build' });
  await expect(build.getByRole('heading')).toHaveText('Build, from 2 module files');
  await expect(build.getByRole('status', { name: 'Build verdict' })).toContainText(
    '2 files are unknown to the dataset',
  );
  await build.getByText('Every module file (2)').click();
  await expect(build).toContainText(
    'app_fixture_user.so (not in the dataset) · links against res_fixture_provider · registers: shutdown-self, format-interface · needs libm.so.6',
  );

  // The same bytes under the names of modules the dataset knows: app_dial would link against
  // res_odbc, which the dataset does not say, and the prediction takes the build's word.
  const bytes = (name: string): Buffer => readFileSync(`src/ingest/elf/fixtures/${name}`);
  await open.setInputFiles([
    { name: 'app_dial.so', mimeType: 'application/octet-stream', buffer: bytes('app_fixture_user.so') },
    {
      name: 'res_odbc.so',
      mimeType: 'application/octet-stream',
      buffer: bytes('res_fixture_provider.so'),
    },
  ]);
  await expect(build.getByRole('status', { name: 'Build verdict' })).toContainText(
    "1 module links differently from the dataset: the prediction below uses this build's links.",
  );
  const row = build
    .getByRole('table', { name: 'Links that differ' })
    .getByRole('row', { name: /^app_dial / });
  await expect(row).toContainText('res_odbc (ast_fixture_provider_count)');

  // A file that is not ELF is refused by name.
  await open.setInputFiles({
    name: 'res_bad.so',
    mimeType: 'text/plain',
    buffer: Buffer.from('not a module'),
  });
  await expect(panel.getByRole('list', { name: 'Problems with the server files' })).toContainText(
    'res_bad.so: Not an ELF file',
  );
});

test("module show's use counts carry into the Simulate tab: a reference the server holds refuses a recursive refresh", async ({
  explorer,
  page,
}) => {
  const panel = await openServerTab(explorer, page);
  // The recorded module show with one more reference on res_statsd than its dependents explain.
  const shown = readFileSync(`${FIXTURES}/baseline-module-show.txt`, 'utf8');
  const held = shown.replace(/^(res_statsd\.so\s+StatsD client support\s+)3 /m, '$14 ');
  expect(held).not.toBe(shown);
  await panel.getByLabel('Open module show').setInputFiles({
    name: 'module-show.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(held),
  });
  const offer = panel.getByRole('region', { name: 'Calibration' });
  await expect(offer).toContainText('res_statsd +1');
  await offer.getByRole('button', { name: 'Use in Simulate (states and use counts)' }).click();
  await expect(offer.getByRole('button', { name: 'Used in Simulate' })).toBeDisabled();

  const sim = new SimulationPage(explorer);
  await sim.open();
  await expect(sim.panel.getByRole('note', { name: 'Held references' })).toContainText('res_statsd +1');
  await explorer.findModule('res_statsd');
  await expect(explorer.inspectorHeading('res_statsd')).toBeVisible();
  await sim.runCommandFromInspector('Refresh recursively');
  await expect(sim.commandResult).toContainText('would still have use count 1/4 after unloading dependents');
  await expect(sim.commandResult).toContainText('Unable to unload resource res_statsd');
});
