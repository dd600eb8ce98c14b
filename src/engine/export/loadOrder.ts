import type { ModuleOutcome, SimulationResult } from '../../model';

/** One module of a simulated startup, as the load order export lists it. */
export interface LoadOrderRow {
  /** 1-based place in the start order; undefined for modules that did not start. */
  position: number | undefined;
  module: string;
  state: ModuleOutcome['state'];
  /** Why it declined, failed or was not loaded, in the loader's terms; empty for running modules. */
  reason: string;
  /** The modules its outcome came from (a declined dependency, what it could not link against). */
  causes: string[];
  useCount: number;
}

function reasonOf(m: ModuleOutcome): string {
  return m.declineReason ?? m.notLoadedReason ?? '';
}

/**
 * Every module of the run: those that started, in start order, then those that declined or
 * failed, then those not loaded (both sorted), so a spreadsheet sorts and filters them as it likes.
 */
export function loadOrderRows(result: SimulationResult): LoadOrderRow[] {
  const row = (name: string, position: number | undefined): LoadOrderRow => {
    const m = result.modules[name];
    return {
      position,
      module: name,
      state: m?.state ?? 'not-loaded',
      reason: m ? reasonOf(m) : '',
      causes: [...(m?.causes ?? []), ...(m?.missingLinks ?? [])],
      useCount: m?.useCount ?? result.useCounts[name] ?? 0,
    };
  };
  return [
    ...result.started.map((name, i) => row(name, i + 1)),
    ...result.declined.map((name) => row(name, undefined)),
    ...result.notLoaded.map((name) => row(name, undefined)),
  ];
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function loadOrderCsv(rows: readonly LoadOrderRow[]): string {
  const lines = [['position', 'module', 'state', 'reason', 'causes', 'use_count'].join(',')];
  for (const r of rows)
    lines.push(
      [
        r.position === undefined ? '' : String(r.position),
        r.module,
        r.state,
        r.reason,
        r.causes.join(' '),
        String(r.useCount),
      ]
        .map(csvField)
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}
