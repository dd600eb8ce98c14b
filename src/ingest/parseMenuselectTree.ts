import { XMLParser } from 'fast-xml-parser';
import type { ModuleCategory, ModuleInfo, ParseResult, Problem, SourceRef } from '../model';
import { emptyFragment, type GraphFragment } from './fragment';
import { applyModuleinfo, MODULEINFO_ARRAY_TAGS, readModuleinfo } from './moduleinfo';
import { decodeXmlText } from './xml/entities';
import { childElements, findRootElement, type ScannedElement } from './xml/scan';
import { createPositionLocator } from './xml/textPosition';
import { checkWellFormed } from './xml/wellFormed';

/**
 * menuselect categories that hold modules, one per module folder (build_tools/menuselect-deps and
 * each folder's Makefile `MENUSELECT_CATEGORY`). Members of any other category (MENUSELECT_CFLAGS,
 * MENUSELECT_UTILS, sounds...) are build options, not modules.
 */
export const MENUSELECT_MODULE_CATEGORIES: Readonly<Record<string, ModuleCategory>> = {
  MENUSELECT_ADDONS: 'addons',
  MENUSELECT_APPS: 'apps',
  MENUSELECT_BRIDGES: 'bridges',
  MENUSELECT_CDR: 'cdr',
  MENUSELECT_CEL: 'cel',
  MENUSELECT_CHANNELS: 'channels',
  MENUSELECT_CODECS: 'codecs',
  MENUSELECT_FORMATS: 'formats',
  MENUSELECT_FUNCS: 'funcs',
  MENUSELECT_PBX: 'pbx',
  MENUSELECT_RES: 'res',
  MENUSELECT_TESTS: 'tests',
};

/**
 * Parses the output of `make menuselect-tree`: categories and their members. A member's body is
 * its MODULEINFO block; members whose support level is `option` (a build option such as
 * binaural_rendering_in_bridge_softmix) or `external` (a binary module downloaded at install
 * time, such as codec_opus) are kept as build options.
 */
export function parseMenuselectTree(text: string, file: string): ParseResult<GraphFragment> {
  const malformed = checkWellFormed(text, file);
  if (malformed) return { data: undefined, problems: [malformed] };
  const root = findRootElement(text);
  if (!root || root.name !== 'menu') {
    return {
      data: undefined,
      problems: [
        {
          severity: 'error',
          code: 'unknown-root',
          message: `${file}: expected a menuselect-tree with root <menu>, found <${root?.name ?? 'nothing'}>.`,
          file,
        },
      ],
    };
  }
  const problems: Problem[] = [];
  const positionOf = createPositionLocator(text);
  const fragment = emptyFragment({ sources: [{ kind: 'menuselect-tree', file }] });
  const members: Array<{ element: ScannedElement; category: string }> = [];
  for (const category of childElements(text, root)) {
    if (category.name !== 'category') continue;
    const categoryName = category.attributes.name ?? '';
    const names: string[] = [];
    for (const member of childElements(text, category)) {
      if (member.name !== 'member') continue;
      members.push({ element: member, category: categoryName });
      if (member.attributes.name) names.push(member.attributes.name);
    }
    fragment.categories.push({
      name: categoryName,
      displayName: category.attributes.displayname ?? categoryName,
      members: names,
    });
  }

  const bodies = parseMemberBodies(
    text,
    members.map((m) => m.element),
  );
  members.forEach(({ element, category }, index) => {
    const ref: SourceRef = { kind: 'menuselect-tree', file, ...positionOf(element.start) };
    const name = element.attributes.name?.trim();
    if (!name) {
      problems.push({
        severity: 'warning',
        code: 'unresolved-name',
        message: `${file}: a <member> has no name.`,
        file,
        line: ref.line,
        column: ref.column,
      });
      return;
    }
    if (fragment.modules[name]) {
      problems.push({
        severity: 'warning',
        code: 'duplicate-module',
        message: `${name} appears twice in ${file}; the first entry is kept.`,
        file,
        line: ref.line,
        column: ref.column,
        module: name,
      });
      return;
    }
    const facts = readModuleinfo(bodies[index]);
    const moduleCategory = MENUSELECT_MODULE_CATEGORIES[category];
    const level = facts.supportLevel?.toLowerCase();
    const isModule = moduleCategory !== undefined && level !== 'option' && level !== 'external';
    const module: ModuleInfo = {
      name,
      category: moduleCategory ?? 'other',
      kind: isModule ? 'loadable' : 'build-option',
      supportLevel: 'unspecified',
      flags: [],
      globalSymbols: false,
      sources: { category: [ref], kind: [ref] },
    };
    const description = element.attributes.displayname?.trim();
    if (description) {
      module.description = description;
      module.sources.description = [ref];
    }
    fragment.modules[name] = module;
    applyModuleinfo(module, facts, ref, fragment.edges, problems);
  });
  return { data: fragment, problems };
}

function parseMemberBodies(text: string, elements: readonly ScannedElement[]): unknown[] {
  if (elements.length === 0) return [];
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    trimValues: true,
    isArray: (tagName) => tagName === 'member' || MODULEINFO_ARRAY_TAGS.has(tagName),
    tagValueProcessor: (_tag, value) => decodeXmlText(value),
    attributeValueProcessor: (_name, value) => decodeXmlText(value),
  });
  const joined = `<m>${elements.map((e) => text.slice(e.start, e.end)).join('')}</m>`;
  const parsed: unknown = parser.parse(joined);
  return (parsed as { m?: { member?: unknown[] } }).m?.member ?? [];
}
