import {
  indexEdges,
  type DatasetInfo,
  type DependencyEdge,
  type ExternalLibrary,
  type MenuselectCategory,
  type ModuleGraph,
  type ModuleInfo,
  type ParseResult,
  type Problem,
  type ProvidedItem,
  type RuntimeReference,
  type SourceRef,
  RUNTIME_REFERENCE_KINDS,
} from '../../model';
import { METADATA_ROOT } from '../detectFormat';
import { readXml, type XmlElement } from '../xml/readXml';
import type { PositionOf } from '../xml/textPosition';
import { datasetVersionOf } from './datasetVersion';
import {
  CATEGORY_VALUES,
  EDGE_KIND_VALUES,
  isOneOf,
  ITEM_KIND_VALUES,
  METADATA_FORMAT_VERSION,
  MODULE_FACTS_IN_ORDER,
  MODULE_KINDS,
  SOURCE_KINDS,
  SUPPORT_LEVELS,
} from './vocabulary';

function words(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(/\s+/).filter((w) => w !== '');
}

function bool(value: string | undefined): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

class Reader {
  readonly problems: Problem[] = [];
  private readonly files = new Map<string, { kind: SourceRef['kind']; file: string }>();

  constructor(
    private readonly file: string,
    private readonly positionOf: PositionOf,
  ) {}

  problem(element: XmlElement, message: string, module?: string): void {
    this.problems.push({
      severity: 'warning',
      code: 'unknown-format',
      message: `${this.file}: ${message}`,
      file: this.file,
      ...this.positionOf(element.start),
      ...(module === undefined ? {} : { module }),
    });
  }

  addFile(element: XmlElement): void {
    const { id, kind, name } = element.attributes;
    if (id === undefined || name === undefined || !isOneOf(SOURCE_KINDS, kind)) {
      this.problem(element, '<file> needs id, a known kind and name; skipped.');
      return;
    }
    this.files.set(id, { kind, file: name });
  }

  /** Positions a module states once per file (`at`), which `@id` tokens refer to. */
  readonly anchors = new Map<string, Map<string, string>>();

  refs(element: XmlElement, value: string | undefined, anchors?: ReadonlyMap<string, string>): SourceRef[] {
    const refs: SourceRef[] = [];
    for (const word of words(value)) {
      let token = word;
      if (token.startsWith('@')) {
        const position = anchors?.get(token.slice(1));
        if (position === undefined) {
          this.problem(element, `source "${token}" has no matching position in the module's "at"; ignored.`);
          continue;
        }
        token = `${token.slice(1)}:${position}`;
      }
      const [id = '', line, column] = token.split(':');
      const file = this.files.get(id);
      if (!file) {
        this.problem(element, `source "${token}" names no <file> id; ignored.`);
        continue;
      }
      const ref: SourceRef = { kind: file.kind, file: file.file };
      if (line !== undefined) ref.line = Number(line);
      if (column !== undefined) ref.column = Number(column);
      refs.push(ref);
    }
    return refs;
  }
}

/**
 * Reads Module Metadata XML back into the exact ModuleGraph it was written from
 * (writeMetadataXml). Unknown values are reported with their line and skipped, never guessed.
 */
export function parseMetadataXml(text: string, file: string): ParseResult<ModuleGraph> {
  // <moduleMetadata> > section > entry > <runtimeFactsFrom> is as deep as the format goes.
  const read = readXml(text, file, { keep: (path) => path.length <= 4 });
  if (!read.document) return { data: undefined, problems: read.problem ? [read.problem] : [] };
  const { root, positionOf } = read.document;
  if (root.name !== METADATA_ROOT) {
    return {
      data: undefined,
      problems: [
        {
          severity: 'error',
          code: 'unknown-root',
          message: `${file}: expected Module Metadata XML with root <${METADATA_ROOT}>, found <${root.name}>.`,
          file,
          ...positionOf(root.start),
        },
      ],
    };
  }
  const reader = new Reader(file, positionOf);
  const version = root.attributes.formatVersion;
  if (version !== METADATA_FORMAT_VERSION) {
    reader.problem(
      root,
      `format version ${version ?? '(none)'} is not ${METADATA_FORMAT_VERSION}; reading it as version ${METADATA_FORMAT_VERSION}.`,
    );
  }
  const sections = new Map<string, XmlElement>();
  for (const section of root.children) sections.set(section.name, section);
  const children = (name: string): XmlElement[] => {
    const section = sections.get(name);
    return section ? section.children : [];
  };

  for (const element of children('files')) reader.addFile(element);
  const info = readDataset(sections.get('dataset'), reader);
  const modules: Record<string, ModuleInfo> = {};
  for (const element of children('modules')) {
    const module = readModule(element, reader);
    if (module) modules[module.name] = module;
  }
  const libraries: Record<string, ExternalLibrary> = {};
  for (const element of children('libraries')) {
    const name = element.attributes.name;
    if (name === undefined) reader.problem(element, '<library> without a name; skipped.');
    else libraries[name] = { name, sources: reader.refs(element, element.attributes.src) };
  }
  const edges: DependencyEdge[] = [];
  for (const element of children('edges')) {
    const { from, to, kind, optional, whenBuiltWith } = element.attributes;
    if (from === undefined || to === undefined || !isOneOf(EDGE_KIND_VALUES, kind)) {
      reader.problem(element, `<edge> needs from, to and a known kind (got "${kind ?? ''}"); skipped.`);
      continue;
    }
    const edge: DependencyEdge = {
      from,
      to,
      kind,
      sources: reader.refs(element, element.attributes.src, reader.anchors.get(from)),
    };
    const isOptional = bool(optional);
    if (isOptional !== undefined) edge.optional = isOptional;
    if (whenBuiltWith !== undefined && whenBuiltWith !== '') edge.whenBuiltWith = whenBuiltWith;
    edges.push(edge);
  }
  const items: ProvidedItem[] = [];
  for (const element of children('items')) {
    const { kind, name, module, src } = element.attributes;
    if (name === undefined || module === undefined || !isOneOf(ITEM_KIND_VALUES, kind)) {
      reader.problem(element, `<item> needs name, module and a known kind (got "${kind ?? ''}"); skipped.`);
      continue;
    }
    const item: ProvidedItem = { kind, name, module };
    const source = src === undefined ? undefined : reader.refs(element, src)[0];
    if (source) item.source = source;
    items.push(item);
  }
  const categories: MenuselectCategory[] = children('categories').map((element) => ({
    name: element.attributes.name ?? '',
    displayName: element.attributes.displayName ?? element.attributes.name ?? '',
    members: words(element.attributes.members),
  }));
  const graph: ModuleGraph = { info, modules, libraries, edges, ...indexEdges(edges), items, categories };
  // The section is optional: absent means the dataset does not know its run-time references.
  if (sections.has('runtimeReferences')) graph.runtimeReferences = readRuntimeReferences(children, reader);
  return { data: graph, problems: reader.problems };
}

