import { expect, test } from './fixtures';
import { SimulationPage } from './pages/SimulationPage';

// The default dataset is the newest release: chan_pjsip needs res_pjsip, res_pjsip_session and
// res_pjsip_pubsub, and dozens of modules need res_pjsip.

test('a load line whose module will not run leads the summary and is underlined in the editor', async ({
  explorer,
  page,
}) => {
  const sim = new SimulationPage(explorer);
  await sim.open();
  await sim.modulesConf.fill('[modules]\nautoload = no\nload => chan_pjsip.so\nload => app_dial.so\n');
  await sim.run();

  const intent = sim.panel.getByRole('region', { name: 'What modules.conf asks for' });
  await expect(intent.getByRole('status')).toHaveText('1 line of modules.conf does not do what it says');
  const failing = intent.getByRole('list', { name: 'Listed modules that do not run' });
  await expect(failing).toContainText(/line 3 · load => chan_pjsip\.so · (not loaded|declined)/);
  const why = failing.getByRole('list', { name: 'Why chan_pjsip does not run' });
  await expect(why).toContainText(
    'res_pjsip is not loaded: autoload is off and no modules.conf line lists it.',
  );
  // The counts follow the intent; the not-loaded modules are a count, not a list of names.
  await expect(sim.panel.getByRole('region', { name: 'Result' })).toContainText(/Not loaded\s*\d{3}/);
  await expect(sim.panel.getByRole('button', { name: 'app_queue', exact: true })).toHaveCount(0);

  // The editor underlines line 3, and hovering the underline shows why.
  const underline = sim.modulesConf.locator('.cm-line').nth(2).locator('.cm-lintRange-error');
  await expect(underline).toHaveText('load => chan_pjsip.so');
  await expect(sim.modulesConf.locator('.cm-lintRange')).toHaveCount(1);
  await underline.hover();
  const tooltip = page.locator('.cm-tooltip-hover .cm-diagnostic');
  await expect(tooltip).toContainText('line 3: load => chan_pjsip.so will not run');
  await expect(tooltip).toContainText('res_pjsip is not loaded');

  // A module name in the why-chain selects it.
  await why.getByRole('button', { name: 'res_pjsip', exact: true }).first().click();
  await expect(explorer.inspectorHeading('res_pjsip')).toBeVisible();
});

test('a noload line says once how many modules it disables, the names folded away', async ({ explorer }) => {
  const sim = new SimulationPage(explorer);
  await sim.open();
  await sim.modulesConf.fill('[modules]\nautoload = yes\nnoload => res_pjsip.so\n');
  await sim.run();

  const intent = sim.panel.getByRole('region', { name: 'What modules.conf asks for' });
  await expect(intent.getByRole('status')).toHaveText('modules.conf does what it says');
  const noloads = intent.getByRole('list', { name: 'noload lines' });
  await expect(noloads).toContainText(
    /^line 3 · noload => res_pjsip\.so disables \d+ modules besides res_pjsip/,
  );
  const count = Number(/disables (\d+)/.exec((await noloads.textContent()) ?? '')?.[1]);
  expect(count).toBeGreaterThan(40);
  await expect(sim.panel.getByText(/disables \d+ modules/)).toHaveCount(1);
  await expect(intent.getByRole('list', { name: 'Not running for want of a dependency' })).toHaveCount(0);

  // The names are behind a disclosure, all of them there.
  const names = noloads.getByRole('list', { name: 'Modules line 3 takes down' });
  await expect(names).toBeHidden();
  await noloads.getByText(`${count} modules`, { exact: true }).click();
  await expect(names.getByRole('listitem')).toHaveCount(count);
  await expect(names.getByRole('button', { name: 'chan_pjsip', exact: true })).toBeVisible();

  // One underline, a warning, on the noload line.
  await expect(sim.modulesConf.locator('.cm-lintRange')).toHaveCount(1);
  await expect(sim.modulesConf.locator('.cm-line').nth(2).locator('.cm-lintRange-warning')).toHaveText(
    'noload => res_pjsip.so',
  );
});

test('a binary or oversized file, or paste, is refused with a message and the text stays', async ({
  explorer,
}) => {
  const sim = new SimulationPage(explorer);
  await sim.open();
  const previous = '[modules]\nautoload = no\nload => app_dial.so\n';
  await sim.modulesConf.fill(previous);
  const open = sim.panel.getByLabel('Open modules.conf');
  const refused = sim.panel.getByRole('alert', { name: 'modules.conf refused' });

  await open.setInputFiles({
    name: 'chan_pjsip.so',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]),
  });
  await expect(refused).toHaveText(
    'chan_pjsip.so looks like a binary file, not text; it was not read. The previous text is kept.',
  );
  const lines = sim.modulesConf.locator('.cm-line');
  await expect(lines).toHaveText(previous.split('\n'));

  await open.setInputFiles({
    name: 'huge.conf',
    mimeType: 'text/plain',
    buffer: Buffer.from('noload => app_dial.so\n'.repeat(100_000)),
  });
  await expect(refused).toContainText(
    'huge.conf is 2.1 MB; a modules.conf may be at most 1 MB, so it was not read.',
  );
  await expect(sim.modulesConf).toContainText('load => app_dial.so');

  // A paste of 100,000 lines never reaches the editor.
  await sim.modulesConf.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'load => x.so\n'.repeat(100_000));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(refused).toContainText('Paste refused: The pasted text is');
  await expect(lines).toHaveText(previous.split('\n'));
});
