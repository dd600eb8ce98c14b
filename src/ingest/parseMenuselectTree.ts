import type { ModuleCategory, ModuleInfo, ParseResult, Problem, SourceRef } from '../model';
import { emptyFragment, type GraphFragment } from './fragment';
import { applyModuleinfo, readModuleinfo } from './moduleinfo';
import { readXml, type XmlElement } from './xml/readXml';

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
  // Builds categories, members and everything inside a member (its MODULEINFO).
  const read = readXml(text, file, { keep: (path) => path.length <= 3 || path[2] === 'member' });
  if (!read.document) return { data: undefined, problems: read.problem ? [read.problem] : [] };
  const { root, positionOf } = read.document;
  if (root.name !== 'menu') {
    return {
      data: undefined,
      problems: [
        {
          severity: 'error',
          code: 'unknown-root',
          message: `${file}: expected a menuselect-tree with root <menu>, found <${root.name}>.`,
          file,
          ...positionOf(root.start),
        },
      ],
    };
  }
  const problems: Problem[] = [];
  const fragment = emptyFragment({ sources: [{ kind: 'menuselect-tree', file }] });
  const members: Array<{ element: XmlElement; category: string }> = [];
  for (const category of root.children) {
    if (category.name !== 'category') continue;
    const categoryName = category.attributes.name ?? '';
    const names: string[] = [];
    for (const member of category.children) {
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

  for (const { element, category } of members) {
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
      continue;
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
      continue;
    }
    const facts = readModuleinfo(element, { file, owner: name, positionOf, text }, problems);
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
  }
  return { data: fragment, problems };
}
