/**
 * Reading recorded loader traces (the shared ones and our pjsip recordings, written the same way):
 * the shapes of result.json and runtime.json, the loader's own log lines, `module show` rows.
 * Used by scripts/build-trace-fixtures.ts and scripts/build-pjsip-trace-fixtures.ts.
 */
import type { ExpectedTraceFacts } from '../src/engine/fixtures/expectedFacts';

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

/** so_files_readdir_order.txt: the module files present, one per line, in readdir order. */
export function readdirOrder(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
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

/**
 * The recorded outcomes of one scenario, as the replay tests read them (`expected.json`):
 * `source` says where they came from; `read` reads a file of the scenario folder.
 */
export function expectedFacts(
  source: Record<string, unknown>,
  read: (file: string) => string,
  isRuntime: boolean,
): ExpectedTraceFacts {
  const result = JSON.parse(read('result.json')) as ResultJson;
  const expected: ExpectedTraceFacts = {
    source,
    started: result.started,
    declined: result.declined,
    notLoaded: result.not_loaded,
    startupFailed: result.startup_failed,
    modulesWillBeLoaded: result.extra.modules_will_be_loaded_notice ?? null,
    selfDeclinedInLoad: result.extra.self_declined_in_load,
    loadReturnedFailure: result.extra.load_returned_failure,
    loaderErrorsInOrder: result.extra.loader_errors_in_order,
    moduleShow: (result.module_show ?? []).map((r) => ({
      module: r.module,
      useCount: r.use_count,
      status: r.status,
    })),
    loaderLog: loaderLines(read(isRuntime ? 'startup.log' : 'loader.log')),
  };
  if (isRuntime) {
    const runtime = JSON.parse(read('runtime.json')) as { steps: RuntimeStep[] };
    expected.runtime = runtime.steps.map((s) => ({
      step: s.step,
      command: s.command,
      ok: s.result === 'ok',
      cliOutput: s.cli_output,
      loaderLog: s.loader_log.map(normaliseLogLine),
      unloadOrder: s.unload_order ?? [],
      loadOrder: s.load_order ?? [],
      dependentsFoundOrder: s.dependents_found_order ?? [],
    }));
    expected.moduleShowAfterRuntime = parseModuleShow(read('module_show_after_runtime.txt'));
  }
  return expected;
}
