/**
 * The proposed graph loader ("Module loader improvements" design): with `autoload = no`, loading
 * a module implies loading everything it requires, recursively; with `autoload = yes`, `noload`
 * of a module implies `noload` of everything that requires it, recursively. Optional and enhancer
 * (provider) links imply nothing. A module both implied-loaded and noloaded, or implied-noloaded
 * and explicitly loaded, is a configuration error that stops startup.
 */
import type { ModulesConf, ModulesConfEntry } from '../../model';
import type { LoaderState } from '../loader/state';
import type { LoadOrderList } from './loadOrder';
import { autoloadEnabled } from './loadOrder';
import { moduleKey } from '../names';

const LOADING = new Set(['load', 'require', 'preload', 'preload-require']);

/** The hook that adjusts the load order before `noload` removals; false refuses the configuration. */
export function proposedLoadOrder(core: LoaderState, conf: ModulesConf): (list: LoadOrderList) => boolean {
  return (list) => {
    const facts = core.facts;
    const t = core.t;
    // Datasets without run-time facts (Asterisk 13) only know build-time <depend>.
    const needs = (key: string): string[] => {
      const f = facts.byKey.get(key);
      if (!f) return [];
      return facts.hasRequires ? f.requires : f.depends;
    };
    const noload = new Map<string, ModulesConfEntry>();
    const explicit = new Map<string, ModulesConfEntry>();
    for (const e of conf.entries) {
      const lower = e.name.toLowerCase();
      if (lower === 'noload') noload.set(moduleKey(e.value), e);
      else if (LOADING.has(lower) && !explicit.has(moduleKey(e.value))) explicit.set(moduleKey(e.value), e);
    }
    const nameOf = (key: string): string => facts.byKey.get(key)?.name ?? key;

    if (!autoloadEnabled(conf)) {
      for (const [rootKey, line] of explicit) {
        const stack = [rootKey];
        const seen = new Set<string>([rootKey]);
        while (stack.length > 0) {
          const key = stack.shift() ?? '';
          for (const dep of needs(key)) {
            const depKey = moduleKey(dep);
            if (seen.has(depKey)) continue;
            seen.add(depKey);
            const target = facts.byKey.get(depKey);
            if (target?.builtin) continue;
            const refused = noload.get(depKey);
            if (refused) {
              t.log(
                'ERROR',
                `${refused.value} is configured with 'noload' (line ${refused.line}), but ${line.value} (line ${line.line}) needs it, which implies loading it: this is impossible.`,
              );
              return false;
            }
            list.add(target ? `${target.name}.so` : dep, false, false, false, 'implied');
            stack.push(depKey);
          }
        }
      }
      return true;
    }

    const dependents = new Map<string, string[]>();
    for (const f of facts.byKey.values()) {
      for (const dep of facts.hasRequires ? f.requires : f.depends) {
        const k = moduleKey(dep);
        const list2 = dependents.get(k);
        if (list2) list2.push(f.key);
        else dependents.set(k, [f.key]);
      }
    }
    for (const [rootKey, line] of noload) {
      const queue = [rootKey];
      const seen = new Set<string>([rootKey]);
      while (queue.length > 0) {
        const key = queue.shift() ?? '';
        for (const depKey of dependents.get(key) ?? []) {
          if (seen.has(depKey) || noload.has(depKey)) continue;
          seen.add(depKey);
          const wanted = explicit.get(depKey);
          if (wanted) {
            t.log(
              'ERROR',
              `${wanted.value} is configured with '${wanted.name}' (line ${wanted.line}), but it needs ${nameOf(key)}, which 'noload' of ${line.value} (line ${line.line}) removes: this is impossible.`,
            );
            return false;
          }
          const entry = list.get(depKey);
          if (entry && !entry.builtin) {
            list.remove(entry);
            core.record.noteNoload(entry.key);
            t.emit({
              type: 'noload-removed',
              module: nameOf(depKey),
              line: line.line,
              impliedBy: nameOf(rootKey),
            });
          }
          queue.push(depKey);
        }
      }
    }
    return true;
  };
}
