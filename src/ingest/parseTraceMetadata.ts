import type { ParseResult, Problem, SourceRef } from '../model';
import { emptyFragment, type GraphFragment } from './fragment';
import {
  entryNotObjectProblem,
  isJsonObject,
  readJsonObject,
  stringList,
  topLevelKeyPositions,
} from './json/readJson';
import { pushRuntimeEdges, runtimeModule } from './parseRuntimeJson';

/** Keys whose dependencies exist only when Asterisk is built with pjproject (`#ifdef HAVE_PJPROJECT`). */
const CONDITIONAL_SUFFIX = '_if_HAVE_PJPROJECT';

/**
 * Parses the loader-trace table `modules-metadata.json`: per module of one real build, its flags,
 * the priority the loader actually used (`effective_pri`), requires / optional / enhances as
 * compiled, and `links_against_global_symbol_modules` (from `nm -D` of the built `.so`): the
 * GLOBAL_SYMBOLS modules it needs at dlopen time, which become `links` edges.
 *
 * Keys ending in `_if_HAVE_PJPROJECT` list dependencies that sit inside `#ifdef HAVE_PJPROJECT` in
 * the module's source; that build had no pjproject, so they were not compiled in and are not
 * dependencies of the traced build. They are reported (info) and left out.
 */
export function parseTraceMetadata(text: string, file: string): ParseResult<GraphFragment> {
  const { value, problem } = readJsonObject(text, file);
  if (!value) return { data: undefined, problems: problem ? [problem] : [] };
  const problems: Problem[] = [];
  const fragment = emptyFragment({ sources: [{ kind: 'trace-metadata', file }], hasLinkFacts: true });
  const positionOf = topLevelKeyPositions(text, Object.keys(value));
  for (const [name, entry] of Object.entries(value)) {
    const ref: SourceRef = { kind: 'trace-metadata', file, ...(positionOf(name) ?? {}) };
    if (!isJsonObject(entry)) {
      problems.push(entryNotObjectProblem(file, name, ref));
      continue;
    }
    const flags = stringList(entry.flags);
    const pri = typeof entry.effective_pri === 'number' ? entry.effective_pri : 128;
    const folder = typeof entry.source === 'string' ? entry.source.split('/')[0] : undefined;
    const module = runtimeModule(name, { ...entry, category: folder }, ref, flags, pri);
    if (typeof entry.global_symbols === 'boolean') module.globalSymbols = entry.global_symbols;
    fragment.modules[name] = module;
    pushRuntimeEdges(fragment.edges, name, entry, ref);
    for (const to of stringList(entry.links_against_global_symbol_modules)) {
      fragment.edges.push({ from: name, to, kind: 'links', sources: [ref] });
    }
    for (const [key, targets] of Object.entries(entry)) {
      if (!key.endsWith(CONDITIONAL_SUFFIX)) continue;
      const names = stringList(targets);
      if (names.length === 0) continue;
      const field = key.slice(0, -CONDITIONAL_SUFFIX.length);
      problems.push({
        severity: 'info',
        code: 'source-disagreement',
        message: `${name} lists ${names.join(', ')} in ${field} only when built with pjproject; this build had none, so they are not dependencies here.`,
        file,
        line: ref.line,
        column: ref.column,
        module: name,
      });
    }
  }
  return { data: fragment, problems };
}
