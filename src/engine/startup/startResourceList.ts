/**
 * Starting the queued modules in priority order (main/loader.c: start_resource_attempt,
 * start_resource_list): dependencies not yet running are started ahead of their slot, and a
 * module that cannot start takes its queued dependents down with it.
 */
import type { LoadedModule, LoadResult } from '../loader/module';
import { LOAD_DECLINE, LOAD_FAILURE, LOAD_SKIP, LOAD_SUCCESS, SortedModules } from '../loader/module';
import { depsReference, missingRecursive, notRunningDependencies } from '../loader/references';
import { declineEvent, startResource } from '../loader/startResource';
import type { StartContext } from '../loader/startResource';
import type { LoaderState } from '../loader/state';
import { recursiveDecline } from './declineCascade';
import type { PriorityVector } from './priorityVector';

const NO_CONTEXT: StartContext = {};

/** main/loader.c: start_resource_attempt */
function startResourceAttempt(
  core: LoaderState,
  mod: LoadedModule,
  ctx: StartContext = NO_CONTEXT,
): LoadResult {
  const t = core.t;
  if (!depsReference(core, mod, null)) {
    t.debug(core.text.missingDependencies(mod.facts, mod.resource));
    t.emit({ type: 'skipped-missing-deps', module: mod.name, missing: notRunningDependencies(core, mod) });
    return LOAD_SKIP;
  }
  const lres = startResource(core, mod, ctx, true);
  t.debug(core.text.startLine(mod.facts, mod.resource, lres));
  if (lres === LOAD_FAILURE)
    t.loadError(`*** Failed to load ${mod.required ? 'required ' : ''}module ${mod.resource}`);
  if (lres === LOAD_FAILURE || lres === LOAD_DECLINE) core.record.noteDeclinedInLog(mod.name);
  return lres;
}

/** main/loader.c: start_resource_list */
export function startResourceList(core: LoaderState, resources: PriorityVector): 0 | -1 | -2 {
  const t = core.t;
  let res: 0 | -1 | -2 = 0;
  while (res !== -2 && resources.size > 0) {
    const mod = resources.shift();
    if (!mod) break;
    if (mod.declined) {
      t.debug(`${mod.name} is already declined, skipping`);
      continue;
    }
    for (;;) {
      let lres = startResourceAttempt(core, mod);
      if (lres === LOAD_SUCCESS) break;
      if (lres === LOAD_FAILURE) return -2;
      if (lres === LOAD_DECLINE) {
        res = recursiveDecline(core, resources, mod);
        break;
      }

      const missingdeps = new SortedModules();
      const unknown: string[] = [];
      if (!missingRecursive(core, mod, missingdeps, unknown)) {
        t.loadError(`Failed to resolve dependencies for ${mod.name}`);
        declineEvent(core, mod, 'unresolved-dependencies', unknown);
        res = recursiveDecline(core, resources, mod);
        break;
      }
      if (missingdeps.size === 0) {
        t.loadError(`${mod.name} load function returned an invalid result. This is a bug in the module.`);
        declineEvent(core, mod, 'self', []);
        res = recursiveDecline(core, resources, mod);
        break;
      }

      // Start what is missing now, ahead of its own priority slot.
      t.debug(`${mod.name} has ${missingdeps.size} dependencies`);
      while (missingdeps.size > 0) {
        let didwork = 0;
        // One sweep over the missing modules in priority order; started ones leave the list.
        const kept: LoadedModule[] = [];
        for (const dep of missingdeps.items) {
          if (dep.declined) {
            t.debug(`${mod.name} tried to start ${dep.name} but it's already declined`);
            kept.push(dep);
            continue;
          }
          t.debug(`${mod.name} trying to start ${dep.name}`);
          lres = startResourceAttempt(core, dep, { pulledBy: mod.name });
          if (lres === LOAD_SUCCESS) {
            t.debug(`${mod.name} started ${dep.name}`);
            resources.remove(dep);
            didwork++;
            continue;
          }
          if (lres === LOAD_FAILURE) {
            t.loadError(`Failed to load ${dep.name}.`);
            return -2;
          }
          t.debug(`${mod.name} failed to start ${dep.name}`);
          kept.push(dep);
        }
        missingdeps.retain(kept);
        if (!didwork) break;
      }

      if (missingdeps.size > 0) {
        const localdeps: string[] = [];
        depsReference(core, mod, localdeps);
        t.loadError(`Failed to load ${mod.name} due to dependencies: ${localdeps.join(', ')}.`);
        declineEvent(core, mod, 'dependencies-not-started', localdeps);
        res = recursiveDecline(core, resources, mod);
        break;
      }
      // Every missing dependency runs now; this point is reached once per module.
      t.emit({ type: 'retried', module: mod.name });
    }
  }
  return res;
}
