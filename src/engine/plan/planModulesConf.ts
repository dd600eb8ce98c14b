/**
 * Plans a minimal modules.conf from a dialplan and declared needs: every used application,
 * function, channel technology and switch mapped to its providing module, the needs added, the
 * set closed over what the loader needs to start each module, each module's presence explained,
 * the file written with autoload = no, and the result verified with the loader simulation.
 */
import type {
  Dialplan,
  DialplanLocation,
  DialplanUse,
  LoaderKind,
  ModuleGraph,
  ModulesConf,
  ModulesPlan,
  PlanNeeds,
  PlanOption,
  PlanReason,
  PlannedModule,
  Problem,
  UsedItem,
} from '../../model';
import { CORE_PROVIDER, MODULE_CONTEXTS, edgesFrom } from '../../model';
import { loaderKindFor } from '../loaderReleases';
import { simulate } from '../simulate';
import { autoloadBaseline } from '../autoloadBaseline';
import { dependencyTargets, enhancersOf } from './closure';
import { lineDiff } from './lineDiff';
import { resolveNeeds, technologyDefaults } from './needs';
import { chooseProvider, providersOf } from './providers';
import type { UsedKind } from './providers';
import { verifyPlan } from './verifyPlan';
import type { PlanRequirements } from './verifyPlan';
import { writeModulesConf } from './writeModulesConf';

export interface PlanInput {
  graph: ModuleGraph;
  dialplan?: Dialplan;
  needs?: PlanNeeds;
  /** The user's modules.conf, parsed and as text, to compare with. */
  current?: { conf: ModulesConf; text: string };
  loader?: LoaderKind;
}

/** Applications that play or record sound files, so some file format must be loaded. */
const SOUND_APPLICATIONS = new Set([
  'playback',
  'background',
  'read',
  'voicemail',
  'voicemailmain',
  'queue',
  'saydigits',
  'saynumber',
  'sayalpha',
  'sayunixtime',
  'confbridge',
  'musiconhold',
  'mixmonitor',
  'record',
  'controlplayback',
  'authenticate',
  'directory',
  'followme',
  'meetme',
  'page',
  'waitexten',
  'chanspy',
]);

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function where(at: DialplanLocation, entry: string | undefined): string {
  return at.file === entry ? `line ${at.line}` : `${fileName(at.file)} line ${at.line}`;
}

function useText(use: DialplanUse, count: number, entry: string | undefined): string {
  const place =
    use.context === undefined
      ? '[globals]'
      : `[${use.context}]${use.extension !== undefined ? ` exten ${use.extension}` : ''}`;
  const via = use.via ? ` via ${use.via}` : '';
  const more = count > 1 ? `, and ${count - 1} more place${count === 2 ? '' : 's'}` : '';
  return `${use.name} used in ${place}, ${where(use, entry)}${via}${more}`;
}

const KIND_WORD: Record<UsedKind, string> = {
  application: 'application',
  function: 'function',
  technology: 'channel technology',
  switch: 'switch type',
};

