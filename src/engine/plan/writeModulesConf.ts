/**
 * Writes the planned modules.conf: `autoload = no`, modules grouped by category under a header,
 * a comment on each line saying why, and the parsed form of the same text (so the simulator
 * verifies exactly what is written, without the engine parsing files).
 */
import type { ModuleCategory, ModulesConf, ModulesConfEntry, PlannedModule } from '../../model';
import { MODULE_CATEGORIES } from '../../model';

const CATEGORY_TITLES: Record<ModuleCategory, string> = {
  apps: 'Applications',
  bridges: 'Bridging technologies',
  cdr: 'Call detail records',
  cel: 'Channel event logging',
  channels: 'Channel drivers',
  codecs: 'Codecs',
  formats: 'Sound file formats',
  funcs: 'Dialplan functions',
  pbx: 'Dialplan (PBX) modules',
  res: 'Resources',
  tests: 'Tests',
  addons: 'Add-ons',
  main: 'Built in',
  other: 'Other',
};

export interface WrittenConf {
  text: string;
  conf: ModulesConf;
}

function reasonComment(m: PlannedModule): string {
  const [first, ...rest] = m.reasons;
  if (!first) return '';
  const more = rest.length > 0 ? ` (+${rest.length} more)` : '';
  return `${first.text}${more}`.replace(/[\r\n]+/g, ' ');
}

export function writeModulesConf(
  modules: readonly PlannedModule[],
  header: readonly string[],
  file = 'modules.conf',
): WrittenConf {
  const lines: string[] = [];
  const entries: ModulesConfEntry[] = [];
  for (const h of header) lines.push(`; ${h}`);
  lines.push('', '[modules]');
  lines.push('autoload = no');
  entries.push({
    name: 'autoload',
    option: 'autoload',
    value: 'no',
    object: false,
    line: lines.length,
    column: 1,
  });

  const order = (c: string): number => {
    const i = MODULE_CATEGORIES.indexOf(c as ModuleCategory);
    return i < 0 ? MODULE_CATEGORIES.length : i;
  };
  const groups = new Map<string, PlannedModule[]>();
  for (const m of modules) groups.set(m.category, [...(groups.get(m.category) ?? []), m]);
  const categories = [...groups.keys()].sort((a, b) => order(a) - order(b));
  for (const category of categories) {
    const members = [...(groups.get(category) ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1));
    lines.push('', `; --- ${CATEGORY_TITLES[category as ModuleCategory] ?? category} (${category}) ---`);
    const width = Math.max(...members.map((m) => `${m.option} => ${m.name}.so`.length));
    for (const m of members) {
      const directive = `${m.option} => ${m.name}.so`;
      lines.push(`${directive.padEnd(width)} ; ${reasonComment(m)}`);
      entries.push({
        name: m.option,
        option: m.option,
        value: `${m.name}.so`,
        object: true,
        line: lines.length,
        column: 1,
      });
    }
  }
  return {
    text: `${lines.join('\n')}\n`,
    conf: { file, status: 'ok', hasModulesSection: true, entries },
  };
}
