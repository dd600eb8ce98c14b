/**
 * Turns the loader state into the per-module outcome the UI colours and the lists the CLI
 * prints (started, declined, not loaded, use counts).
 */
import type { ModuleOutcome, ModuleState, NotLoadedReason } from '../model';
import type { LoadedModule } from './loader/module';
import type { LoaderState } from './loader/state';
import { endsWithSo } from './names';

export interface OutcomeContext {
  core: LoaderState;
  /** Module file names present. */
  files: readonly string[];
  startupFailed: boolean;
  configRefused: boolean;
}

function stateOf(mod: LoadedModule): ModuleState {
  if (mod.running) return 'running';
  if (mod.declined) return mod.failed ? 'failed' : 'declined';
  return 'registered';
}

/** Every module the run touched: registered ones, built-ins, and the module files present. */
export function moduleOutcomes(ctx: OutcomeContext): Record<string, ModuleOutcome> {
  const { core } = ctx;
  const out: Record<string, ModuleOutcome> = {};

  for (const mod of core.registry.registeredModules()) {
    const explained = !mod.running && mod.declineReason !== null;
    // Every outcome gets the same fields (absent ones undefined), which keeps them cheap to build.
    out[mod.name] = {
      name: mod.name,
      state: stateOf(mod),
      declineReason: explained ? (mod.declineReason ?? undefined) : undefined,
      causes: explained ? mod.declineCauses : undefined,
      notLoadedReason: !mod.running && !mod.declined && ctx.startupFailed ? 'never-reached' : undefined,
      missingLinks: undefined,
      startIndex: mod.running && mod.startIndex >= 0 ? mod.startIndex : undefined,
      pulledBy: mod.running ? (mod.pulledBy ?? undefined) : undefined,
      useCount: mod.usecount,
      references: mod.reffed.map((d) => d.name),
      heldUntilShutdown: mod.running && !mod.builtin && mod.keepUntilShutdown ? true : undefined,
      runtimeReferences: mod.runtimeHeld.length > 0 ? mod.runtimeHeld.map((d) => d.name) : undefined,
      required: mod.required,
      preload: mod.preload,
      builtin: mod.builtin,
      hazard: undefined,
    };
  }

  const filesFacts = core.factsForFiles(ctx.files);
  for (let i = 0; i < ctx.files.length; i++) {
    const file = ctx.files[i] ?? '';
    const facts = filesFacts[i] ?? core.factsForFile(file);
    if (!facts.known) core.record.noteUnknownFile(file);
    if (out[facts.name]) continue;
    const key = facts.key;
    let reason: NotLoadedReason;
    if (ctx.configRefused) reason = 'config-error';
    else if (core.record.wasUnloaded(key)) reason = 'unloaded';
    else if (core.record.wasNoloaded(key)) reason = 'noload';
    else if (!core.record.wasQueued(key, core.knownFacts(key))) reason = 'not-listed';
    else if (core.record.missingLinksOf(key) !== undefined) reason = 'dlopen-failed';
    else reason = 'never-reached';
    out[facts.name] = {
      name: facts.name,
      state: 'not-loaded',
      declineReason: undefined,
      causes: undefined,
      notLoadedReason: reason,
      missingLinks: reason === 'dlopen-failed' ? core.record.missingLinksOf(key) : undefined,
      startIndex: undefined,
      pulledBy: undefined,
      useCount: 0,
      references: [],
      heldUntilShutdown: undefined,
      runtimeReferences: undefined,
      required: false,
      preload: false,
      builtin: false,
      hazard: undefined,
    };
  }
  return out;
}

/** The CLI lists: declined as the log names them, not loaded = module files neither started nor declined. */
export function outcomeLists(
  core: LoaderState,
  files: readonly string[],
  started: readonly string[],
): { declined: string[]; notLoaded: string[] } {
  const declined = core.record.declinedSorted();
  const done = new Set([...started, ...declined]);
  const notLoaded = new Set<string>();
  const filesFacts = core.factsForFiles(files);
  for (let i = 0; i < files.length; i++) {
    const file = files[i] ?? '';
    if (!endsWithSo(file)) continue;
    const facts = filesFacts[i] ?? core.factsForFile(file);
    if (!facts.known) core.record.noteUnknownFile(file);
    if (!done.has(facts.name)) notLoaded.add(facts.name);
  }
  return { declined, notLoaded: [...notLoaded].sort() };
}
