import { expect, test } from './fixtures';
import { SimulationPage } from './pages/SimulationPage';

// The default dataset (newest release) has the runtime facts the loader needs: res_odbc is
// required by func_odbc, cdr_odbc, cel_odbc, cdr_adaptive_odbc and res_config_odbc.

test('a fault injected from the context menu declines the module and everything that depends on it', async ({
  explorer,
}) => {
  const sim = new SimulationPage(explorer);
  // The whole graph starts grouped by category: focus res_odbc so its node is drawn to right-click.
  await explorer.findModule('res_odbc');
  await explorer.waitForStillGraph();
  await sim.open();
  await sim.injectFaultFromGraph('res_odbc', 'Decline at load');
  await expect(sim.panel.getByRole('list', { name: 'Injected faults' })).toContainText('res_odbc');
  await sim.run();

  await expect(sim.startupResult).toHaveText(/Asterisk started/);
  await sim.expectOutcome('res_odbc', 'declined');
  await sim.expectOutcome('func_odbc', 'declined');
  await sim.expectOutcome('cdr_odbc', 'declined');
  await sim.expectOutcome('app_dial', 'running');
  await expect(sim.legend.getByRole('region', { name: 'Simulation outcome' })).toContainText('Declined');

  // The inspector explains the cascade, and the cause is a link to its own explanation.
  await explorer.findModule('func_odbc');
  await expect(explorer.inspectorHeading('func_odbc')).toBeVisible();
  const why = sim.inspectorSimulation.getByRole('list', { name: 'Why' });
  await expect(why).toContainText('func_odbc declined because res_odbc');
  await why.getByRole('button', { name: 'res_odbc' }).first().click();
  await expect(explorer.inspectorHeading('res_odbc')).toBeVisible();
  await expect(sim.inspectorSimulation.getByRole('list', { name: 'Why' })).toContainText(
    'declined in its own load()',
  );

  // Back to the category colours.
  await sim.legend.getByRole('button', { name: 'Colour by category' }).click();
  await expect.poll(() => sim.outcomeOf('func_odbc')).toBeUndefined();
});

test('the inspector offers the same faults from the keyboard', async ({ explorer }) => {
  const sim = new SimulationPage(explorer);
  await explorer.findModule('res_curl');
  await expect(explorer.inspectorHeading('res_curl')).toBeVisible();
  await sim.inspectorSimulation.getByLabel('Fault').selectOption({ label: 'Decline at load' });
  await sim.open();
  await sim.run();
  await sim.expectOutcome('res_curl', 'declined');
  await sim.expectOutcome('func_curl', 'declined');
});

test('scrubbing the timeline shows the boot step by step on the graph', async ({ explorer }) => {
  const sim = new SimulationPage(explorer);
  await sim.open();
  await sim.run();
  await expect(sim.timelinePosition).toContainText('end state');
  await sim.expectOutcome('app_dial', 'running');

  await sim.scrubTo(0);
  await expect(sim.timelinePosition).toContainText('Step 1 of');
  await sim.expectOutcome('app_dial', 'pending');
  await sim.expectOutcome('res_odbc', 'pending');

  // Somewhere in the middle, early (high priority) modules run and late ones are still pending.
  const max = Number(await sim.timelineSlider.getAttribute('max'));
  await sim.scrubTo(Math.floor(max * 0.9));
  await expect(sim.timelinePosition).not.toContainText('Step 1 of');
  await expect.poll(() => sim.outcomeOf('res_odbc')).toBe('out-running');

  // Play moves forward on its own; Pause stops it.
  await sim.scrubTo(0);
  await sim.panel.getByRole('button', { name: 'Play' }).click();
  await expect(sim.timelinePosition).not.toContainText('Step 1 of');
  await sim.panel.getByRole('button', { name: 'Pause' }).click();
  const paused = await sim.timelinePosition.textContent();
  await explorer.page.waitForTimeout(300);
  await expect(sim.timelinePosition).toHaveText(paused ?? '');
});

