import type {
  EdgeKind,
  ModuleCategory,
  ModuleFact,
  ModuleKind,
  ProvidedItemKind,
  SourceKind,
} from '../../model';
import { EDGE_KINDS, MODULE_CATEGORIES, PROVIDED_ITEM_KINDS, SUPPORT_LEVELS } from '../../model';

/** Namespace of Module Metadata XML; the trailing number is the format version. */
export const METADATA_NAMESPACE = 'urn:asterisk-module-explorer:module-metadata:1';
export const METADATA_FORMAT_VERSION = '1';

/** Order in which per-fact source attributes (`src-<fact>`) are written. */
export const MODULE_FACTS_IN_ORDER: readonly ModuleFact[] = [
  'description',
  'category',
  'supportLevel',
  'defaultEnabled',
  'loadPriority',
  'flags',
  'kind',
  'deprecation',
  'moduleinfo',
];

export const SOURCE_KINDS: readonly SourceKind[] = [
  'xmldoc',
  'menuselect-tree',
  'runtime',
  'trace-metadata',
  'metadata-xml',
  'inferred',
  'elf',
  'config',
];
export const MODULE_KINDS: readonly ModuleKind[] = ['loadable', 'builtin', 'non-loadable', 'build-option'];
export { SUPPORT_LEVELS };

export function isOneOf<T extends string>(values: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (values as readonly string[]).includes(value);
}

export const CATEGORY_VALUES: readonly ModuleCategory[] = MODULE_CATEGORIES;
export const EDGE_KIND_VALUES: readonly EdgeKind[] = EDGE_KINDS;
export const ITEM_KIND_VALUES: readonly ProvidedItemKind[] = PROVIDED_ITEM_KINDS;
