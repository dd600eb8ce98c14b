// Where Debian's Chromium lives (CHROMIUM_PATH overrides it), and the flags it runs headless with here:
// no sandbox (root), no GPU, and none of the background connections a closed network refuses.
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
