import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { datasetIndex } from './pages/ExplorerPage';

test('exporting saves the graph on screen as Module Metadata XML', async ({ explorer, page }) => {
  const index = datasetIndex();
  const [download] = await Promise.all([page.waitForEvent('download'), explorer.exportButton.click()]);
  expect(download.suggestedFilename()).toBe(`asterisk-${index.default}-modules.xml`);
  const path = await download.path();
  const xml = await readFile(path, 'utf8');
  expect(xml).toContain('<moduleMetadata');
  expect(xml).toContain('res_pjsip_session');
  const modules = xml.match(/<module\b/g)?.length ?? 0;
  expect(modules).toBeGreaterThanOrEqual(
    index.datasets.find((d) => d.version === index.default)?.modules ?? Infinity,
  );
});
