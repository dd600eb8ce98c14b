/**
 * Unloading at run time (main/loader.c: ast_unload_resource, auto_unload_resource,
 * graceful_unload_possible) and ast_load_resource, which lives here because the two call each
 * other: an unload that fails part way loads the dependents it took down again, and loading a
 * module that declined unloads it first.
 */
import { closeLibrary } from './dlopen';
import type { LoadedModule, LoadResult, UnloadForce } from './module';
import { loadResource } from './startResource';
import type { LoaderState } from './state';

/**
 * main/loader.c: ast_load_resource — a module that declined is unloaded first and opened afresh
 * (c209064d66; before it, load_resource starts the registered module again).
 */
export function loadAtRuntime(core: LoaderState, resourceName: string): LoadResult {
  const mod = core.registry.find(resourceName);
  if (mod && mod.declined && core.release.unloadDeclined) {
    core.t.debug(
      `Module ${resourceName} previously declined to load, unloading it first before loading again`,
    );
    unloadResource(core, resourceName, 'soft');
  }
  return loadResource(core, resourceName, false, null, false, false);
}

/** main/loader.c: ast_unload_resource */
export function unloadResource(core: LoaderState, resourceName: string, force: UnloadForce): number {
  return autoUnloadResource(core, resourceName, force, false, null);
}

/** main/loader.c: auto_unload_resource */
export function autoUnloadResource(
  core: LoaderState,
  resourceName: string,
  force: UnloadForce,
  recursive: boolean,
  dependents: string[] | null,
): number {
  const t = core.t;
  const mod = core.registry.find(resourceName);
  if (!mod) {
    t.log('WARNING', `Unload failed, '${resourceName}' could not be found`);
    return -1;
  }
  let error = false;
  if ((!mod.running || mod.declined) && !core.release.unloadDeclined) {
    // Before c209064d66 (18.17, 20.2, 21.0) a module that is not running cannot be unloaded.
    t.log('WARNING', `Unload failed, '${resourceName}' is not loaded.`);
    return -1;
  }
  if (!mod.running || mod.declined) {
    t.log('NOTICE', `Unloading module '${resourceName}' that previously declined to load`);
  } else {
    if (mod.usecount > 0 && recursive && dependents) {
      if (gracefulUnloadPossible(core, mod, dependents)) {
        const n = dependents.length;
        t.debug(`${n} module${n === 1 ? '' : 's'} will need to be unloaded`);
        // The last-found dependent depends on nothing else in the list: unload from the end.
        for (let i = n - 1; i >= 0; i--) {
          const depname = dependents[i] ?? '';
          if (unloadResource(core, depname, force)) {
            t.log(
              'WARNING',
              `Failed to unload ${n} module${n === 1 ? '' : 's'} automatically (${depname} could not be unloaded)`,
            );
            for (let j = i + 1; j < n; j++) {
              const again = dependents[j] ?? '';
              if (loadAtRuntime(core, again))
                t.log('WARNING', `Could not load module '${again}' again automatically`);
            }
            break;
          }
        }
      }
    }
    if (mod.usecount > 0) {
      if (force !== 'soft') {
        t.log(
          'WARNING',
          `Warning:  Forcing removal of module '${resourceName}' with use count ${mod.usecount}`,
        );
      } else {
        t.log(
          'WARNING',
          `${recursive ? 'Recursive soft' : 'Soft'} unload failed, '${resourceName}' has use count ${mod.usecount}`,
        );
        error = true;
      }
    }
    if (!error) {
      t.verbose(`Unloading ${mod.resource}`, core.verb.unloading);
      mod.running = false;
      mod.declined = false;
    }
  }
  if (error) return -1;
  core.record.noteUnloaded(mod.key);
  t.emit({ type: 'unloaded', module: mod.name });
  closeLibrary(core, mod);
  return 0;
}

/** main/loader.c: graceful_unload_possible — dependents are found in module-list order. */
export function gracefulUnloadPossible(
  core: LoaderState,
  target: LoadedModule,
  dependents: string[],
): boolean {
  const t = core.t;
  let usecount = target.usecount;
  for (const mod of core.registry.moduleList()) {
    if (!mod.reffed.includes(target)) continue;
    if (dependents.some((d) => d.toLowerCase() === mod.name.toLowerCase())) {
      t.debug(`Skipping duplicate dependent ${mod.name}`);
      if (--usecount === 0) break;
      continue;
    }
    if (!gracefulUnloadPossible(core, mod, dependents)) {
      t.log('NOTICE', `Can't unload ${target.name} right now because ${mod.name} is dependent on it`);
      return false;
    }
    t.debug(`Found new dependent ${mod.name}`);
    // Inserted at the front so reloading walks the list in the order unloading must be undone.
    dependents.unshift(mod.name);
    if (--usecount === 0) break;
  }
  if (usecount !== 0) {
    t.log(
      'NOTICE',
      `Module ${target.name} cannot be unloaded (would still have use count ${usecount}/${target.usecount} after unloading dependents)`,
    );
    return false;
  }
  return true;
}
