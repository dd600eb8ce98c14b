import {
  CORE_PROVIDER,
  type ModuleInfo,
  type ParseResult,
  type Problem,
  type ProvidedItemKind,
  type SourceRef,
} from '../model';
import { categoryFromPrefix, emptyFragment, type GraphFragment } from './fragment';
import { applyModuleinfo, readModuleinfo } from './moduleinfo';
import { readXml, type XmlElement } from './xml/readXml';

const ITEM_KINDS: Readonly<Record<string, ProvidedItemKind>> = {
  application: 'application',
  function: 'function',
  manager: 'manager',
  managerEvent: 'managerEvent',
  agi: 'agi',
};

/** `module="builtin"` marks items registered by the core (main/), not by a loadable module. */
const XMLDOC_BUILTIN = 'builtin';

/**
 * Parses an Asterisk xmldoc (`core-en_US.xml`, full or reduced to metadata): every `<module>`
 * (its MODULEINFO) and the module providing each application, function, manager action,
 * manager event and AGI command. Only direct children of `<docs>` are read; events documented
 * inside a manager action's `<responses>` are part of that action's prose.
 */
export function parseXmldoc(text: string, file: string): ParseResult<GraphFragment> {
  // Builds the children of <docs> and everything inside a <module>; the prose is only checked.
  const read = readXml(text, file, { keep: (path) => path.length <= 2 || path[1] === 'module' });
  if (!read.document) return { data: undefined, problems: read.problem ? [read.problem] : [] };
  const { root, positionOf } = read.document;
  if (root.name !== 'docs') {
    return {
      data: undefined,
      problems: [
        {
          severity: 'error',
          code: 'unknown-root',
          message: `${file}: expected an Asterisk xmldoc with root <docs>, found <${root.name}>.`,
          file,
          ...positionOf(root.start),
        },
      ],
    };
  }
  const problems: Problem[] = [];
  const fragment = emptyFragment({ sources: [{ kind: 'xmldoc', file }] });
  const refAt = (element: XmlElement): SourceRef => ({
    kind: 'xmldoc',
    file,
    ...positionOf(element.start),
  });

  const moduleElements: XmlElement[] = [];
  let previousModule: string | undefined;
  for (const child of root.children) {
    if (child.name === 'module') {
      moduleElements.push(child);
      previousModule = child.attributes.name;
      continue;
    }
    const kind = ITEM_KINDS[child.name];
    const name = child.attributes.name;
    if (!kind || name === undefined) continue;
    const declared = child.attributes.module;
    const source = refAt(child);
    if (declared !== undefined) {
      fragment.items.push({
        kind,
        name,
        module: declared === XMLDOC_BUILTIN ? CORE_PROVIDER : declared,
        source,
      });
    } else if (previousModule !== undefined) {
      // Before Asterisk 20 the xmldoc had no `module` attribute. It is written one source file
      // at a time, MODULEINFO first, so the last <module> above is the best guess; marked inferred.
      fragment.items.push({ kind, name, module: previousModule, source: { ...source, kind: 'inferred' } });
    }
  }

  for (const element of moduleElements) {
    const ref = refAt(element);
    const name = element.attributes.name?.trim();
    if (!name) {
      problems.push({
        severity: 'warning',
        code: 'unresolved-name',
        message: `${file}: a <module> has no name.`,
        file,
        line: ref.line,
        column: ref.column,
      });
      continue;
    }
    if (fragment.modules[name]) {
      const first = fragment.modules[name].sources.moduleinfo?.[0];
      problems.push({
        severity: 'warning',
        code: 'duplicate-module',
        message: `${name} appears twice in ${file} (first at line ${first?.line ?? '?'}); the first entry is kept.`,
        file,
        line: ref.line,
        column: ref.column,
        module: name,
      });
      continue;
    }
    const module = newXmldocModule(name, ref);
    fragment.modules[name] = module;
    const facts = readModuleinfo(element, { file, owner: name, positionOf, text }, problems);
    applyModuleinfo(module, facts, ref, fragment.edges, problems);
  }

  // Some loadable modules document their applications without a <module> entry (app_voicemail
  // and its storage variants since Asterisk 20): the provider itself is evidence of the module.
  for (const item of fragment.items) {
    if (item.module === CORE_PROVIDER || fragment.modules[item.module] || !categoryFromPrefix(item.module))
      continue;
    const ref: SourceRef = { ...(item.source ?? { file }), kind: 'inferred' };
    fragment.modules[item.module] = newXmldocModule(item.module, ref);
  }
  return { data: fragment, problems };
}

function newXmldocModule(name: string, ref: SourceRef): ModuleInfo {
  const category = categoryFromPrefix(name);
  // Whether a name is a loadable module is only guessed from its folder prefix here; menuselect
  // or runtime facts, when merged, decide (mergeFragments).
  const inferred: SourceRef = { ...ref, kind: 'inferred' };
  return {
    name,
    category: category ?? 'other',
    kind: category ? 'loadable' : 'non-loadable',
    supportLevel: 'unspecified',
    flags: [],
    globalSymbols: false,
    sources: { category: [inferred], kind: [inferred] },
  };
}
