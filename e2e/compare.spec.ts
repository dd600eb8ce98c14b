import { expect, test } from './fixtures';
import { ExplainPage } from './pages/ExplainPage';

test('compare 18.26.4 with 23.4.1: counts, chan_sip removed, and the overlay on the graph', async ({
  explorer,
}) => {
  const explain = new ExplainPage(explorer);
  await explain.openCompare();
  // By default: the version before the one on screen (23.4.1, the newest release), and that one.
  await expect(explain.fromVersion).toHaveValue('22.10.1');
  await expect(explain.toVersion).toHaveValue('23.4.1');
  await expect(explain.comparison).toHaveText(/^22\.10\.1 → 23\.4\.1: \d+ added/);

  await explain.fromVersion.selectOption('18.26.4');
  await expect(explain.comparison).toHaveText(
    /^18\.26\.4 → 23\.4\.1: \d+ added, \d+ removed, \d+ renamed-looking, \d+ changed$/,
  );
  const removed = explain.comparePanel.getByRole('list', { name: 'Removed' });
  await expect(removed.getByText('chan_sip', { exact: true })).toBeVisible();
  await expect(explain.comparePanel.getByRole('list', { name: 'Added' })).toContainText('chan_websocket');
  await expect(explain.comparePanel.getByRole('heading', { name: /^Changed \(\d+\)$/ })).toBeVisible();
  await expect(explain.comparePanel.getByRole('list', { name: 'Changed dependencies' })).toContainText(
    'app_dial',
  );

  // A module on screen is a link; it selects the module.
  await explain.comparePanel
    .getByRole('list', { name: 'Added' })
    .getByRole('button', { name: 'chan_websocket' })
    .click();
  await explorer.inspectorTab.click();
  await expect(explorer.inspectorHeading('chan_websocket')).toBeVisible();

  await explain.openCompare();
  await explain.showOnGraph.check();
  await expect.poll(() => explain.classesOf('chan_websocket', 'diff-')).toContain('diff-added');
  await expect(explorer.versionPicker).toHaveValue('23.4.1');

  // Switching datasets another way takes the overlay off.
  await explorer.chooseVersion('master');
  await expect.poll(() => explain.classesOf('chan_websocket', 'diff-')).toEqual([]);
  await explain.openCompare();
  await expect(explain.showOnGraph).not.toBeChecked();
});

test('"Show on graph" loads the To version when another one is on screen', async ({ explorer }) => {
  const explain = new ExplainPage(explorer);
  await explorer.chooseVersion('18.26.4');
  await explain.openCompare();
  await explain.fromVersion.selectOption('18.26.4');
  await explain.toVersion.selectOption('23.4.1');
  await expect(explain.comparison).toContainText('18.26.4 → 23.4.1');
  await explain.showOnGraph.check();
  await explorer.waitForGraph('23.4.1');
  await expect(explain.showOnGraph).toBeChecked();
  // Selecting an added module puts it on screen (the grouped whole-graph view draws no module).
  await explain.comparePanel
    .getByRole('list', { name: 'Added' })
    .getByRole('button', { name: 'chan_websocket' })
    .click();
  await expect.poll(() => explain.classesOf('chan_websocket', 'diff-')).toContain('diff-added');
});
