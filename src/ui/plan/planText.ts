import { MODULE_CATEGORIES } from '../../model';
import type { DialplanLocation, ModuleCategory, ModulesPlan, PlannedModule, UsedItem } from '../../model';
import type { UpgradeFinding, UpgradeResult } from '../../worker';

/** `extensions.conf:19` */
export function placeText(at: DialplanLocation): string {
  return `${at.file}:${at.line}`;
}

export interface VerificationText {
  ok: boolean;
  headline: string;
  /** What would fail, one line each (empty when verified). */
  failures: string[];
}

/** The simulator's verdict on the planned file, in the words the Plan tab shows. */
export function verificationText(plan: ModulesPlan): VerificationText {
  const v = plan.verification;
  const n = plan.modules.length;
  if (v.ok)
    return {
      ok: true,
      headline: `Verified: all ${n} ${n === 1 ? 'module starts' : 'modules start'}; every used application and function is available.`,
      failures: [],
    };
  const failures: string[] = [];
  if (v.startupFailed) failures.push('Asterisk would not start with this file.');
  for (const i of v.missingItems)
    failures.push(
      `${i.at ? `${placeText(i.at)}: ` : ''}${i.kind} ${i.name} would not be available${i.module ? ` (${i.module} does not run)` : ' (no module provides it)'}`,
    );
  for (const m of v.missingNeeds) failures.push(`${m.module} does not run (${m.reason})`);
  for (const m of v.notRunning) failures.push(`${m.module} does not start: ${m.why.join(' ')}`);
  if (v.unneeded.length > 0) failures.push(`Started although nothing needs them: ${v.unneeded.join(', ')}`);
  return {
    ok: false,
    headline: `Not verified: ${failures.length} ${failures.length === 1 ? 'thing' : 'things'} would fail with this file.`,
    failures,
  };
}

/** "468 modules load with autoload = yes; 31 with the plan." */
export function savingText(plan: ModulesPlan, currentFile: string | undefined): string {
  const { before, after, against } = plan.saving;
  const base = against === 'current' ? (currentFile ?? 'the current modules.conf') : 'autoload = yes';
  return `${before.toLocaleString('en')} ${before === 1 ? 'module loads' : 'modules load'} with ${base}; ${after.toLocaleString('en')} with the plan (built-in modules aside).`;
}

export const USED_KIND_LABELS: Record<UsedItem['kind'], string> = {
  application: 'Applications',
  function: 'Functions',
  technology: 'Channel technologies',
  switch: 'Switches',
};

const USED_KINDS: ReadonlyArray<UsedItem['kind']> = ['application', 'function', 'technology', 'switch'];

export function usedGroups(used: readonly UsedItem[]): Array<{ kind: UsedItem['kind']; items: UsedItem[] }> {
  return USED_KINDS.map((kind) => ({
    kind,
    items: used.filter((u) => u.kind === kind).sort((a, b) => a.name.localeCompare(b.name, 'en')),
  })).filter((g) => g.items.length > 0);
}

/** Planned modules by category, in the order the written file has them. */
export function moduleGroups(
  modules: readonly PlannedModule[],
): Array<{ category: ModuleCategory; modules: PlannedModule[] }> {
  const order = (c: string): number => {
    const i = MODULE_CATEGORIES.indexOf(c as ModuleCategory);
    return i < 0 ? MODULE_CATEGORIES.length : i;
  };
  const byCategory = new Map<string, PlannedModule[]>();
  for (const m of modules) byCategory.set(m.category, [...(byCategory.get(m.category) ?? []), m]);
  return [...byCategory.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([category, list]) => ({
      category: (MODULE_CATEGORIES.includes(category as ModuleCategory)
        ? category
        : 'other') as ModuleCategory,
      modules: [...list].sort((a, b) => (a.name < b.name ? -1 : 1)),
    }));
}

export const FINDING_LABELS: Record<UpgradeFinding['kind'], string> = {
  removed: 'removed',
  unknown: 'unknown',
  deprecated: 'deprecated',
  'newly-fails': 'would newly fail',
};

/** The upgrade's verdict on the file as it is, and on the rewritten one. */
export function upgradeVerdict(result: UpgradeResult, file: string): { ok: boolean; text: string } {
  const lines = new Set(result.findings.filter((f) => f.kind !== 'deprecated').map((f) => f.line)).size;
  if (result.ok)
    return {
      ok: true,
      text: `${file} does what it says on Asterisk ${result.to}${result.findings.length > 0 ? `; ${result.findings.length} ${result.findings.length === 1 ? 'line is' : 'lines are'} worth a look` : ': nothing to change'}.`,
    };
  return {
    ok: false,
    text: `${file} would not do what it says on Asterisk ${result.to}${result.asIs.startupFailed ? ' (Asterisk would not start)' : ''}: ${lines} ${lines === 1 ? 'line needs' : 'lines need'} changing. The rewritten file ${result.rewritten.ok ? 'does what it says' : 'still does not (see its comments)'}.`,
  };
}
