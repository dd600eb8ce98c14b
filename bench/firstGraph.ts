import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-path.mjs';
import { row, type BenchRow } from './stats';

const PORT = 4179;

/**
 * Navigation -> first drawn graph of the default dataset, in headless Debian Chromium, against the
 * production build served by `vite preview`. Each run uses a fresh browser context (empty cache),
 * as a first visit would. The app marks `graph-drawn` (performance.mark) when cytoscape has drawn
 * the first graph; its startTime is measured from navigation start.
 */
export async function benchFirstGraph(root: string, runs: number): Promise<BenchRow> {
  execSync('npx vite build --logLevel error', { cwd: root, stdio: 'inherit' });
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
  return row('navigation -> first graph, default dataset (Chromium)', samples, 1500, modulesShown.trim());
}

async function startPreview(root: string): Promise<ChildProcess> {
  // vite itself, not through npx, so that killing the child stops the server.
  const child = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  // vite prints nothing when its output is not a terminal, so wait until the port answers.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error('vite preview did not answer within 30 s');
}
