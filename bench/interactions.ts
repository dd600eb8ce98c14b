import { chromium, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import { arm, installPageProbe, measured, watchDom, type Measured } from './pageProbe';
import { buildOnce, PORT, startPreview } from './preview';
import { row, skippedRow, type BenchRow } from './stats';

/** Targets of the issue: every input painted within 100 ms, and no main-thread task over 50 ms. */
const PAINT_TARGET = 100;
const LONG_TASK_TARGET = 50;

/** Thrown when a control an interaction needs is not on the page (yet): that row is reported, not the run. */
class ControlNotFound extends Error {}

async function need(locator: Locator, what: string, timeout = 3000): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new ControlNotFound(`control not found: ${what}`);
  }
  return locator.first();
}

interface Interaction {
  name: string;
  /** Puts the page in the state the interaction starts from (not timed). */
  prepare?: (page: Page, run: number) => Promise<void>;
  /** The timed input: arm, act, and which paint ends it. */
  act: (page: Page, run: number) => Promise<Measured>;
}

/** Arms the probe, performs `input`, and waits for its paint (graph mark, or `dom` two frames after). */
async function timed(
  page: Page,
  input: () => Promise<void>,
  done: { graph: boolean; dom?: string },
): Promise<Measured> {
  await arm(page);
  if (done.dom) await watchDom(page, done.dom);
  await input();
  return measured(page, { graph: done.graph });
}

const SEARCH_NAMES = [
  'res_pjsip',
  'app_dial',
  'chan_pjsip',
  'res_odbc',
  'app_voicemail',
  'res_sorcery_config',
];
const PATHS: Array<[string, string]> = [
  ['chan_pjsip', 'res_sorcery_config'],
  ['app_voicemail', 'res_adsi'],
];
const VERSIONS = ['23.4.1', 'master'];

const search = (page: Page): Locator => page.getByRole('combobox', { name: 'Search', exact: true });

async function typeIntoSearch(page: Page, text: string): Promise<void> {
  const box = await need(search(page), 'combobox "Search"');
  await box.click();
  await box.press('Control+A');
  await box.press('Backspace');
  await box.pressSequentially(text);
  await page.waitForTimeout(250);
}

async function selectModule(page: Page, name: string): Promise<void> {
  await typeIntoSearch(page, name);
  await search(page).press('Enter');
  await page.waitForTimeout(400);
}

/** The view switch: toolbar buttons at first, a radio group "View" now; either is accepted. */
const viewControl = (page: Page, name: string): Locator =>
  page.getByRole('button', { name, exact: true }).or(page.getByRole('radio', { name, exact: true }));

async function openTab(page: Page, name: string): Promise<void> {
  const tab = await need(page.getByRole('tab', { name, exact: true }), `tab "${name}"`);
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
}

const focusMode = (mode: string): Interaction => ({
  name: `focus mode "${mode}"`,
  prepare: async (page, run) => {
    if (run === 0) await selectModule(page, 'res_pjsip');
    // From another mode, so the click changes something.
    const other = mode === 'Both' ? 'Dependencies' : 'Both';
    const group = await need(page.getByRole('radiogroup', { name: 'Focus mode' }), 'radiogroup "Focus mode"');
    await (await need(group.getByRole('radio', { name: other, exact: true }), `radio "${other}"`)).check();
    await page.waitForTimeout(500);
  },
  act: async (page) => {
    const radio = await need(
      page.getByRole('radiogroup', { name: 'Focus mode' }).getByRole('radio', { name: mode, exact: true }),
      `radio "${mode}"`,
    );
    return timed(page, () => radio.click(), { graph: true });
  },
});

