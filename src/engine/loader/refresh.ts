/** `module refresh` (main/loader.c: ast_refresh_resource). */
import type { UnloadForce } from './module';
import type { LoaderState } from './state';
import { autoUnloadResource, loadAtRuntime, unloadResource } from './unload';

/** main/loader.c: ast_refresh_resource — 1: the unload failed, -1: a load failed, 0: done. */
export function refreshResource(
  core: LoaderState,
  resourceName: string,
  force: UnloadForce,
  recursive: boolean,
): number {
  const t = core.t;
  if (recursive) {
    const dependents: string[] = [];
    if (autoUnloadResource(core, resourceName, force, true, dependents)) return 1;
    if (loadAtRuntime(core, resourceName)) {
      t.log('WARNING', `Failed to load module '${resourceName}' again automatically`);
      return -1;
    }
    let res = 0;
    for (const depname of dependents) {
      const r = loadAtRuntime(core, depname);
      if (r) t.log('WARNING', `Could not load module '${depname}' again automatically`);
      res |= r;
    }
    return res ? -1 : 0;
  }
  if (unloadResource(core, resourceName, force)) return 1;
  return loadAtRuntime(core, resourceName);
}
