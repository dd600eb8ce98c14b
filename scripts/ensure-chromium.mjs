// The e2e tests drive Debian's Chromium. Install it with apt when it is missing and we are root;
// otherwise explain how, and fail, rather than downloading a browser build of our own.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromiumPath } from './chromium-path.mjs';

const path = chromiumPath();
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || process.env.CHROMIUM_PATH) {
  console.error(
    `Chromium not found at ${path}.\n` +
      'Install Debian\'s Chromium as root:  apt-get update && apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at a Chromium/Chrome executable.',
  );
  process.exit(1);
}
console.log(`Chromium not found at ${path}: installing Debian's chromium package with apt-get...`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing.`);
  process.exit(1);
}
