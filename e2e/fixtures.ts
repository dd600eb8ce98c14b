import { test as base } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';

/** Every test gets the app opened on its default dataset. */
export const test = base.extend<{ explorer: ExplorerPage }>({
  explorer: async ({ page }, use) => {
    const explorer = new ExplorerPage(page);
    await explorer.open();
    await use(explorer);
  },
});

export { expect } from '@playwright/test';
