import type { DependencyEdge, ModuleInfo, Problem, SourceRef, SupportLevel } from '../model';

/**
 * The MODULEINFO block every Asterisk module source carries (`/*** MODULEINFO ... ***\/`), as it
 * appears inside both an xmldoc `<module>` and a menuselect `<member>`.
 */
export interface ModuleinfoFacts {
  depends: string[];
  uses: Array<{ name: string; type: string | undefined }>;
  conflicts: string[];
  supportLevel?: string;
  defaultEnabled?: string;
  replacement?: string;
  deprecatedIn?: string;
  removedIn?: string;
}

/** Tags fast-xml-parser must always give as arrays inside a MODULEINFO block. */
export const MODULEINFO_ARRAY_TAGS: ReadonlySet<string> = new Set(['depend', 'use', 'conflict']);

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text of a leaf that may carry attributes (`<use type="module">x</use>` becomes an object). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isNode(value)) return textOf(value['#text']);
  return '';
}

function list(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function optionalText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = textOf(Array.isArray(value) ? value[0] : value);
  return text === '' ? undefined : text;
}

export function readModuleinfo(node: unknown): ModuleinfoFacts {
  const n = isNode(node) ? node : {};
  const facts: ModuleinfoFacts = {
    depends: list(n.depend)
      .map(textOf)
      .filter((s) => s !== ''),
    uses: list(n.use)
      .map((u) => ({
        name: textOf(u),
        type: isNode(u) && typeof u.type === 'string' ? u.type.trim() : undefined,
      }))
      .filter((u) => u.name !== ''),
    conflicts: list(n.conflict)
      .map(textOf)
      .filter((s) => s !== ''),
  };
  const supportLevel = optionalText(n.support_level);
  const defaultEnabled = optionalText(n.defaultenabled);
  const replacement = optionalText(n.replacement);
  const deprecatedIn = optionalText(n.deprecated_in);
  const removedIn = optionalText(n.removed_in);
  if (supportLevel !== undefined) facts.supportLevel = supportLevel;
  if (defaultEnabled !== undefined) facts.defaultEnabled = defaultEnabled;
  if (replacement !== undefined) facts.replacement = replacement;
  if (deprecatedIn !== undefined) facts.deprecatedIn = deprecatedIn;
  if (removedIn !== undefined) facts.removedIn = removedIn;
  return facts;
}

const SUPPORT_LEVELS: ReadonlySet<string> = new Set(['core', 'extended', 'deprecated', 'external', 'option']);

export function toSupportLevel(value: string | undefined): SupportLevel | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  return SUPPORT_LEVELS.has(lower) ? (lower as SupportLevel) : undefined;
}

/**
 * Copies MODULEINFO facts onto `module` (recording `ref` as their source) and appends its edges.
 * Edges are tentative: `mergeFragments` turns a `<depend>` on a non-module into `uses-library`, and
 * an untyped `<use>` (marked `optional: true` on an `optional` edge) into whichever it names.
 */
export function applyModuleinfo(
  module: ModuleInfo,
  facts: ModuleinfoFacts,
  ref: SourceRef,
  edges: DependencyEdge[],
  problems: Problem[],
): void {
  module.sources.moduleinfo = [ref];
  const level = toSupportLevel(facts.supportLevel);
  if (facts.supportLevel !== undefined) {
    if (level) {
      module.supportLevel = level;
      module.sources.supportLevel = [ref];
    } else {
      problems.push({
        severity: 'warning',
        code: 'unresolved-name',
        message: `${module.name} has an unknown support level "${facts.supportLevel}".`,
        file: ref.file,
        ...position(ref),
        module: module.name,
      });
    }
  }
  if (facts.defaultEnabled !== undefined) {
    module.defaultEnabled = facts.defaultEnabled.toLowerCase() !== 'no';
    module.sources.defaultEnabled = [ref];
  }
  if (facts.replacement !== undefined || facts.deprecatedIn !== undefined || facts.removedIn !== undefined) {
    if (facts.replacement !== undefined) module.replacement = facts.replacement;
    if (facts.deprecatedIn !== undefined) module.deprecatedIn = facts.deprecatedIn;
    if (facts.removedIn !== undefined) module.removedIn = facts.removedIn;
    module.sources.deprecation = [ref];
  }
  const from = module.name;
  for (const to of facts.depends) edges.push({ from, to, kind: 'depends', sources: [ref] });
  for (const use of facts.uses) {
    if (use.type === 'module') edges.push({ from, to: use.name, kind: 'optional', sources: [ref] });
    else if (use.type === 'external')
      edges.push({ from, to: use.name, kind: 'uses-library', optional: true, sources: [ref] });
    else edges.push({ from, to: use.name, kind: 'optional', optional: true, sources: [ref] });
  }
  for (const to of facts.conflicts) edges.push({ from, to, kind: 'conflicts', sources: [ref] });
}

function position(ref: SourceRef): { line?: number; column?: number } {
  return {
    ...(ref.line === undefined ? {} : { line: ref.line }),
    ...(ref.column === undefined ? {} : { column: ref.column }),
  };
}

export function problemPosition(ref: SourceRef | undefined): {
  file?: string;
  line?: number;
  column?: number;
} {
  if (!ref) return {};
  return { file: ref.file, ...position(ref) };
}
