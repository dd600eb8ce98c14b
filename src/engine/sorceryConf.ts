/**
 * The run-time references a server's sorcery.conf changes (main/sorcery.c): when an instance opens,
 * each object type its section maps gets those wizards, and `ast_sorcery_apply_default` then leaves
 * that type alone. So the default mapping's reference on its wizard's module goes, and each
 * configured wizard's module (`res_sorcery_<wizard>`, the module registering the wizard of that
 * name) takes one instead.
 */
import type { ModuleGraph, Problem, RuntimeReference, SorceryConf } from '../model';

export function graphWithSorceryConf(
  graph: ModuleGraph,
  conf: SorceryConf,
): { graph: ModuleGraph; problems: Problem[] } {
  const problems: Problem[] = [];
  const refs = graph.runtimeReferences ?? [];
  const instances = new Set(refs.filter((r) => r.kind === 'sorcery-wizard').map((r) => r.takenBy));
  const configured = new Set<string>();
  const added: RuntimeReference[] = [];
  for (const m of conf.mappings) {
    const where = { file: conf.file, line: m.line, column: m.column };
    if (!instances.has(m.instance)) {
      problems.push({
        severity: 'warning',
        code: 'unresolved-name',
        message: `[${m.instance}] is not a sorcery instance of this dataset (one is named after the module that opens it, such as res_pjsip): its mappings change nothing here.`,
        ...where,
      });
      continue;
    }
    const wizardModule = `res_sorcery_${m.wizard}`;
    if (graph.modules[wizardModule]?.kind !== 'loadable') {
      problems.push({
        severity: 'warning',
        code: 'unresolved-name',
        message: `Wizard '${m.wizard}' for ${m.instance} ${m.objectType}: no module ${wizardModule} in this dataset.`,
        module: m.instance,
        ...where,
      });
      continue;
    }
    configured.add(`${m.instance}\u0000${m.objectType}`);
    added.push({
      module: wizardModule,
      takenBy: m.instance,
      kind: 'sorcery-wizard',
      untilShutdown: false,
      objectType: m.objectType,
      mapping: 'always',
      sources: [{ kind: 'config', file: conf.file, line: m.line, column: m.column }],
    });
  }
  if (added.length === 0) return { graph, problems };
  const kept = refs.filter(
    (r) =>
      !(
        r.kind === 'sorcery-wizard' &&
        r.mapping === 'default' &&
        r.objectType !== undefined &&
        configured.has(`${r.takenBy}\u0000${r.objectType}`)
      ),
  );
  return { graph: { ...graph, runtimeReferences: [...kept, ...added] }, problems };
}
