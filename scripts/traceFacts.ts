/**
 * Reading recorded loader traces (the shared ones and our pjsip recordings, written the same way):
 * the shapes of result.json and runtime.json, the loader's own log lines, `module show` rows.
 * Used by scripts/build-trace-fixtures.ts and scripts/build-pjsip-trace-fixtures.ts.
 */

export interface ModuleShowRow {
  module: string;
  useCount: number;
  status: 'Running' | 'Not Running';
}

export interface ResultJson {
  started: string[];
  declined: string[];
  not_loaded: string[];
  startup_failed: boolean;
  module_show?: { module: string; use_count: number; status: 'Running' | 'Not Running' }[];
  extra: {
    self_declined_in_load: string[];
    load_returned_failure: string[];
    loader_errors_in_order: string[];
    modules_will_be_loaded_notice?: number | null;
  };
}

export interface RuntimeStep {
  step: number;
  command: string;
  cli_output: string;
  result: string;
  loader_log: string[];
  dependents_found_order?: string[];
  unload_order?: string[];
  load_order?: string[];
}

/** `[2026-..] LEVEL[1234] loader.c: message` -> `LEVEL loader.c: message` */
export function normaliseLogLine(line: string): string {
  return line.replace(/^\[[^\]]*\] /, '').replace(/^([A-Z]+)\[\d+\] /, '$1 ');
}

/** Only the loader's own lines; the timing line differs on every run. */
export function loaderLines(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(normaliseLogLine)
    .filter((l) => / loader\.c: /.test(l) && !l.includes('Loader time with'));
}

/**
 * `module show` rows, read from the right (long names push the columns). A use count can be
 * negative: a real pjsip build lists res_pjsip_config_wizard at -1.
 */
export function parseModuleShow(text: string): ModuleShowRow[] {
  const rows: ModuleShowRow[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+.*?\s+(-?\d+)\s+(Running|Not Running)\s+\S+\s*$/.exec(line);
    if (!m || m[1] === 'Module') continue;
    rows.push({
      module: (m[1] ?? '').replace(/\.so$/, ''),
      useCount: Number(m[2]),
      status: m[3] as ModuleShowRow['status'],
    });
  }
  return rows;
}