export function planModulesConf(input: PlanInput): ModulesPlan {
  const { graph } = input;
  const loader = input.loader ?? loaderKindFor(graph.info.version);
  const version = graph.info.version;
  const warnings: Problem[] = [];
  const notes: string[] = [];
  const entry = input.dialplan?.files[0];

  const plan = new Map<string, PlannedModule>();
  const needs: Array<{ module: string; reason: string }> = [];
  const addReason = (module: string, reason: PlanReason): void => {
    let m = plan.get(module);
    if (!m) {
      m = { name: module, category: graph.modules[module]?.category ?? 'other', option: 'load', reasons: [] };
      plan.set(module, m);
    }
    if (!m.reasons.some((r) => r.text === reason.text)) m.reasons.push(reason);
  };
  const addNeed = (module: string, kind: PlanReason['kind'], text: string): void => {
    addReason(module, { kind, text });
    needs.push({ module, reason: text });
  };

  // Declared needs first, so a variant the user keeps wins over the plain provider.
  const resolved = resolveNeeds(graph, input.needs ?? {});
  for (const n of resolved.modules) addNeed(n.module, n.kind, n.text);
  for (const u of resolved.unknown)
    warnings.push({
      severity: 'warning',
      code: 'unresolved-name',
      message: `${u.what} '${u.name}': ${u.why}.`,
    });

  const dialplan = input.dialplan;
  if (dialplan && dialplan.contexts.length + dialplan.priorities.length > 0) {
    const pbx = graph.modules.pbx_config?.kind === 'loadable' ? 'pbx_config' : undefined;
    if (pbx) addNeed(pbx, 'dialplan', `reads ${fileName(entry ?? 'extensions.conf')}, your dialplan`);
    for (const t of dialplan.targets) {
      const module = t.kind === 'include' ? MODULE_CONTEXTS[t.target.toLowerCase()] : undefined;
      if (module && graph.modules[module]?.kind === 'loadable')
        addNeed(module, 'dialplan', `creates [${t.target}], included in [${t.from}], ${where(t, entry)}`);
    }
  }

  // Used names, grouped case-insensitively in first-use order.
  const groups = new Map<string, DialplanUse[]>();
  for (const use of dialplan?.uses ?? []) {
    const key = `${use.kind}:${use.name.toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), use]);
  }
  const used: UsedItem[] = [];
  const variantNotes = new Set<string>();
  for (const uses of groups.values()) {
    const first = uses[0];
    if (!first) continue;
    const kind = first.kind;
    const providers = providersOf(graph, kind, first.name);
    const chosen = chooseProvider(graph, providers, new Set(plan.keys()));
    const item: UsedItem = {
      kind,
      name: first.name,
      at: uses.map((u) => ({ file: u.file, line: u.line, column: u.column })),
    };
    if (chosen !== undefined) item.module = chosen;
    used.push(item);
    if (chosen === undefined) {
      warnings.push({
        severity: 'warning',
        code: 'unresolved-name',
        message: `${KIND_WORD[kind]} ${first.name} is provided by no module of Asterisk ${version}: a typo, a third-party module, or a module only your server's dataset knows (open its core-en_US.xml).`,
        file: first.file,
        line: first.line,
        column: first.column,
      });
      continue;
    }
    if (chosen === CORE_PROVIDER) continue;
    addReason(chosen, {
      kind,
      text: useText(first, uses.length, entry),
      at: { file: first.file, line: first.line, column: first.column },
    });
    if (providers.length > 1) {
      const others = providers.filter((p) => p !== chosen);
      const key = [...providers].sort().join(',');
      if (!variantNotes.has(key)) {
        variantNotes.add(key);
        notes.push(
          `${first.name} is provided by ${providers.join(', ')}: planned ${chosen}${plan.get(chosen)?.reasons.some((r) => r.kind === 'keep') ? ' (kept as asked)' : ' (the plain one)'}; they cannot load together, so ${others.join(' and ')} ${others.length === 1 ? 'is' : 'are'} left out. Keep another with --keep to use it instead.`,
        );
      }
    }
    if (kind === 'technology')
      for (const d of technologyDefaults(graph, first.name))
        if (!plan.has(d.module)) addNeed(d.module, 'default', d.text);
  }

  // Defaults for what a dialplan cannot show: codecs for calls, formats for prompts.
  const userNeeds = input.needs ?? {};
  const callTech = used.some(
    (u) => u.kind === 'technology' && u.module !== undefined && u.module !== CORE_PROVIDER,
  );
  if (callTech && userNeeds.codecs === undefined)
    for (const c of ['ulaw', 'alaw'])
      if (graph.modules[`codec_${c}`]?.kind === 'loadable')
        addNeed(
          `codec_${c}`,
          'default',
          `codec for calls by default (G.711 ${c === 'ulaw' ? 'µ-law' : 'A-law'}); add the codecs your phones use`,
        );
  const sound = used.find((u) => u.kind === 'application' && SOUND_APPLICATIONS.has(u.name.toLowerCase()));
  if (sound && userNeeds.formats === undefined)
    for (const [f, why] of [
      ['format_gsm', 'the stock prompts are GSM files'],
      ['format_wav', 'recordings and voicemail are written as WAV'],
    ] as const)
      if (graph.modules[f]?.kind === 'loadable')
        addNeed(
          f,
          'default',
          `sound format by default: ${sound.name} plays or records files and ${why}; add the formats your sound files use`,
        );

  // Mutually exclusive modules (same items or a conflicts edge): never two.
  dropConflicts(graph, plan, warnings);

  // Close over what the loader needs to start each module, and enhancers of what is planned.
  const queue = [...plan.keys()];
  for (let i = 0; i < queue.length; i++) {
    const m = queue[i] ?? '';
    for (const dep of dependencyTargets(graph, m)) {
      if (graph.modules[dep]?.kind !== 'loadable') {
        warnings.push({
          severity: 'warning',
          code: 'unresolved-name',
          message: `${m} needs ${dep}, which is not a module of Asterisk ${version}.`,
          module: m,
        });
        continue;
      }
      const isLink = !edgesFrom(graph, m).some((e) => e.to === dep && e.kind === 'requires');
      addReason(dep, {
        kind: 'dependency',
        text: isLink ? `${m}.so links against it` : `required by ${m}`,
        by: m,
      });
      if (!queue.includes(dep)) queue.push(dep);
    }
    for (const e of enhancersOf(graph, m)) {
      if (plan.has(e) && plan.get(e)?.reasons.some((r) => r.kind !== 'enhancer')) continue;
      addReason(e, { kind: 'enhancer', text: `enhances ${m} (starts with it and completes it)`, by: m });
      needs.push({ module: e, reason: `enhances ${m}` });
      if (!queue.includes(e)) queue.push(e);
    }
  }

  // require where asked; preload for realtime configuration drivers and what they need.
  const requireSet = new Set(
    (userNeeds.require ?? []).map((r) => r.trim().toLowerCase().replace(/\.so$/, '')),
  );
  const preload = new Set<string>();
  for (const m of plan.keys())
    if (m.startsWith('res_config_')) for (const p of [m, ...closureOf(graph, m)]) preload.add(p);
  for (const m of plan.values()) {
    const option: PlanOption = preload.has(m.name)
      ? requireSet.has(m.name.toLowerCase())
        ? 'preload-require'
        : 'preload'
      : requireSet.has(m.name.toLowerCase())
        ? 'require'
        : 'load';
    m.option = option;
    if (preload.has(m.name))
      m.reasons.push({
        kind: 'need',
        text: 'preloaded: realtime configuration must be reachable before other modules read their configuration',
      });
  }

  const modules = [...plan.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const files = dialplan?.files ?? [];
  const header = [
    `modules.conf planned by Asterisk Module Explorer for Asterisk ${version} (${loader} loader).`,
    files.length > 0
      ? `From the dialplan ${files.map(fileName).join(', ')}.`
      : 'From declared needs only (no dialplan).',
    `${modules.length} modules besides the built-in ones; each line says why it is here.`,
  ];
  const written = writeModulesConf(modules, header);

  const requirements: PlanRequirements = { used, needs };
  const verification = verifyPlan(graph, written.conf, requirements, loader);

  const before = input.current
    ? simulate(graph, input.current.conf, { loader })
    : autoloadBaseline(graph, loader);
  const loadedCount = (started: readonly string[], r: typeof before): number =>
    started.filter((m) => !r.modules[m]?.builtin).length;
  const after = verification.started.filter((m) => graph.modules[m]?.kind !== 'builtin').length;

  const result: ModulesPlan = {
    version,
    loader,
    modules,
    used,
    text: written.text,
    verification,
    saving: {
      against: input.current ? 'current' : 'autoload',
      before: loadedCount(before.started, before),
      after,
    },
    warnings,
    notes,
  };
  if (input.current) result.diff = lineDiff(input.current.text, written.text);
  return result;
}

