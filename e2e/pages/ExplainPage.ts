import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { ExplorerPage } from './ExplorerPage';

/** The Explain and Compare tabs as a user drives them: accessible names only. */
export class ExplainPage {
  readonly page: Page;
  readonly tab: Locator;
  readonly panel: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly swap: Locator;
  readonly findPaths: Locator;
  readonly clearPaths: Locator;
  readonly pathsFound: Locator;
  readonly pathList: Locator;
  readonly impactModule: Locator;
  readonly impactKind: Locator;
  readonly impactSummary: Locator;
  readonly takenDown: Locator;
  readonly cyclesFound: Locator;
  readonly cycleList: Locator;
  readonly compareTab: Locator;
  readonly comparePanel: Locator;
  readonly fromVersion: Locator;
  readonly toVersion: Locator;
  readonly comparison: Locator;
  readonly showOnGraph: Locator;

  constructor(readonly explorer: ExplorerPage) {
    const page = explorer.page;
    this.page = page;
    this.tab = page.getByRole('tab', { name: 'Explain' });
    this.panel = page.getByRole('region', { name: 'Explain', exact: true });
    this.from = this.panel.getByRole('combobox', { name: 'From', exact: true });
    this.to = this.panel.getByRole('combobox', { name: 'To', exact: true });
    this.swap = this.panel.getByRole('button', { name: 'Swap From and To' });
    this.findPaths = this.panel.getByRole('button', { name: 'Find paths' });
    this.clearPaths = this.panel.getByRole('button', { name: 'Clear', exact: true });
    this.pathsFound = this.panel.getByRole('status', { name: 'Paths found' });
    this.pathList = this.panel.getByRole('list', { name: 'Paths', exact: true });
    this.impactModule = this.panel.getByRole('combobox', { name: 'Module', exact: true });
    this.impactKind = this.panel.getByLabel('If the module');
    this.impactSummary = this.panel.getByRole('status', { name: 'Impact' });
    this.takenDown = this.panel.getByRole('list', { name: 'Modules taken down' });
    this.cyclesFound = this.panel.getByRole('status', { name: 'Cycles found' });
    this.cycleList = this.panel.getByRole('list', { name: 'Cycles', exact: true });
    this.compareTab = page.getByRole('tab', { name: 'Compare' });
    this.comparePanel = page.getByRole('region', { name: 'Compare versions' });
    this.fromVersion = this.comparePanel.getByLabel('From version');
    this.toVersion = this.comparePanel.getByLabel('To version');
    this.comparison = this.comparePanel.getByRole('status', { name: 'Comparison' });
    this.showOnGraph = this.comparePanel.getByRole('checkbox', { name: 'Show on graph' });
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.panel).toBeVisible();
  }

  async openCompare(): Promise<void> {
    await this.compareTab.click();
    await expect(this.comparePanel).toBeVisible();
  }

  /** The module names of one listed path, in order. */
  pathModules(index: number): Promise<string[]> {
    return this.pathList
      .getByRole('list', { name: `Path ${index + 1}` })
      .getByRole('button')
      .allTextContents();
  }

  /** Whether the graph draws the node as part of the explanation (class set by the graph adapter). */
  highlighted(module: string): Promise<boolean> {
    return this.page.evaluate((id) => window.__cy?.getElementById(id).hasClass('hl') ?? false, module);
  }

  /** Classes of a module's node that start with `prefix` (e.g. `diff-`). */
  classesOf(module: string, prefix: string): Promise<string[]> {
    return this.page.evaluate(
      ([id, p]) =>
        (window.__cy?.getElementById(id ?? '').classes() ?? []).filter((c) => c.startsWith(p ?? '')),
      [module, prefix],
    );
  }
}
