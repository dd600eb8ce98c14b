/**
 * The data problems the UI's Problems tab shows (cycles, self-dependencies, duplicates, unresolved
 * names, non-loadable entries...), grouped by code for `check` and `simulate`.
 */
import type { Problem, ProblemCode, ProblemSeverity } from '../src/model';
import { formatProblem } from './report';

export interface DataProblemGroup {
  code: ProblemCode;
  severity: ProblemSeverity;
  /** What one problem of the group is, in words: "non-loadable entry". */
  label: string;
  count: number;
  problems: Problem[];
}

const LABELS: Partial<Record<ProblemCode, string>> = {
  'malformed-xml': 'malformed XML',
  'unknown-root': 'unknown document element',
  'unknown-format': 'unreadable value or file',
  'duplicate-module': 'duplicate module',
  'self-dependency': 'self-dependency',
  'dependency-cycle': 'dependency cycle',
  'unresolved-name': 'unresolved name',
  'non-loadable': 'non-loadable entry',
  'source-disagreement': 'source disagreement',
  'runtime-facts-borrowed': 'load order facts borrowed',
  'no-link-facts': 'no link facts',
};

const SEVERITY_ORDER: Record<ProblemSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Groups by code and severity: errors first, then the largest groups. */
export function groupDataProblems(problems: readonly Problem[]): DataProblemGroup[] {
  const groups = new Map<string, DataProblemGroup>();
  for (const p of problems) {
    const key = `${p.severity}\u0000${p.code}`;
    let group = groups.get(key);
    if (!group) {
      group = { code: p.code, severity: p.severity, label: LABELS[p.code] ?? p.code, count: 0, problems: [] };
      groups.set(key, group);
    }
    group.count++;
    group.problems.push(p);
  }
  return [...groups.values()].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count,
  );
}

const EXAMPLES = 3;

/** Text for stderr: one line per group ("162 × non-loadable entry (info)"), a few examples under it. */
export function dataProblemsText(groups: readonly DataProblemGroup[], dataset: string): string {
  if (groups.length === 0) return '';
  const total = groups.reduce((n, g) => n + g.count, 0);
  const lines = [`Data problems in ${dataset} (${total}, as the Problems tab shows them):`];
  for (const g of groups) {
    lines.push(`  ${g.count} × ${g.label} (${g.severity})`);
    for (const p of g.problems.slice(0, EXAMPLES)) lines.push(`      ${formatProblem(p)}`);
    if (g.count > EXAMPLES) lines.push(`      ... and ${g.count - EXAMPLES} more (--json lists them all)`);
  }
  return `${lines.join('\n')}\n`;
}
