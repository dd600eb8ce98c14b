import { expect, test } from './fixtures';
import { GraphPage } from './pages/GraphPage';

test('Tab reaches the graph; arrows walk the edges, announced; Enter selects; Home and Escape', async ({
  explorer,
  page,
}) => {
  const graph = new GraphPage(explorer);
  await explorer.findModule('res_pjsip_session');
  await expect(explorer.inspectorHeading('res_pjsip_session')).toBeVisible();
  await explorer.waitForStillGraph();

  // The last control before the canvas, then Tab.
  await graph.clearFocus.focus();
  await page.keyboard.press('Tab');
  await expect(graph.application).toBeFocused();
  await expect(graph.application).toHaveAttribute('aria-roledescription', 'graph');
  await expect(graph.announcer).toHaveText(
    /^res_pjsip_session — res, \d+ dependenc(y|ies), \d+ dependents?$/,
  );
  expect(await explorer.nodeHasClass('res_pjsip_session', 'kbd-focus')).toBe(true);

  // Down: to a dependent. The announced node carries the focus ring.
  const dependents = await page.evaluate(
    () =>
      window.__cy
        ?.getElementById('res_pjsip_session')
        .incomers('node')
        .filter((n) => !n.hasClass('hidden'))
        .map((n) => n.id()) ?? [],
  );
  expect(dependents.length).toBeGreaterThan(1);
  await page.keyboard.press('ArrowDown');
  await expect(graph.announcer).not.toHaveText(/^res_pjsip_session — /);
  const first = ((await graph.announcer.textContent()) ?? '').split(' — ')[0] ?? '';
  expect(dependents).toContain(first);
  expect(await explorer.nodeHasClass(first, 'kbd-focus')).toBe(true);
  expect(await explorer.nodeHasClass('res_pjsip_session', 'kbd-focus')).toBe(false);

  // Right: the next dependent of the same module; Left: back.
  await page.keyboard.press('ArrowRight');
  await expect(graph.announcer).not.toHaveText(new RegExp(`^${first} — `));
  const second = ((await graph.announcer.textContent()) ?? '').split(' — ')[0] ?? '';
  expect(dependents).toContain(second);
  await page.keyboard.press('ArrowLeft');
  await expect(graph.announcer).toHaveText(new RegExp(`^${first} — `));

  // Home: back to the selected module; Up: to what it needs.
  await page.keyboard.press('Home');
  await expect(graph.announcer).toHaveText(/^res_pjsip_session — /);
  await page.keyboard.press('ArrowUp');
  await expect(graph.announcer).toHaveText(/^res_pjsip — res, /);

  // Enter selects (and focuses) it.
  await page.keyboard.press('Enter');
  await expect(explorer.inspectorHeading('res_pjsip')).toBeVisible();
  await expect(graph.focusPath.getByRole('button')).toHaveText(['res_pjsip_session', 'res_pjsip']);

  // Escape: the whole graph again.
  await page.keyboard.press('Escape');
  await expect(graph.counts).toHaveText(/^Showing 484 of 484 modules in \d+ groups/);
});

test('Enter on a group node opens the category', async ({ explorer, page }) => {
  const graph = new GraphPage(explorer);
  await graph.application.focus();
  // The keyboard starts on the busiest node on screen: the res group.
  await expect(graph.announcer).toHaveText(/^res · \d+ — group of \d+ modules/);
  await page.keyboard.press('Enter');
  await explorer.waitForStillGraph();
  expect(await explorer.isDrawn('res_pjsip')).toBe(true);
  expect(await explorer.isDrawn('group:res')).toBe(false);
});
