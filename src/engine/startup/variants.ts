/**
 * The loader versions the simulation knows, each as the few things that differ on the shared
 * core (loader/): which load_modules runs at startup, and which hazards are worth reporting.
 * start_resource's own differences are in {@link StartRules} (loader/startResource.ts).
 */
import type { Hazard, LoaderKind, ModuleOutcome, ModulesConf } from '../../model';
import type { LoaderState } from '../loader/state';
import { legacyHazards, runLegacyStartup } from './legacy';
import { runCurrentStartup } from './loadModules';
import type { StartupOutcome } from './loadModules';
import { proposedLoadOrder } from './proposed';

export interface LoaderVariant {
  readonly kind: LoaderKind;
  /** load_modules of this version, on a fresh loader state; `files` are in readdir order. */
  startup(core: LoaderState, conf: ModulesConf, files: readonly string[]): StartupOutcome;
  /** Running modules whose dependencies are not: only a loader without dependency checks leaves them. */
  hazards(core: LoaderState, modules: Record<string, ModuleOutcome>): Hazard[];
}

const noHazards = (): Hazard[] => [];

/** Asterisk 16 to master: the dependency-aware loader. */
const current: LoaderVariant = {
  kind: 'current',
  startup: (core, conf, files) => runCurrentStartup(core, conf, { readdirOrder: files }),
  hazards: noHazards,
};

/** The proposed graph loader: the current one, with load and noload implied along `requires`. */
const proposed: LoaderVariant = {
  kind: 'proposed',
  startup: (core, conf, files) =>
    runCurrentStartup(core, conf, { readdirOrder: files, beforeNoload: proposedLoadOrder(core, conf) }),
  hazards: noHazards,
};

/** Asterisk 13: two load_modules stages, global-symbol modules first, no dependency checks. */
const legacy: LoaderVariant = {
  kind: 'legacy',
  startup: (core, conf, files) => runLegacyStartup(core, conf, { readdirOrder: files }),
  hazards: legacyHazards,
};

export const LOADER_VARIANTS: Readonly<Record<LoaderKind, LoaderVariant>> = { current, proposed, legacy };
