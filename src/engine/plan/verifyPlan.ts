/**
 * Verifies a planned modules.conf with the loader simulation: every used application, function
 * and technology has its provider running, every declared need runs, every listed module starts,
 * and nothing runs that no requirement explains.
 */
import type { LoaderKind, ModuleGraph, ModulesConf, PlanVerification, UsedItem } from '../../model';
import { CORE_PROVIDER } from '../../model';
import { whyDeclined } from '../explain/whyChains';
import { simulate } from '../simulate';
import { dependencyTargets } from './closure';

export interface PlanRequirements {
  used: readonly UsedItem[];
  /** Modules that must run for a reason other than a used item (needs, keep, dialplan, enhancers). */
  needs: ReadonlyArray<{ module: string; reason: string }>;
}

export function verifyPlan(
  graph: ModuleGraph,
  conf: ModulesConf,
  requirements: PlanRequirements,
  loader: LoaderKind,
): PlanVerification {
  const result = simulate(graph, conf, { loader });
  const running = (m: string): boolean => m === CORE_PROVIDER || result.modules[m]?.state === 'running';

  const missingItems: PlanVerification['missingItems'] = [];
  for (const item of requirements.used) {
    if (item.module !== undefined && running(item.module)) continue;
    const entry: PlanVerification['missingItems'][number] = { kind: item.kind, name: item.name };
    if (item.module !== undefined) entry.module = item.module;
    if (item.at[0]) entry.at = item.at[0];
    missingItems.push(entry);
  }
  const missingNeeds = requirements.needs.filter((n) => !running(n.module));

  const notRunning: PlanVerification['notRunning'] = [];
  for (const e of conf.entries) {
    if (e.option === 'autoload' || e.option === 'noload' || e.option === 'unknown') continue;
    const name = e.value.replace(/\.so$/i, '');
    if (!running(name))
      notRunning.push({ module: name, why: [...new Set(whyDeclined(result, name).map((s) => s.text))] });
  }

  // What the requirements explain: their modules and everything those need to start.
  const explained = new Set<string>();
  const queue = [
    ...requirements.used.flatMap((u) => (u.module && u.module !== CORE_PROVIDER ? [u.module] : [])),
    ...requirements.needs.map((n) => n.module),
  ];
  for (let i = 0; i < queue.length; i++) {
    const m = queue[i] ?? '';
    if (explained.has(m)) continue;
    explained.add(m);
    queue.push(...dependencyTargets(graph, m));
  }
  const unneeded = result.started.filter((m) => !result.modules[m]?.builtin && !explained.has(m));

  return {
    ok:
      !result.startupFailed &&
      missingItems.length === 0 &&
      missingNeeds.length === 0 &&
      notRunning.length === 0 &&
      unneeded.length === 0,
    startupFailed: result.startupFailed,
    missingItems,
    missingNeeds: missingNeeds.map((n) => ({ module: n.module, reason: n.reason })),
    notRunning,
    unneeded,
    started: result.started,
  };
}