const INTERACTIONS: Interaction[] = [
  {
    name: 'search suggestions ("res_pj", last key)',
    prepare: (page) => typeIntoSearch(page, 'res_p'),
    act: (page) =>
      timed(page, () => search(page).press('j'), {
        graph: false,
        dom: `document.activeElement && document.activeElement.value === 'res_pj' &&
          [...document.querySelectorAll('[role="listbox"] [role="option"]')].some((o) => /res_pj/i.test(o.textContent || ''))`,
      }),
  },
  {
    name: 'select (Enter on a search result)',
    prepare: (page, run) => typeIntoSearch(page, SEARCH_NAMES[run % SEARCH_NAMES.length] ?? 'app_dial'),
    act: (page) => timed(page, () => search(page).press('Enter'), { graph: true }),
  },
  {
    name: 'select (click a module on the graph)',
    // Modules are drawn one by one around a selection (the whole graph may start grouped by category).
    prepare: async (page, run) => {
      if (run === 0) await selectModule(page, 'res_pjsip');
      await page.waitForTimeout(500);
    },
    act: async (page, run) => {
      const target = await page.evaluate((n) => {
        const cy = window.__cy;
        if (!cy) return undefined;
        const nodes = cy
          .nodes(':visible')
          .filter(
            (node) => node.data('type') === 'module' && !node.hasClass('selected') && node.degree(false) > 0,
          );
        const container = cy.container()?.getBoundingClientRect();
        for (let i = 0; i < nodes.length; i++) {
          const node = nodes[(n * 7 + i) % nodes.length];
          if (!node || !container) continue;
          const p = node.renderedPosition();
          if (p.x > 10 && p.y > 10 && p.x < container.width - 10 && p.y < container.height - 10)
            return { x: container.left + p.x, y: container.top + p.y };
        }
        return undefined;
      }, run);
      if (!target)
        throw new ControlNotFound('control not found: a visible module node on the graph (window.__cy)');
      return timed(page, () => page.mouse.click(target.x, target.y), { graph: true });
    },
  },
  focusMode('Dependencies'),
  focusMode('Dependents'),
  focusMode('Both'),
  focusMode('Hops'),
  {
    name: 'filter (a checkbox in "Filters")',
    prepare: async (page) => {
      const button = await need(page.getByRole('button', { name: /^Filters/ }), 'button "Filters"');
      if ((await button.getAttribute('aria-expanded')) === 'false') await button.click();
      await page.waitForTimeout(300);
    },
    act: async (page) => {
      const box = await need(
        page.getByRole('checkbox', { name: 'apps', exact: true }),
        'checkbox "apps" in Filters',
      );
      return timed(page, () => box.click(), { graph: true });
    },
  },
  {
    name: 'path (Explain: From, To, "Find paths")',
    prepare: async (page, run) => {
      await openTab(page, 'Explain');
      const [from, to] = PATHS[run % PATHS.length] ?? ['chan_pjsip', 'res_sorcery_config'];
      for (const [label, value] of [
        ['From', from],
        ['To', to],
      ] as const) {
        const field = await need(
          page
            .getByRole('combobox', { name: label, exact: true })
            .or(page.getByRole('textbox', { name: label, exact: true })),
          `combobox/input "${label}"`,
        );
        await field.fill(value);
        await page.waitForTimeout(150);
      }
    },
    act: async (page) => {
      const button = await need(page.getByRole('button', { name: 'Find paths' }), 'button "Find paths"');
      return timed(page, () => button.click(), { graph: true });
    },
  },
  {
    name: 'Providers view',
    prepare: async (page, run) => {
      if (run === 0) return;
      const modules = await need(viewControl(page, 'Modules'), 'button or radio "Modules"');
      await modules.click();
      await page.waitForTimeout(600);
    },
    act: async (page) => {
      const button = await need(viewControl(page, 'Providers'), 'button or radio "Providers"');
      return timed(page, () => button.click(), { graph: true });
    },
  },
  {
    name: 'version switch',
    act: async (page, run) => {
      const select = await need(page.getByLabel('Asterisk version'), 'select "Asterisk version"');
      const version = VERSIONS[run % VERSIONS.length] ?? 'master';
      return timed(page, () => select.selectOption(version).then(() => undefined), { graph: true });
    },
  },
  {
    name: 'simulation run (Simulate, "Run")',
    prepare: (page) => openTab(page, 'Simulate'),
    act: async (page) => {
      const button = await need(
        page.getByRole('button', { name: 'Run', exact: true }),
        'button "Run" in Simulate',
      );
      await button.waitFor({ state: 'visible' });
      return timed(page, () => button.click(), { graph: true });
    },
  },
];

async function openMaster(page: Page): Promise<void> {
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForSelector('[data-graph-ready="true"]', { timeout: 30_000 });
  const picker = page.getByLabel('Asterisk version');
  if ((await picker.inputValue()) !== 'master') {
    await picker.selectOption('master');
    await page.waitForSelector('[data-graph-version="master"]', { timeout: 30_000 });
  }
  await page.waitForTimeout(1000);
}

/**
 * Input -> painted and the longest main-thread task for each interaction the issue lists, in
 * headless Chromium on the master dataset. Each interaction gets a fresh page (so one that breaks
 * cannot spoil the next), `runs` measured repetitions after one unmeasured warm-up, and two rows:
 * median input-to-painted (target < 100 ms) and the longest task seen (target < 50 ms). A control
 * that is not there gives a skipped row saying which.
 */
export async function benchInteractions(root: string, runs: number): Promise<BenchRow[]> {
  buildOnce(root);
  const server = await startPreview(root);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const rows: BenchRow[] = [];
  try {
    for (const interaction of INTERACTIONS) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await installPageProbe(page);
      const paints: number[] = [];
      const tasks: number[] = [];
      const misses: string[] = [];
      let skipped: string | undefined;
      try {
        await openMaster(page);
        for (let run = 0; run <= runs; run++) {
          await interaction.prepare?.(page, run);
          const m = await interaction.act(page, run);
          if (run === 0) continue; // warm-up: first use of a code path, lazy chunks, worker start
          if (m.paint === undefined) misses.push(`run ${run}: nothing painted within 15 s`);
          else paints.push(m.paint);
          tasks.push(m.longestTask);
        }
      } catch (error) {
        skipped =
          error instanceof ControlNotFound
            ? error.message
            : `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      } finally {
        await context.close();
      }
      const name = `interaction: ${interaction.name} (Chromium, master)`;
      if (skipped && paints.length === 0) {
        rows.push(skippedRow(`${name}: input -> painted`, skipped));
        continue;
      }
      const note = [
        `longest task over all runs ${Math.max(0, ...tasks).toFixed(0)} ms`,
        ...misses,
        ...(skipped ? [skipped] : []),
      ].join('; ');
      rows.push(row(`${name}: input -> painted`, paints, PAINT_TARGET, note));
      // Any task over 50 ms fails the target, not only a median one: the max column is what counts.
      rows.push({
        ...row(`${name}: longest task per run (ok = max < ${LONG_TASK_TARGET})`, tasks, LONG_TASK_TARGET),
        pass: Math.max(0, ...tasks) < LONG_TASK_TARGET,
      });
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
  return rows;
}
