import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export const FIXTURES = new URL('../fixtures/', import.meta.url);

export function fixturePath(name: string): string {
  return new URL(name, FIXTURES).pathname;
}

interface DatasetIndexEntry {
  version: string;
  modules: number;
}

/** public/datasets/index.json, the same file the app reads. */
export function datasetIndex(): { default: string; datasets: DatasetIndexEntry[] } {
  return JSON.parse(readFileSync(new URL('../../public/datasets/index.json', import.meta.url), 'utf8')) as {
    default: string;
    datasets: DatasetIndexEntry[];
  };
}

/** The app as a user sees it: accessible names first; the cytoscape instance only to find nodes on the canvas. */
export class ExplorerPage {
  readonly canvas: Locator;
  readonly moduleCount: Locator;
  readonly versionPicker: Locator;
  readonly search: Locator;
  readonly openFilesButton: Locator;
  readonly exportMenu: Locator;
  readonly inspector: Locator;
  readonly inspectorTab: Locator;
  readonly problemsTab: Locator;
  readonly problemList: Locator;
  readonly alert: Locator;
  readonly runtimeFactsNote: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId('graph-canvas');
    this.moduleCount = page.getByTestId('module-count');
    this.versionPicker = page.getByLabel('Asterisk version');
    this.search = page.getByRole('combobox', { name: 'Search', exact: true });
    this.openFilesButton = page.getByRole('button', { name: 'Open files' });
    this.exportMenu = page.getByRole('button', { name: 'Export', exact: true });
    this.inspector = page.getByRole('region', { name: 'Inspector' });
    this.inspectorTab = page.getByRole('tab', { name: 'Inspector' });
    this.problemsTab = page.getByRole('tab', { name: /^Problems/ });
    this.problemList = page.getByRole('list', { name: 'Problem list' });
    this.alert = page.getByRole('alert');
    this.runtimeFactsNote = page.getByRole('note', { name: 'Load order facts' });
    this.progress = page.getByRole('status', { name: 'Loading progress' });
  }

  /** Opens the Export menu, picks `item`, and returns the file it downloads. */
  async exportFile(item: string): Promise<{ name: string; path: string }> {
    await this.exportMenu.click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('menuitem', { name: new RegExp(`^${item.replace(/[()]/g, '\\$&')}`) }).click(),
    ]);
    return { name: download.suggestedFilename(), path: await download.path() };
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.canvas).toHaveAttribute('data-graph-ready', 'true');
  }

  /** Waits until the canvas shows `version` laid out with `layoutKey` (when given). */
  async waitForGraph(version: string, layoutKey?: string | RegExp): Promise<void> {
    await expect(this.canvas).toHaveAttribute('data-graph-version', version);
    if (layoutKey !== undefined) await expect(this.canvas).toHaveAttribute('data-graph-key', layoutKey);
    await expect(this.page.getByRole('region', { name: 'Module graph' })).toHaveAttribute(
      'aria-busy',
      'false',
    );
  }

  async chooseVersion(version: string): Promise<void> {
    await this.versionPicker.selectOption(version);
    await this.waitForGraph(version);
  }

  async findModule(name: string): Promise<void> {
    await this.search.fill(name);
    await this.search.press('Enter');
  }

  inspectorHeading(name: string): Locator {
    return this.inspector.getByRole('heading', { level: 2, name, exact: true });
  }

  async openFiles(paths: string[]): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.openFilesButton.click(),
    ]);
    await chooser.setFiles(paths);
  }

  async openFileContents(files: Array<{ name: string; text: string }>): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser'),
      this.openFilesButton.click(),
    ]);
    await chooser.setFiles(
      files.map((f) => ({ name: f.name, mimeType: 'text/xml', buffer: Buffer.from(f.text) })),
    );
  }

  /** Drops all files at once onto the page, as a file manager drag would. */
  async dropFiles(paths: string[]): Promise<void> {
    const files = paths.map((p) => ({ name: p.split('/').pop() ?? p, text: readFileSync(p, 'utf8') }));
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/xml' }));
      return dt;
    }, files);
    for (const type of ['dragenter', 'dragover', 'drop']) {
      await this.page.dispatchEvent('main', type, { dataTransfer });
    }
  }

  /**
   * Waits until every element of the dataset is on the canvas: the app draws what a view shows at
   * once and adds the rest (hidden) in idle time, so counts are only stable after that.
   */
  async allElementsAdded(): Promise<void> {
    await expect(this.canvas).toHaveAttribute('data-elements-complete', 'true');
  }

  /** Number of nodes cytoscape has for the dataset on screen, drawn or hidden. */
  async nodeCount(): Promise<number> {
    await this.allElementsAdded();
    return this.page.evaluate(() => window.__cy?.nodes().length ?? -1);
  }

  /** Whether the dataset on screen has this node (drawn, or hidden by the current view). */
  async hasNode(id: string): Promise<boolean> {
    await this.allElementsAdded();
    return this.page.evaluate((nodeId) => (window.__cy?.getElementById(nodeId).length ?? 0) > 0, id);
  }

  /** Whether the node is drawn in the current view (not hidden by grouping, focus or filters). */
  isDrawn(id: string): Promise<boolean> {
    return this.page.evaluate((nodeId) => {
      const node = window.__cy?.getElementById(nodeId);
      return node !== undefined && node.nonempty() && !node.hasClass('hidden');
    }, id);
  }

  /** Ids of the nodes drawn in the current view. */
  drawnNodes(): Promise<string[]> {
    return this.page.evaluate(() =>
      (window.__cy?.nodes().filter((n) => !n.hasClass('hidden')) ?? []).map((n) => n.id()).sort(),
    );
  }

  nodeHasClass(id: string, cls: string): Promise<boolean> {
    return this.page.evaluate(
      ([nodeId, c]) => window.__cy?.getElementById(nodeId ?? '').hasClass(c ?? '') ?? false,
      [id, cls],
    );
  }

  /** Waits until the graph is laid out and nothing moves (focus and grouping changes animate). */
  async waitForStillGraph(): Promise<void> {
    await expect(this.page.getByRole('region', { name: 'Module graph' })).toHaveAttribute(
      'aria-busy',
      'false',
    );
    await expect
      .poll(() =>
        this.page.evaluate(() => {
          const cy = window.__cy;
          return cy !== undefined && !cy.animated() && cy.nodes(':animated').length === 0;
        }),
      )
      .toBe(true);
  }

  nodePosition(id: string): Promise<{ x: number; y: number }> {
    return this.page.evaluate((nodeId) => {
      const p = window.__cy?.getElementById(nodeId).position();
      return { x: p?.x ?? NaN, y: p?.y ?? NaN };
    }, id);
  }

  /** Zooms in on a node, then clicks it where it is drawn on the canvas. */
  async clickNode(id: string): Promise<void> {
    await expect.poll(() => this.isDrawn(id), { message: `node ${id} is drawn` }).toBe(true);
    await this.waitForStillGraph();
    const rendered = await this.page.evaluate((nodeId) => {
      const cy = window.__cy;
      const node = cy?.getElementById(nodeId);
      if (!cy || !node || node.empty()) return undefined;
      cy.zoom(1.5);
      cy.center(node);
      return node.renderedPosition();
    }, id);
    if (!rendered) throw new Error(`node ${id} is not on the canvas`);
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('graph canvas is not visible');
    await this.page.mouse.click(box.x + rendered.x, box.y + rendered.y);
  }
}
