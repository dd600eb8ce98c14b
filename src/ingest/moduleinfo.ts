import type { DependencyEdge, ModuleInfo, Problem, SourceRef, SupportLevel } from '../model';
import type { XmlElement } from './xml/readXml';
import type { PositionOf } from './xml/textPosition';

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

/** MODULEINFO children whose text names a module or library (one per element). */
const NAME_TAGS: ReadonlySet<string> = new Set(['depend', 'use', 'conflict']);

const UNRESOLVED_REFERENCE = /&[A-Za-z_][\w.-]*;/;

/** Where a MODULEINFO block sits, for problems about its parts. */
export interface ModuleinfoContext {
  file: string;
  /** The module or member the block belongs to (`a <member>` when it has no name). */
  owner: string;
  positionOf: PositionOf;
  /** The raw file text, to show what an element said before its entity references were resolved. */
  text: string;
}

function firstText(element: XmlElement, tag: string): string | undefined {
  const child = element.children.find((c) => c.name === tag);
  const text = child?.text.trim();
  return text === undefined || text === '' ? undefined : text;
}

/**
 * Reads a `<module>` or `<member>` element's MODULEINFO. A name element that ends up naming nothing
 * (empty, or an entity reference that expands to nothing or cannot be resolved) is reported with its
 * position and skipped: a dependency never disappears silently.
 */
export function readModuleinfo(
  element: XmlElement,
  context: ModuleinfoContext,
  problems: Problem[],
): ModuleinfoFacts {
  const facts: ModuleinfoFacts = { depends: [], uses: [], conflicts: [] };
  for (const child of element.children) {
    if (!NAME_TAGS.has(child.name)) continue;
    const name = child.text.trim();
    const unresolved = UNRESOLVED_REFERENCE.exec(name)?.[0];
    if (name === '' || unresolved !== undefined) {
      const raw = context.text.slice(child.contentStart, child.contentEnd).trim();
      const shown = raw.length > 60 ? `${raw.slice(0, 57)}...` : raw;
      const why =
        unresolved !== undefined
          ? `entity ${unresolved} is not declared in this file`
          : raw === ''
            ? 'it is empty'
            : `"${shown}" expands to nothing`;
      problems.push({
        severity: 'warning',
        code: 'unresolved-name',
        message: `${context.owner}: the <${child.name}> at line ${context.positionOf(child.start).line} names no module (${why}); it is skipped.`,
        file: context.file,
        ...context.positionOf(child.start),
        ...(context.owner.startsWith('a <') ? {} : { module: context.owner }),
      });
      continue;
    }
    if (child.name === 'depend') facts.depends.push(name);
    else if (child.name === 'conflict') facts.conflicts.push(name);
    else {
      const type = child.attributes.type?.trim();
      if (type !== undefined && type !== 'module' && type !== 'external')
        problems.push({
          severity: 'warning',
          code: 'unresolved-name',
          message: `${context.owner}: <use type=${JSON.stringify(type.slice(0, 40))}> is neither "module" nor "external"; ${name} is read as an untyped <use>.`,
          file: context.file,
          ...context.positionOf(child.start),
          ...(context.owner.startsWith('a <') ? {} : { module: context.owner }),
        });
      facts.uses.push({ name, type: type === 'module' || type === 'external' ? type : undefined });
    }
  }
  const supportLevel = firstText(element, 'support_level');
  const defaultEnabled = firstText(element, 'defaultenabled');
  const replacement = firstText(element, 'replacement');
  const deprecatedIn = firstText(element, 'deprecated_in');
  const removedIn = firstText(element, 'removed_in');
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