function readRuntimeReferences(children: (name: string) => XmlElement[], reader: Reader): RuntimeReference[] {
  const references: RuntimeReference[] = [];
  for (const element of children('runtimeReferences')) {
    const { module, takenBy, kind, untilShutdown, conditional, objectType, mapping, src } = element.attributes;
    if (module === undefined || takenBy === undefined || !isOneOf(RUNTIME_REFERENCE_KINDS, kind)) {
      reader.problem(
        element,
        `<reference> needs module, takenBy and a known kind (got "${kind ?? ''}"); skipped.`,
      );
      continue;
    }
    const reference: RuntimeReference = {
      module,
      takenBy,
      kind,
      untilShutdown: untilShutdown === 'true',
      sources: reader.refs(element, src),
    };
    if (bool(conditional) === true) reference.conditional = true;
    if (objectType !== undefined) reference.objectType = objectType;
    if (mapping === 'default' || mapping === 'always') reference.mapping = mapping;
    references.push(reference);
  }
  return references;
}

function readDataset(element: XmlElement | undefined, reader: Reader): DatasetInfo {
  const a = element?.attributes ?? {};
  const version = datasetVersionOf(a.version);
  if (element && version.rejected !== undefined)
    reader.problem(element, `dataset version ${version.rejected} is not a version; shown as "custom".`);
  const info: DatasetInfo = {
    version: version.version,
    sources: element ? reader.refs(element, a.sources) : [],
    hasLinkFacts: a.hasLinkFacts === 'true',
    builtinOrder: words(a.builtinOrder),
  };
  if (a.commit !== undefined) info.commit = a.commit;
  const matchElement = element?.children.find((c) => c.name === 'runtimeFactsFrom');
  if (matchElement) {
    const m = matchElement.attributes;
    const from = datasetVersionOf(m.version);
    if (from.rejected !== undefined)
      reader.problem(matchElement, `runtimeFactsFrom version ${from.rejected} is not a version; ignored.`);
    info.runtimeFactsFrom = {
      version: from.rejected === undefined ? from.version : '',
      matched: Number(m.matched ?? 0),
      matchedCount: Number(m.matchedCount ?? 0),
      total: Number(m.total ?? 0),
    };
  }
  return info;
}

function readModule(element: XmlElement, reader: Reader): ModuleInfo | undefined {
  const a = element.attributes;
  const name = a.name;
  if (name === undefined) {
    reader.problem(element, '<module> without a name; skipped.');
    return undefined;
  }
  if (
    !isOneOf(CATEGORY_VALUES, a.category) ||
    !isOneOf(MODULE_KINDS, a.kind) ||
    !isOneOf(SUPPORT_LEVELS, a.support)
  ) {
    reader.problem(element, `${name} has an unknown category, kind or support level; skipped.`, name);
    return undefined;
  }
  const module: ModuleInfo = {
    name,
    category: a.category,
    kind: a.kind,
    supportLevel: a.support,
    flags: words(a.flags),
    globalSymbols: a.globalSymbols === 'true',
    sources: {},
  };
  if (a.priority !== undefined) {
    const priority = Number(a.priority);
    if (Number.isFinite(priority)) module.loadPriority = priority;
    else
      reader.problem(
        element,
        `${name} has a load priority that is not a number ("${a.priority}"); ignored.`,
        name,
      );
  }
  const hasLoad = bool(a.hasLoad);
  if (hasLoad !== undefined) module.hasLoad = hasLoad;
  const defaultEnabled = bool(a.defaultEnabled);
  if (defaultEnabled !== undefined) module.defaultEnabled = defaultEnabled;
  if (a.deprecatedIn !== undefined) module.deprecatedIn = a.deprecatedIn;
  if (a.linksFrom !== undefined) module.linksFrom = a.linksFrom;
  if (a.removedIn !== undefined) module.removedIn = a.removedIn;
  if (a.replacement !== undefined) module.replacement = a.replacement;
  if (a.description !== undefined) module.description = a.description;
  const anchors = new Map<string, string>();
  for (const token of words(a.at)) {
    const colon = token.indexOf(':');
    if (colon > 0) anchors.set(token.slice(0, colon), token.slice(colon + 1));
  }
  reader.anchors.set(name, anchors);
  for (const fact of MODULE_FACTS_IN_ORDER) {
    const value = a[`src-${fact}`];
    if (value !== undefined) module.sources[fact] = reader.refs(element, value, anchors);
  }
  return module;
}
