/**
 * Turns the loader state and its event trail into the per-module outcome the UI colours and the
 * lists the CLI prints (started, declined, not loaded, use counts).
 */
import type { DeclineReason, LoaderEvent, ModuleOutcome, NotLoadedReason } from '../model';
import type { LoaderCore } from './loaderCore';
import { moduleKey, stripSo } from './names';

interface Trail {
  queued: Set<string>;
  noloaded: Set<string>;
  missingLinks: Map<string, string[]>;
  decline: Map<string, { reason: DeclineReason; causes: string[] }>;
  failed: Set<string>;
  pulledBy: Map<string, string>;
  unloaded: Set<string>;
}

function readTrail(events: readonly LoaderEvent[]): Trail {
  const trail: Trail = {
    queued: new Set(),
    noloaded: new Set(),
    missingLinks: new Map(),
    decline: new Map(),
    failed: new Set(),
    pulledBy: new Map(),
    unloaded: new Set(),
  };
  for (const e of events) {
    switch (e.type) {
      case 'queued':
        trail.queued.add(moduleKey(e.module));
        break;
      case 'noload-removed':
        trail.noloaded.add(moduleKey(e.module));
        break;
      case 'open-failed':
        trail.missingLinks.set(moduleKey(e.module), e.missingLinks);
        break;
      case 'declined':
        // The first reason is the one that decided; later ones restate it.
        if (!trail.decline.has(moduleKey(e.module))) trail.decline.set(moduleKey(e.module), { reason: e.reason, causes: e.causes });
        break;
      case 'failed':
        trail.failed.add(moduleKey(e.module));
        break;
      case 'started':
        trail.decline.delete(moduleKey(e.module));
        trail.failed.delete(moduleKey(e.module));
        trail.unloaded.delete(moduleKey(e.module));
        if (e.pulledBy) trail.pulledBy.set(moduleKey(e.module), e.pulledBy);
        else trail.pulledBy.delete(moduleKey(e.module));
        break;
      case 'unloaded':
        trail.unloaded.add(moduleKey(e.module));
        trail.decline.delete(moduleKey(e.module));
        trail.failed.delete(moduleKey(e.module));
        break;
      default:
        break;
    }
  }
  return trail;
}

export interface OutcomeContext {
  core: LoaderCore;
  events: readonly LoaderEvent[];
  /** Module file names present. */
  files: readonly string[];
  startupFailed: boolean;
  configRefused: boolean;
  /** Start order of the phase being described. */
  started: readonly string[];
}

/** Every module the run touched: registered ones, built-ins, and the module files present. */
export function moduleOutcomes(ctx: OutcomeContext): Record<string, ModuleOutcome> {
  const { core } = ctx;
  const trail = readTrail(ctx.events);
  const startIndex = new Map<string, number>();
  ctx.started.forEach((name, i) => startIndex.set(name, i));
  const out: Record<string, ModuleOutcome> = {};

  for (const mod of core.moduleList()) {
    const key = mod.facts.key;
    const o: ModuleOutcome = {
      name: mod.name,
      state: mod.running ? 'running' : mod.declined ? (trail.failed.has(key) ? 'failed' : 'declined') : 'registered',
      useCount: mod.usecount,
      references: mod.reffed.map((d) => d.name),
      required: mod.required,
      preload: mod.preload,
      builtin: mod.builtin,
    };
    if (mod.running) {
      const idx = startIndex.get(mod.name);
      if (idx !== undefined) o.startIndex = idx;
      const puller = trail.pulledBy.get(key);
      if (puller) o.pulledBy = puller;
    } else {
      const why = trail.decline.get(key);
      if (why && mod.declined) {
        o.declineReason = why.reason;
        o.causes = why.causes;
      } else if (!mod.declined) {
        if (why) {
          o.declineReason = why.reason;
          o.causes = why.causes;
        }
        if (ctx.startupFailed) o.notLoadedReason = 'never-reached';
      }
    }
    out[mod.name] = o;
  }

  for (const file of ctx.files) {
    const facts = core.factsForFile(file);
    if (out[facts.name]) continue;
    const key = facts.key;
    let reason: NotLoadedReason;
    if (ctx.configRefused) reason = 'config-error';
    else if (trail.unloaded.has(key)) reason = 'unloaded';
    else if (trail.noloaded.has(key)) reason = 'noload';
    else if (!trail.queued.has(key)) reason = 'not-listed';
    else if (trail.missingLinks.has(key)) reason = 'dlopen-failed';
    else reason = 'never-reached';
    const o: ModuleOutcome = {
      name: facts.name,
      state: 'not-loaded',
      notLoadedReason: reason,
      useCount: 0,
      references: [],
      required: false,
      preload: false,
      builtin: false,
    };
    const links = trail.missingLinks.get(key);
    if (reason === 'dlopen-failed' && links) o.missingLinks = links;
    out[facts.name] = o;
  }
  return out;
}

/** The CLI lists: declined as the log names them, not loaded = module files neither started nor declined. */
export function outcomeLists(
  core: LoaderCore,
  files: readonly string[],
  started: readonly string[],
): { declined: string[]; notLoaded: string[] } {
  const declined = [...core.reportedDeclined].sort();
  const done = new Set([...started, ...declined]);
  const notLoaded = new Set<string>();
  for (const file of files) {
    if (file.length < 4 || file.slice(-3).toLowerCase() !== '.so') continue;
    const name = core.facts.byKey.get(moduleKey(file))?.name ?? stripSo(file);
    if (!done.has(name)) notLoaded.add(name);
  }
  return { declined, notLoaded: [...notLoaded].sort() };
}
