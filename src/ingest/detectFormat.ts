import { looksLikeModuleSource } from './cSource/parseModuleSource';
import { isJsonObject } from './json/readJson';
import { rootElementName } from './xml/scan';

/** What a file holds, decided from its content (users rename files; names prove nothing). */
export type InputFormat =
  | 'xmldoc'
  | 'menuselect-tree'
  | 'metadata-xml'
  | 'runtime-json'
  | 'trace-metadata-json'
  | 'modules-conf'
  | 'c-source'
  | 'unknown';

/** Root element of the project's own Module Metadata XML. */
export const METADATA_ROOT = 'moduleMetadata';

const MODULES_SECTION = /^[ \t]*\[modules\][ \t]*(?:;.*)?$/im;

export function detectFormat(text: string): InputFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) {
    switch (rootElementName(start)) {
      case 'docs':
        return 'xmldoc';
      case 'menu':
        return 'menuselect-tree';
      case METADATA_ROOT:
        return 'metadata-xml';
      default:
        return 'unknown';
    }
  }
  if (start.startsWith('{')) return detectJson(start);
  if (MODULES_SECTION.test(text)) return 'modules-conf';
  return looksLikeModuleSource(text) ? 'c-source' : 'unknown';
}

function detectJson(text: string): InputFormat {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'unknown';
  }
  if (!isJsonObject(value)) return 'unknown';
  const entries = Object.values(value).slice(0, 20);
  if (entries.length === 0 || !entries.every(isJsonObject)) return 'unknown';
  // modules-metadata.json records what the loader actually used; runtime.json what the source declares.
  if (entries.some((e) => 'effective_pri' in e)) return 'trace-metadata-json';
  if (entries.some((e) => 'load_pri' in e || 'has_load' in e)) return 'runtime-json';
  return 'unknown';
}
