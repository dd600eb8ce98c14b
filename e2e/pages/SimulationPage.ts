import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { ExplorerPage } from './ExplorerPage';

/** The loader simulation as a user drives it: the Simulate tab, the fault menu, the inspector's commands. */
export class SimulationPage {
  readonly page: Page;
  readonly tab: Locator;
  readonly panel: Locator;
  readonly modulesConf: Locator;
  readonly runButton: Locator;
  readonly cancelButton: Locator;
  readonly startupResult: Locator;
  readonly timelineSlider: Locator;
  readonly timelinePosition: Locator;
  readonly log: Locator;
  readonly logFilter: Locator;
  readonly inspectorSimulation: Locator;
  readonly commandResult: Locator;
  readonly legend: Locator;

  constructor(readonly explorer: ExplorerPage) {
    const page = explorer.page;
    this.page = page;
    this.tab = page.getByRole('tab', { name: 'Simulate' });
    this.panel = page.getByRole('region', { name: 'Simulation', exact: true }).first();
    // The code editor's editable area (CodeMirror: a contenteditable with role textbox).
    this.modulesConf = this.panel.getByRole('textbox', { name: 'modules.conf', exact: true });
    this.runButton = page.getByRole('button', { name: 'Run', exact: true });
    this.cancelButton = page.getByRole('button', { name: 'Cancel', exact: true });
    this.startupResult = page.getByRole('status', { name: 'Startup result' });
    this.timelineSlider = page.getByLabel('Timeline step');
    this.timelinePosition = page.getByLabel('Timeline position');
    this.log = page.getByRole('log', { name: 'Log transcript' });
    this.logFilter = page.getByLabel('Filter log');
    this.inspectorSimulation = explorer.inspector.getByRole('region', { name: 'Simulation' });
    this.commandResult = explorer.inspector.getByRole('status', { name: 'Command result' });
    this.legend = page.getByRole('complementary', { name: 'Legend' });
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.runButton).toBeVisible();
  }

  /** Right-clicks the module's node on the canvas and picks a fault from its context menu. */
  async injectFaultFromGraph(module: string, fault: string): Promise<void> {
    const rendered = await this.page.evaluate((id) => {
      const cy = window.__cy;
      const node = cy?.getElementById(id);
      if (!cy || !node || node.empty()) return undefined;
      cy.zoom(1.5);
      cy.center(node);
      return node.renderedPosition();
    }, module);
    if (!rendered) throw new Error(`node ${module} is not on the canvas`);
    const box = await this.explorer.canvas.boundingBox();
    if (!box) throw new Error('graph canvas is not visible');
    await this.page.mouse.click(box.x + rendered.x, box.y + rendered.y, { button: 'right' });
    const menu = this.page.getByRole('menu', { name: `Fault for ${module}` });
    await expect(menu).toBeVisible();
    await menu.getByRole('menuitemradio', { name: fault }).click();
    await expect(menu).toBeHidden();
  }

  async run(): Promise<void> {
    await this.runButton.click();
    await expect(this.startupResult).toBeVisible();
    await expect(this.runButton).toBeEnabled();
  }

  /**
   * The outcome class (`out-running`, `out-declined`...) a module's node carries, or undefined,
   * also while the node is not on the canvas yet (elements arrive in idle time).
   */
  outcomeOf(module: string): Promise<string | undefined> {
    return this.page.evaluate((id) => {
      const node = window.__cy?.getElementById(id);
      if (!node || node.empty()) return undefined;
      return node.classes().find((c) => c.startsWith('out-') && c !== 'out-current');
    }, module);
  }

  async expectOutcome(module: string, outcome: string): Promise<void> {
    await expect.poll(() => this.outcomeOf(module)).toBe(`out-${outcome}`);
  }

  async scrubTo(step: number): Promise<void> {
    await this.timelineSlider.fill(String(step));
  }

  async runCommandFromInspector(label: string): Promise<void> {
    await this.inspectorSimulation.getByRole('button', { name: label, exact: true }).click();
  }
}
