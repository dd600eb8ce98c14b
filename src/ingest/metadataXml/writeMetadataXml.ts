import { MODULE_FACTS_IN_ORDER, METADATA_FORMAT_VERSION, METADATA_NAMESPACE } from './vocabulary';
import type { ModuleGraph, ModuleInfo, SourceKind, SourceRef } from '../../model';
import { escapeXmlAttribute } from '../xml/entities';
import { METADATA_ROOT } from '../detectFormat';

export interface WriteMetadataOptions {
  /** Free text written as an XML comment after the declaration (e.g. where the data came from). */
  comment?: string;
}

/** Source files get short numeric ids so each fact's origin costs a few characters. */
class FileTable {
  private readonly ids = new Map<string, number>();
  readonly rows: Array<{ kind: SourceKind; file: string }> = [];

  id(ref: SourceRef): number {
    const key = `${ref.kind}\u0000${ref.file}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.rows.length;
      this.ids.set(key, id);
      this.rows.push({ kind: ref.kind, file: ref.file });
    }
    return id;
  }

  /** `id`, `id:line` or `id:line:column`; `@id` when the position is the element's anchor in that file. */
  ref(ref: SourceRef, anchors?: ReadonlyMap<number, string>): string {
    const id = this.id(ref);
    if (ref.line === undefined) return String(id);
    const position = ref.column === undefined ? `${ref.line}` : `${ref.line}:${ref.column}`;
    return anchors?.get(id) === position ? `@${id}` : `${id}:${position}`;
  }

  refs(refs: readonly SourceRef[], anchors?: ReadonlyMap<number, string>): string {
    return refs.map((r) => this.ref(r, anchors)).join(' ');
  }

  /**
   * A module's facts from one file all point at the same element (its <module> or <member>, its
   * runtime.json entry), so each module states that position once per file (`at`) and its facts,
   * and the edges leaving it, refer to it as `@id`.
   */
  anchorsOf(module: ModuleInfo): Map<number, string> {
    const anchors = new Map<number, string>();
    for (const refs of Object.values(module.sources)) {
      for (const ref of refs ?? []) {
        if (ref.line === undefined) continue;
        const id = this.id(ref);
        if (!anchors.has(id))
          anchors.set(id, ref.column === undefined ? `${ref.line}` : `${ref.line}:${ref.column}`);
      }
    }
    return anchors;
  }
}

function attrs(pairs: ReadonlyArray<readonly [string, string | number | boolean | undefined]>): string {
  let out = '';
  for (const [name, value] of pairs) {
    if (value === undefined) continue;
    out += ` ${name}="${escapeXmlAttribute(String(value))}"`;
  }
  return out;
}

function moduleLine(m: ModuleInfo, files: FileTable, anchors: ReadonlyMap<number, string>): string {
  const pairs: Array<readonly [string, string | number | boolean | undefined]> = [
    ['name', m.name],
    ['category', m.category],
    ['kind', m.kind],
    ['support', m.supportLevel],
    ['priority', m.loadPriority],
    ['flags', m.flags.length > 0 ? m.flags.join(' ') : undefined],
    ['globalSymbols', m.globalSymbols ? true : undefined],
    ['hasLoad', m.hasLoad],
    ['defaultEnabled', m.defaultEnabled],
    ['deprecatedIn', m.deprecatedIn],
    ['removedIn', m.removedIn],
    ['replacement', m.replacement],
    ['linksFrom', m.linksFrom],
    ['description', m.description],
  ];
  if (anchors.size > 0)
    pairs.push(['at', [...anchors].map(([id, position]) => `${id}:${position}`).join(' ')]);
  for (const fact of MODULE_FACTS_IN_ORDER) {
    const refs = m.sources[fact];
    if (refs) pairs.push([`src-${fact}`, files.refs(refs, anchors)]);
  }
  return `<module${attrs(pairs)}/>`;
}

/**
 * Writes Module Metadata XML (docs/format.md): everything a ModuleGraph holds, one element per
 * module, library, edge, provided item and category, all data in attributes. The output is
 * deterministic for a given graph, so regenerated datasets diff cleanly.
 */
export function writeMetadataXml(graph: ModuleGraph, options: WriteMetadataOptions = {}): string {
  const files = new FileTable();
  const body: string[] = [];
  const info = graph.info;
  body.push(
    `<dataset${attrs([
      ['version', info.version],
      ['commit', info.commit],
      ['hasLinkFacts', info.hasLinkFacts],
      ['builtinOrder', info.builtinOrder.join(' ')],
      ['sources', files.refs(info.sources)],
    ])}>`,
  );
  const r = info.runtimeFactsFrom;
  if (r) {
    body.push(
      `<runtimeFactsFrom${attrs([
        ['version', r.version],
        ['matched', r.matched],
        ['matchedCount', r.matchedCount],
        ['total', r.total],
      ])}/>`,
    );
  }
  body.push('</dataset>');
  const anchorsByModule = new Map<string, Map<number, string>>();
  body.push('<modules>');
  for (const m of Object.values(graph.modules)) {
    const anchors = files.anchorsOf(m);
    anchorsByModule.set(m.name, anchors);
    body.push(moduleLine(m, files, anchors));
  }
  body.push('</modules>');
  body.push(
    '<libraries>',
    ...Object.values(graph.libraries).map(
      (l) =>
        `<library${attrs([
          ['name', l.name],
          ['src', files.refs(l.sources)],
        ])}/>`,
    ),
    '</libraries>',
  );
  body.push(
    '<edges>',
    ...graph.edges.map(
      (e) =>
        `<edge${attrs([
          ['from', e.from],
          ['to', e.to],
          ['kind', e.kind],
          ['optional', e.optional],
          ['whenBuiltWith', e.whenBuiltWith],
          ['src', files.refs(e.sources, anchorsByModule.get(e.from))],
        ])}/>`,
    ),
    '</edges>',
  );
  body.push(
    '<items>',
    ...graph.items.map(
      (i) =>
        `<item${attrs([
          ['kind', i.kind],
          ['name', i.name],
          ['module', i.module],
          ['src', i.source ? files.ref(i.source) : undefined],
        ])}/>`,
    ),
    '</items>',
  );
  body.push(
    '<categories>',
    ...graph.categories.map(
      (c) =>
        `<category${attrs([
          ['name', c.name],
          ['displayName', c.displayName],
          ['members', c.members.join(' ')],
        ])}/>`,
    ),
    '</categories>',
  );
  if (graph.runtimeReferences) {
    body.push(
      '<runtimeReferences>',
      ...graph.runtimeReferences.map(
        (r) =>
          `<reference${attrs([
            ['module', r.module],
            ['takenBy', r.takenBy],
            ['kind', r.kind],
            ['untilShutdown', r.untilShutdown],
            ['conditional', r.conditional],
            ['objectType', r.objectType],
            ['mapping', r.mapping],
            ['src', files.refs(r.sources)],
          ])}/>`,
      ),
      '</runtimeReferences>',
    );
  }
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...(options.comment ? [`<!-- ${options.comment.replace(/--/g, '- -')} -->`] : []),
    `<${METADATA_ROOT}${attrs([
      ['xmlns', METADATA_NAMESPACE],
      ['formatVersion', METADATA_FORMAT_VERSION],
    ])}>`,
    '<files>',
    ...files.rows.map(
      (f, id) =>
        `<file${attrs([
          ['id', id],
          ['kind', f.kind],
          ['name', f.file],
        ])}/>`,
    ),
    '</files>',
  ];
  return [...head, ...body, `</${METADATA_ROOT}>`, ''].join('\n');
}