test('unloading a module in use is refused, and refreshing it recursively unloads and reloads its dependents', async ({
  explorer,
}) => {
  const sim = new SimulationPage(explorer);
  await sim.open();
  await sim.run();
  await explorer.findModule('res_smdi');
  await expect(explorer.inspectorHeading('res_smdi')).toBeVisible();
  await expect(sim.inspectorSimulation).toContainText('use count 4');

  await sim.runCommandFromInspector('Unload');
  await expect(sim.commandResult).toContainText('*CLI> module unload res_smdi');
  await expect(sim.commandResult).toContainText("Soft unload failed, 'res_smdi' has use count 4");
  await expect(sim.commandResult).toContainText('Unable to unload resource res_smdi');
  await sim.expectOutcome('res_smdi', 'running');

  await sim.runCommandFromInspector('Refresh recursively');
  await expect(sim.commandResult).toContainText('*CLI> module refresh res_smdi recursively');
  await expect(sim.commandResult).toContainText(
    'Unloaded app_voicemail → app_voicemail_imap → app_voicemail_odbc → chan_dahdi → res_smdi',
  );
  await expect(sim.commandResult).toContainText(
    'Loaded res_smdi → chan_dahdi → app_voicemail_odbc → app_voicemail_imap → app_voicemail',
  );
  // What no dataset can know is said where it matters.
  await expect(sim.commandResult).toContainText('calls in progress');
  await expect
    .poll(() =>
      explorer.page.evaluate(() => window.__cy?.getElementById('chan_dahdi').hasClass('out-reloaded')),
    )
    .toBe(true);

  // Both commands are kept and replayed, in order, in the Simulate tab and the log.
  await sim.open();
  const commands = sim.panel.getByRole('region', { name: 'Run-time commands' });
  await expect(commands.getByText('*CLI> module unload res_smdi')).toBeVisible();
  await expect(commands.getByText('*CLI> module refresh res_smdi recursively')).toBeVisible();
  await sim.logFilter.fill('Unloading');
  await expect(sim.log).toContainText('Unloading app_voicemail.so');
});

test('a module that holds itself until shutdown cannot be refreshed, even with its dependents', async ({
  explorer,
}) => {
  // res_odbc's load_module() calls ast_module_shutdown_ref: the dataset's run-time references.
  const sim = new SimulationPage(explorer);
  await sim.open();
  await sim.run();
  await explorer.findModule('res_odbc');
  await expect(explorer.inspectorHeading('res_odbc')).toBeVisible();
  await expect(sim.inspectorSimulation).toContainText('use count 6');
  await sim.runCommandFromInspector('Refresh recursively');
  await expect(sim.commandResult).toContainText('*CLI> module refresh res_odbc recursively');
  await expect(sim.commandResult).toContainText(
    'Module res_odbc cannot be unloaded (would still have use count 1/6 after unloading dependents)',
  );
  await expect(sim.commandResult).toContainText('Unable to unload resource res_odbc');
  await sim.expectOutcome('func_odbc', 'running');
});

test('a modules.conf Asterisk would reject shows the problem with line and column and keeps the result', async ({
  explorer,
}) => {
  const sim = new SimulationPage(explorer);
  await sim.open();
  await sim.run();
  await sim.modulesConf.fill('[modules]\nautoload = yes\n[broken\n');
  await sim.runButton.click();
  await expect(sim.panel.getByRole('alert')).toContainText('previous result is kept');
  await expect(sim.panel.getByRole('list', { name: 'modules.conf problems' })).toContainText(
    'modules.conf:3:1',
  );
  await expect(sim.modulesConf).toContainText('[broken');
  await expect(sim.startupResult).toHaveText(/Asterisk started/);

  // A configuration the loader accepts but that cannot start: noload of a required module.
  await sim.modulesConf.fill('[modules]\nautoload = yes\nrequire = res_odbc\nnoload = res_odbc\n');
  await sim.run();
  await expect(sim.startupResult).toHaveText(/Startup failed: Asterisk exits with status [12]/);
});

test("an opened sorcery.conf moves res_pjsip's wizard references to its wizards' modules", async ({
  explorer,
}) => {
  const sim = new SimulationPage(explorer);
  await sim.open();
  await sim.run();
  await explorer.findModule('res_sorcery_realtime');
  await expect(explorer.inspectorHeading('res_sorcery_realtime')).toBeVisible();
  await expect(sim.inspectorSimulation).toContainText('use count 0');

  await sim.open();
  await sim.panel.getByLabel('Open sorcery.conf').setInputFiles({
    name: 'sorcery.conf',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      '[res_pjsip]\nendpoint=realtime,ps_endpoints\naor=realtime,ps_aors\nauth=realtime,ps_auths\n',
    ),
  });
  await expect(sim.panel.getByRole('group', { name: 'sorcery.conf' })).toContainText('sorcery.conf');
  await expect(sim.runButton).toBeEnabled();
  await explorer.findModule('res_sorcery_realtime');
  await expect(sim.inspectorSimulation).toContainText('use count 3');
  await sim.open();

  // A line it cannot read is named with its line; the previous result stays.
  await sim.panel.getByLabel('Open sorcery.conf').setInputFiles({
    name: 'broken.conf',
    mimeType: 'text/plain',
    buffer: Buffer.from('[res_pjsip]\nendpoint\n'),
  });
  await expect(sim.panel.getByRole('list', { name: 'sorcery.conf problems' })).toContainText(
    "broken.conf:2:1 'endpoint' is not 'type = wizard,data'.",
  );
  await explorer.findModule('res_sorcery_realtime');
  await expect(sim.inspectorSimulation).toContainText('use count 3');
});
