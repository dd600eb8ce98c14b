// Where Debian's Chromium lives; CHROMIUM_PATH overrides it.
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}
