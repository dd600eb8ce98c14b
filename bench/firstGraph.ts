import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import { buildOnce, PORT, startPreview } from './preview';
import { row, type BenchRow } from './stats';

/**
 * Navigation -> first drawn graph of the default dataset, in headless Debian Chromium, against the
 * production build served by `vite preview`. Each run uses a fresh browser context (empty cache),
 * as a first visit would. The app marks `graph-drawn` (performance.mark) when cytoscape has drawn
 * the first graph; its startTime is measured from navigation start.
 */
export async function benchFirstGraph(root: string, runs: number): Promise<BenchRow> {
  buildOnce(root);
  const server = await startPreview(root);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  const samples: number[] = [];
  let modulesShown = '';
  try {
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.waitForSelector('[data-graph-ready="true"]', { timeout: 30_000 });
      const drawn = await page.evaluate(
        () => performance.getEntriesByName('graph-drawn')[0]?.startTime ?? -1,
      );
      if (drawn < 0) throw new Error('the app did not mark graph-drawn');
      modulesShown = (await page.getByTestId('module-count').textContent()) ?? '';
      // The first run warms Chromium's own start-up paths (GPU-less compositor, fonts); it is not counted.
      if (i > 0) samples.push(drawn);
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
  return row('navigation -> first graph, default dataset (Chromium)', samples, 1000, modulesShown.trim());
}
