/** `core stop now` (main/loader.c: modules_shutdown). */
import { unref } from './registry';
import type { LoaderState } from './state';

/** main/loader.c: modules_shutdown — from the tail, skipping modules still in use, until nothing changes. */
export function modulesShutdown(core: LoaderState): string[] {
  const t = core.t;
  const registry = core.registry;
  const order: string[] = [];
  let changed: boolean;
  do {
    changed = false;
    for (const mod of [...registry.moduleList()].reverse()) {
      if (mod.usecount) {
        t.debug(`Passing on ${mod.resource}: its use count is ${mod.usecount}`);
        continue;
      }
      registry.unregister(mod);
      if (mod.running && !mod.declined) t.verbose(`Unloading ${mod.resource}`, core.verb.unloading);
      core.record.noteUnloaded(mod.key);
      t.emit({ type: 'unloaded', module: mod.name });
      registry.destroy(mod);
      order.push(mod.name);
      changed = true;
    }
    if (!changed) {
      for (const mod of registry.moduleList()) {
        if (mod.keepUntilShutdown) {
          unref(t, null, mod);
          mod.keepUntilShutdown = false;
          changed = true;
        }
      }
    }
  } while (changed);
  return order;
}
