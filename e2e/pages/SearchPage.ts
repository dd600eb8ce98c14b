import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { ExplorerPage } from './ExplorerPage';

/** The search box and the module table, as a user reaches them: by role and accessible name. */
export class SearchPage {
  readonly page: Page;
  readonly box: Locator;
  readonly results: Locator;
  readonly note: Locator;
  readonly graphView: Locator;
  readonly tableView: Locator;
  readonly table: Locator;
  readonly filter: Locator;
  readonly shownCount: Locator;
  readonly grid: Locator;

  constructor(readonly explorer: ExplorerPage) {
    const page = explorer.page;
    this.page = page;
    this.box = page.getByRole('combobox', { name: 'Search', exact: true });
    this.results = page.getByRole('listbox', { name: 'Search results' });
    this.note = page.getByRole('status', { name: 'Search note' });
    const mainView = page.getByRole('radiogroup', { name: 'Main view' });
    this.graphView = mainView.getByRole('radio', { name: 'Graph' });
    this.tableView = mainView.getByRole('radio', { name: 'Table' });
    this.table = page.getByRole('region', { name: 'Module table' });
    this.filter = this.table.getByLabel('Filter modules');
    this.shownCount = this.table.getByRole('status', { name: 'Modules shown' });
    this.grid = this.table.getByRole('grid', { name: 'Modules' });
  }

  /**
   * Clicks a node once the graph is laid out and neither it nor the viewport moves: selecting a
   * module re-lays its neighbourhood out in a worker and animates there, and a click aimed at where
   * a node was lands elsewhere.
   */
  async clickNodeOnceStill(id: string): Promise<void> {
    const where = (): Promise<string> =>
      this.page.evaluate((nodeId) => {
        const cy = window.__cy;
        const node = cy?.getElementById(nodeId);
        if (!cy || !node || node.empty()) return 'absent';
        const layingOut = document.querySelector('[aria-label="Module graph"]')?.getAttribute('aria-busy') === 'true';
        if (layingOut || cy.animated() || node.animated()) return 'moving';
        const p = node.renderedPosition();
        return `${p.x},${p.y}`;
      }, id);
    let last = await where();
    await expect
      .poll(
        async () => {
          const now = await where();
          const still = now === last && now !== 'moving' && now !== 'absent';
          last = now;
          return still;
        },
        { intervals: [150, 150, 250, 250, 500] },
      )
      .toBe(true);
    await this.explorer.clickNode(id);
  }

  options(): Locator {
    return this.results.getByRole('option');
  }

  /** The option the combobox's aria-activedescendant points at. */
  activeOption(): Locator {
    return this.results.getByRole('option', { selected: true });
  }

  async activeOptionIsReferenced(): Promise<void> {
    const id = await this.activeOption().getAttribute('id');
    await expect(this.box).toHaveAttribute('aria-activedescendant', id ?? '');
  }

  async openTable(): Promise<void> {
    await this.tableView.check();
    await expect(this.grid).toBeVisible();
  }

  async openGraph(): Promise<void> {
    await this.graphView.check();
    await expect(this.table).toBeHidden();
  }

  /** Rows of modules in the DOM (the header row is not one). */
  renderedRows(): Locator {
    return this.grid.getByRole('rowgroup', { name: 'Module rows' }).getByRole('row');
  }

  row(module: string): Locator {
    return this.renderedRows().filter({
      has: this.page.getByRole('gridcell', { name: module, exact: true }),
    });
  }

  columnHeader(label: string): Locator {
    return this.grid.getByRole('columnheader', { name: label });
  }

  /** Clicks a column header until it sorts in `direction`. */
  async sortBy(label: string, direction: 'ascending' | 'descending'): Promise<void> {
    const header = this.columnHeader(label);
    for (let i = 0; i < 2; i++) {
      if ((await header.getAttribute('aria-sort')) === direction) return;
      await header.getByRole('button').click();
    }
    await expect(header).toHaveAttribute('aria-sort', direction);
  }

  /** Module names of the rendered rows, top to bottom. */
  async renderedNames(): Promise<string[]> {
    return this.renderedRows().evaluateAll((rows) =>
      rows
        .map((r) => ({ index: Number(r.getAttribute('aria-rowindex')), name: r.firstElementChild?.textContent ?? '' }))
        .sort((a, b) => a.index - b.index)
        .map((r) => r.name),
    );
  }
}