/** The requirements a plan was verified against, for verifying an edited plan the same way. */
export function planRequirements(plan: ModulesPlan): PlanRequirements {
  return {
    used: plan.used,
    needs: plan.modules.flatMap((m) =>
      m.reasons
        .filter(
          (r) =>
            r.kind !== 'dependency' && !['application', 'function', 'technology', 'switch'].includes(r.kind),
        )
        .slice(0, 1)
        .map((r) => ({ module: m.name, reason: r.text })),
    ),
  };
}

function closureOf(graph: ModuleGraph, module: string): string[] {
  const seen = new Set<string>();
  const queue = dependencyTargets(graph, module);
  for (let i = 0; i < queue.length; i++) {
    const m = queue[i] ?? '';
    if (seen.has(m)) continue;
    seen.add(m);
    queue.push(...dependencyTargets(graph, m));
  }
  return [...seen];
}

/**
 * Two planned modules that register the same application or function, or that a `conflicts`
 * edge separates, cannot both load: the one with a reason of its own beyond a shared item stays.
 */
function dropConflicts(graph: ModuleGraph, plan: Map<string, PlannedModule>, warnings: Problem[]): void {
  const providersByItem = new Map<string, string[]>();
  for (const item of graph.items) {
    // Manager events and the like are shared by design; two modules registering one dialplan
    // application or function is what makes them exclusive.
    if ((item.kind !== 'application' && item.kind !== 'function') || !plan.has(item.module)) continue;
    const key = `${item.kind}:${item.name.toLowerCase()}`;
    const list = providersByItem.get(key) ?? [];
    if (!list.includes(item.module)) list.push(item.module);
    providersByItem.set(key, list);
  }
  const pairs = new Set<string>();
  for (const list of providersByItem.values()) if (list.length > 1) pairs.add([...list].sort().join('|'));
  for (const e of graph.edges)
    if (e.kind === 'conflicts' && plan.has(e.from) && plan.has(e.to))
      pairs.add([e.from, e.to].sort().join('|'));
  for (const pair of pairs) {
    const members = pair.split('|').filter((m) => plan.has(m));
    if (members.length < 2) continue;
    const weight = (m: string): number =>
      (plan.get(m)?.reasons.some((r) => r.kind === 'keep') ? 2 : 0) +
      (plan.get(m)?.reasons.length ?? 0) / 1000;
    const [keep, ...drop] = [...members].sort((a, b) => weight(b) - weight(a) || a.length - b.length);
    for (const d of drop) {
      plan.delete(d);
      warnings.push({
        severity: 'warning',
        code: 'config-conflict',
        message: `${keep} and ${d} cannot load together (they register the same applications or conflict): planned ${keep} only.`,
        module: d,
      });
    }
  }
}
