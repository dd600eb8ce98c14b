import { expect, test } from './fixtures';
import { SearchPage } from './pages/SearchPage';

// The fixture opens the default dataset, Asterisk 23.4.1.

test('"/" focuses the search box, and "Dial" + Enter opens app_dial through the application', async ({
  explorer,
  page,
}) => {
  const search = new SearchPage(explorer);
  await page.getByRole('region', { name: 'Module graph' }).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(search.box).toBeFocused();
  await expect(search.box).toHaveValue('');

  await page.keyboard.type('Dial');
  await expect(search.box).toHaveAttribute('aria-expanded', 'true');
  const first = search.options().first();
  await expect(first).toContainText('Dial');
  await expect(first).toContainText('application');
  await expect(first).toContainText('app_dial');
  // The non-loadable `dial` entry is listed, below the application.
  const names = await search.options().evaluateAll((os) => os.map((o) => o.textContent ?? ''));
  const entry = names.indexOf('dialnon-loadable');
  expect(entry).toBeGreaterThan(0);

  await page.keyboard.press('Enter');
  await expect(explorer.inspectorHeading('app_dial')).toBeVisible();
  await expect(search.box).toHaveValue('');
});

test('the arrows move the active option and Esc clears the box', async ({ explorer, page }) => {
  const search = new SearchPage(explorer);
  await search.box.click();
  await page.keyboard.type('queue');
  await expect(search.activeOption()).toContainText('Queue');
  await search.activeOptionIsReferenced();
  const second = search.options().nth(1);
  const third = search.options().nth(2);

  await page.keyboard.press('ArrowDown');
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await search.activeOptionIsReferenced();
  await page.keyboard.press('ArrowDown');
  await expect(third).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(search.options().first()).toHaveAttribute('aria-selected', 'false');

  await page.keyboard.press('Escape');
  await expect(search.box).toHaveValue('');
  await expect(search.box).toHaveAttribute('aria-expanded', 'false');
  await expect(search.results).toBeHidden();
  await expect(search.box).toBeFocused();
});

test('a module of an older version says where it went; a name no version has says "no match"', async ({
  explorer,
  page,
}) => {
  const search = new SearchPage(explorer);
  await explorer.waitForGraph('23.4.1');
  await search.box.click();
  await page.keyboard.type('chan_sip');
  await expect(search.note).toHaveText('chan_sip: removed after 18.26.4 — last in 18.26.4');
  // Its relatives are still offered.
  await expect(search.results.getByRole('option', { name: /^chan_pjsip/ })).toBeVisible();

  await search.box.fill('zzzqqq');
  await expect(search.note).toHaveText('no match');
  await expect(search.options()).toHaveCount(0);
});
