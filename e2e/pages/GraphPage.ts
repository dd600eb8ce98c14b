import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { ExplorerPage } from './ExplorerPage';

export interface LabelBox {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The graph's own controls (focus bar, grouping, filters, counts) and what the canvas draws. */
export class GraphPage {
  readonly page: Page;
  readonly focusModes: Locator;
  readonly hops: Locator;
  readonly outsideFocus: Locator;
  readonly back: Locator;
  readonly clearFocus: Locator;
  readonly focusPath: Locator;
  readonly counts: Locator;
  readonly groupByCategory: Locator;
  readonly collapseAll: Locator;
  readonly filtersButton: Locator;
  readonly filters: Locator;
  readonly application: Locator;
  readonly announcer: Locator;

  constructor(readonly explorer: ExplorerPage) {
    const page = explorer.page;
    this.page = page;
    this.focusModes = page.getByRole('radiogroup', { name: 'Focus mode' });
    this.hops = page.getByRole('spinbutton', { name: 'Hops' });
    this.outsideFocus = page.getByLabel('Outside focus');
    this.back = page.getByRole('button', { name: 'Back', exact: true });
    this.clearFocus = page.getByRole('button', { name: 'Clear focus' });
    this.focusPath = page.getByRole('navigation', { name: 'Focus path' });
    this.counts = page.getByRole('status', { name: 'Shown counts' });
    this.groupByCategory = page.getByRole('checkbox', { name: 'Group by category' });
    this.collapseAll = page.getByRole('button', { name: 'Collapse all' });
    this.filtersButton = page.getByRole('button', { name: 'Filters' });
    this.filters = page.getByRole('group', { name: 'Filters' });
    this.application = page.getByRole('application', { name: 'Module graph' });
    this.announcer = page.getByRole('status', { name: 'Keyboard focus' });
  }

  async focusMode(name: 'Dependencies' | 'Dependents' | 'Both' | 'Hops'): Promise<void> {
    await this.focusModes.getByRole('radio', { name, exact: true }).check();
    await this.explorer.waitForStillGraph();
  }

  /** "Showing 37 of 484 modules · 52 edges" as numbers. */
  async shownCounts(): Promise<{ shown: number; total: number; groups: number; edges: number }> {
    const text = (await this.counts.textContent()) ?? '';
    const m = /Showing ([\d,]+) of ([\d,]+) modules(?: in ([\d,]+) groups?)? · ([\d,]+) edges/.exec(text);
    if (!m) throw new Error(`unexpected counts: ${text}`);
    const n = (s: string | undefined): number => Number((s ?? '0').replaceAll(',', ''));
    return { shown: n(m[1]), total: n(m[2]), groups: n(m[3]), edges: n(m[4]) };
  }

  /** Module nodes drawn now (group nodes, libraries and items left out). */
  drawnModules(): Promise<string[]> {
    return this.page.evaluate(() =>
      (window.__cy?.nodes('.module').filter((n) => !n.hasClass('hidden')) ?? []).map((n) => n.id()).sort(),
    );
  }

  /** Label boxes of every drawn, labelled node, in model coordinates. */
  labelBoxes(): Promise<LabelBox[]> {
    return this.page.evaluate(() =>
      (window.__cy?.nodes('.labelled').filter((n) => !n.hasClass('hidden')) ?? []).map((n) => {
        const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
        return { id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
      }),
    );
  }

  /** Ids of the drawn nodes whose centre is inside the canvas. */
  nodesInView(): Promise<string[]> {
    return this.page.evaluate(() => {
      const cy = window.__cy;
      if (!cy) return [];
      const e = cy.extent();
      return cy
        .nodes()
        .filter((n) => {
          if (n.hasClass('hidden')) return false;
          const p = n.position();
          return p.x > e.x1 && p.x < e.x2 && p.y > e.y1 && p.y < e.y2;
        })
        .map((n) => n.id());
    });
  }

  async openFilters(): Promise<void> {
    if ((await this.filtersButton.getAttribute('aria-expanded')) !== 'true') await this.filtersButton.click();
    await expect(this.filters).toBeVisible();
  }

  filter(
    group: 'Category' | 'Support level' | 'Edge kinds' | 'Entries' | 'Simulation outcome',
    name: string,
  ): Locator {
    return this.filters.getByRole('group', { name: group }).getByRole('checkbox', { name, exact: true });
  }

  /** Clicks a group node (or any drawn node) on the canvas. */
  async clickGroup(key: string): Promise<void> {
    await this.explorer.clickNode(`group:${key}`);
    await this.explorer.waitForStillGraph();
  }
}

/** True when two boxes overlap by more than a rounding pixel. */
export function boxesOverlap(a: LabelBox, b: LabelBox): boolean {
  return a.x1 < b.x2 - 0.5 && b.x1 < a.x2 - 0.5 && a.y1 < b.y2 - 0.5 && b.y1 < a.y2 - 0.5;
}
