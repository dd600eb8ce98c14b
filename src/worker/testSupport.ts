import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createExplorerApi } from './explorerApi';
import type { ExplorerApi } from './explorerApi';

/** Node-side helpers for tests: the real public/datasets and e2e fixtures, read from disk. */

// Built from the path rather than `new URL('…', import.meta.url)`: Vite rewrites that pattern as an
// asset URL, which under jsdom is an http one that cannot be read from disk.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATASETS_URL = pathToFileURL(join(ROOT, 'public/datasets/')).href;
export const FIXTURES_URL = pathToFileURL(join(ROOT, 'e2e/fixtures/'));

export function readFileUrl(url: string): Promise<string> {
  return readFile(fileURLToPath(url), 'utf8');
}

export async function fixtureFile(name: string): Promise<File> {
  return new File([await readFile(new URL(name, FIXTURES_URL), 'utf8')], name);
}

export function diskExplorerApi(fetchText: (url: string) => Promise<string> = readFileUrl): ExplorerApi {
  return createExplorerApi({ fetchText, datasetsUrl: DATASETS_URL });
}
