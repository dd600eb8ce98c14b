import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium-path.mjs';
import { e2eBuildDir, e2ePort } from './e2e/buildDir';

// E2E_PORT lets several checkouts or developers run the suite at once: each builds into its own
// folder and serves it on its own port, so no run is ever served another run's build.
const port = e2ePort();
const outDir = e2eBuildDir(port);

// Debian's Chromium, never a downloaded browser build (see README: Testing).
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `npx vite build --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    // A server left running would serve an older build; always start our own.
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
