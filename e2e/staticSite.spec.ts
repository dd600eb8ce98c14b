import type { Server } from 'node:http';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { e2eBuildDir } from './buildDir';
import { serveStatic } from './staticServer';
import { SimulationPage } from './pages/SimulationPage';
import { ExplorerPage } from './pages/ExplorerPage';

const PREFIX = '/tools/asterisk/';
let site: { url: string; server: Server };

// The build Playwright's web server made for this run, served again by a plain static server
// under a sub-path, as a team would publish it.
test.beforeAll(async () => {
  site = await serveStatic(e2eBuildDir(), PREFIX);
});
test.afterAll(async () => {
  await new Promise((done) => site.server.close(done));
});

/** Console errors, page errors and Content-Security-Policy violations, as they happen. */
async function watchForErrors(page: Page): Promise<() => Promise<string[]>> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return async () => [
    ...errors,
    ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).map((v) => `CSP: ${v}`),
  ];
}

test('the built site works from a sub-path of a plain static server, under its CSP, without errors', async ({
  page,
  browser,
}) => {
  const errors = await watchForErrors(page);
  await page.goto(site.url);
  const explorer = new ExplorerPage(page);
  await expect(explorer.canvas).toHaveAttribute('data-graph-ready', 'true');
  // The policy is in the page, and it forbids eval and inline scripts.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).not.toMatch(/\s'unsafe-eval'|script-src[^;]*unsafe-inline/);

  // Datasets, both workers (simulation; layout with Graphviz's WebAssembly) and the lazily loaded
  // editor all come from relative paths and pass the policy.
  await explorer.chooseVersion('master');
  await explorer.findModule('res_pjsip');
  await expect(explorer.inspectorHeading('res_pjsip')).toBeVisible();
  await page
    .getByRole('radiogroup', { name: 'Focus mode' })
    .getByRole('radio', { name: 'Dependents' })
    .check();
  await explorer.waitForGraph('master');
  const sim = new SimulationPage(explorer);
  await sim.open();
  await expect(sim.modulesConf).toContainText('autoload');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Startup result' })).toHaveText(/Asterisk started/);
  await page.getByRole('radio', { name: 'Providers' }).check();
  await explorer.waitForGraph('master');

  // An export and a link work from the sub-path too; the link opens the same view elsewhere.
  const svg = await explorer.exportFile('Graph as SVG');
  expect(svg.name).toMatch(/\.svg$/);
  await page.getByRole('radio', { name: 'Modules' }).check();
  await explorer.waitForGraph('master');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page).toHaveURL(/\/tools\/asterisk\/#1\./);
  const link = page.url();
  expect(await errors()).toEqual([]);

  const context = await browser.newContext();
  const other = await context.newPage();
  const otherErrors = await watchForErrors(other);
  await other.goto(link);
  const opened = new ExplorerPage(other);
  await opened.waitForGraph('master');
  await expect(opened.versionPicker).toHaveValue('master');
  await opened.inspectorTab.click();
  await expect(opened.inspectorHeading('res_pjsip')).toBeVisible();
  await expect(
    other.getByRole('radiogroup', { name: 'Focus mode' }).getByRole('radio', { name: 'Dependents' }),
  ).toBeChecked();
  expect(await otherErrors()).toEqual([]);
  await context.close();
});
