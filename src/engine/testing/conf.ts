/** A ModulesConf from lines, for tests: `conf('autoload=yes', 'noload => res_a')`. */
import type { ModulesConf, ModulesConfEntry, ModulesConfOption } from '../../model';
import { MODULES_CONF_OPTIONS } from '../../model';

export function conf(...lines: string[]): ModulesConf {
  const entries: ModulesConfEntry[] = lines.map((text, i) => {
    const m = /^\s*([^=]+?)\s*=(>?)\s*(.*?)\s*$/.exec(text);
    if (!m) throw new Error(`not an option line: ${text}`);
    const name = m[1] ?? '';
    const option = MODULES_CONF_OPTIONS.find((o) => o === name.toLowerCase()) ?? 'unknown';
    return {
      name,
      option: option as ModulesConfOption | 'unknown',
      value: m[3] ?? '',
      object: m[2] === '>',
      line: i + 2,
      column: 1,
    };
  });
  return { file: 'modules.conf', status: 'ok', hasModulesSection: true, entries };
}
