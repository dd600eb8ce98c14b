import { expect, test } from './fixtures';
import { fixturePath } from './pages/ExplorerPage';
import { ExplainPage } from './pages/ExplainPage';

// The default dataset is the newest release, 23.4.1: chan_pjsip needs res_sorcery_config through
// res_pjsip (and longer ways), and noload res_pjsip takes down chan_pjsip with the res_pjsip_* family.

test('the path finder lists every path between two modules, draws them, and says when only the reverse has one', async ({
  explorer,
}) => {
  const explain = new ExplainPage(explorer);
  await explorer.findModule('chan_pjsip');
  await expect(explorer.inspectorHeading('chan_pjsip')).toBeVisible();
  await explain.open();
  // From starts at the selected module.
  await expect(explain.from).toHaveValue('chan_pjsip');
  await explain.to.fill('res_sorcery_config');
  await explain.findPaths.click();

  await expect(explain.pathsFound).toHaveText(
    /^\d+ paths from chan_pjsip to res_sorcery_config \(shortest first\)$/,
  );
  expect(await explain.pathModules(0)).toEqual(['chan_pjsip', 'res_pjsip', 'res_sorcery_config']);
  const count = Number((await explain.pathsFound.textContent())?.split(' ')[0]);
  await expect(
    explain.pathList.getByRole('listitem').filter({ has: explain.page.getByRole('list') }),
  ).toHaveCount(count);
  await expect.poll(() => explain.highlighted('res_pjsip')).toBe(true);
  await expect.poll(() => explain.highlighted('res_sorcery_config')).toBe(true);
  await expect.poll(() => explain.highlighted('app_dial')).toBe(false);

  // Asked the other way round, the answer says so and still shows the paths.
  await explain.swap.click();
  await expect(explain.from).toHaveValue('res_sorcery_config');
  await expect(explain.to).toHaveValue('chan_pjsip');
  await explain.findPaths.click();
  await expect(explain.pathsFound).toContainText('No path from res_sorcery_config to chan_pjsip');
  await expect(explain.pathsFound).toContainText('the other way');

  await explain.clearPaths.click();
  await expect(explain.pathsFound).toBeHidden();
  await expect.poll(() => explain.highlighted('res_pjsip')).toBe(false);

  // A name that is not a module is said plainly, with the nearest one.
  await explain.from.fill('chan_pjsipp');
  await explain.findPaths.click();
  await expect(explain.panel.getByRole('alert')).toContainText("no module named 'chan_pjsipp'");
  await expect(explain.panel.getByRole('alert')).toContainText('did you mean chan_pjsip?');
});

test('impact: noload res_pjsip takes down chan_pjsip, counted and highlighted before anything runs', async ({
  explorer,
}) => {
  const explain = new ExplainPage(explorer);
  await explorer.findModule('res_pjsip');
  await expect(explorer.inspectorHeading('res_pjsip')).toBeVisible();
  await explorer.inspector.getByRole('button', { name: 'Impact if res_pjsip is noloaded' }).click();

  await expect(explain.panel).toBeVisible();
  await expect(explain.impactModule).toHaveValue('res_pjsip');
  await expect(explain.impactKind).toHaveValue('noload');
  await expect(explain.impactSummary).toHaveText(/^noload res_pjsip takes down \d+ modules$/);
  const taken = Number(/(\d+) modules/.exec((await explain.impactSummary.textContent()) ?? '')?.[1]);
  expect(taken).toBeGreaterThan(40);
  await expect(explain.takenDown.getByRole('listitem')).toHaveCount(taken);
  await expect.poll(() => explain.highlighted('chan_pjsip')).toBe(true);
  await expect.poll(() => explain.highlighted('app_dial')).toBe(false);

  // Each module says why, on demand.
  const chan = explain.takenDown.getByRole('listitem').filter({ hasText: /^chan_pjsip/ });
  await chan.getByText('chan_pjsip', { exact: true }).first().click();
  await expect(chan.getByRole('list', { name: 'Why chan_pjsip goes down' })).toContainText('res_pjsip');

  // Another case is answered at once, without a Run: res_pjsip cannot be unloaded with its
  // dependents while res_pjsip_refer holds itself until shutdown.
  await explain.impactKind.selectOption({ label: 'is unloaded' });
  await expect(explain.impactSummary).toHaveText('unloading res_pjsip takes down no other module');
  await expect(explain.panel).toContainText(
    'Module res_pjsip_refer cannot be unloaded (would still have use count 1/1 after unloading dependents)',
  );

  // A built-in cannot be noloaded: the answer says why nothing applies.
  await explain.impactKind.selectOption({ label: 'is noloaded' });
  await explain.impactModule.fill('logger');
  await expect(explain.impactSummary).toHaveText('noload logger takes down no other module');
  await expect(explain.panel).toContainText('built into Asterisk');
});

test('impact follows the selection while the Explain tab is open', async ({ explorer }) => {
  const explain = new ExplainPage(explorer);
  await explorer.findModule('res_odbc');
  await expect(explorer.inspectorHeading('res_odbc')).toBeVisible();
  await explain.open();
  await expect(explain.impactSummary).toHaveText(/^res_odbc failing to load takes down \d+ modules$/);
  const funcOdbc = explain.takenDown.getByRole('listitem').filter({ hasText: /^func_odbc/ });
  await expect(funcOdbc).toBeVisible();

  // Picking a module in an explanation selects it without leaving the tab, and Impact follows.
  // The first is the row's own name (it opens the why); the chain inside names func_odbc again.
  await funcOdbc.getByText('func_odbc', { exact: true }).first().click();
  await funcOdbc
    .getByRole('list', { name: 'Why func_odbc goes down' })
    .getByRole('button', { name: 'func_odbc' })
    .first()
    .click();
  await expect(explain.impactModule).toHaveValue('func_odbc');
  await expect(explain.impactSummary).toHaveText(/^func_odbc failing to load takes down/);
});

test("cycles: 23.4.1's one (through master's link facts); a file with one lists it, and clicking it draws it", async ({
  explorer,
}) => {
  const explain = new ExplainPage(explorer);
  await explain.open();
  await expect(explain.cyclesFound).toHaveText('1 dependency cycle');
  await expect(
    explain.cycleList.getByRole('button', { name: 'res_odbc → res_odbc_transaction → res_odbc' }),
  ).toBeVisible();

  await explorer.openFiles([fixturePath('cycle-menuselect-tree.xml')]);
  await explorer.waitForGraph('custom');
  await explain.open();
  await expect(explain.cyclesFound).toHaveText('1 dependency cycle');
  const cycle = explain.cycleList.getByRole('button', {
    name: 'res_cycle_alpha → res_cycle_beta → res_cycle_gamma → res_cycle_alpha',
  });
  await cycle.click();
  await expect(cycle).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => explain.highlighted('res_cycle_beta')).toBe(true);
  await expect.poll(() => explain.highlighted('res_cycle_free')).toBe(false);
});
