import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createExplorerApi } from './explorerApi';
import type { ExplorerApi } from './explorerApi';

/** Node-side helpers for tests: the real public/datasets and e2e fixtures, read from disk. */
export const DATASETS_URL = new URL('../../public/datasets/', import.meta.url).href;
export const FIXTURES_URL = new URL('../../e2e/fixtures/', import.meta.url);

export function readFileUrl(url: string): Promise<string> {
  return readFile(fileURLToPath(url), 'utf8');
}

export async function fixtureFile(name: string): Promise<File> {
  return new File([await readFile(new URL(name, FIXTURES_URL), 'utf8')], name);
}

export function diskExplorerApi(fetchText: (url: string) => Promise<string> = readFileUrl): ExplorerApi {
  return createExplorerApi({ fetchText, datasetsUrl: DATASETS_URL });
}
