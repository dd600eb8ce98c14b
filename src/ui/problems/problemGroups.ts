import type { Problem, ProblemCode, ProblemSeverity } from '../../model';

export interface NumberedProblem {
  problem: Problem;
  /** Position in the full problem list (stable React key, and where the group sits). */
  index: number;
}

export type ProblemEntry =
  | { kind: 'single'; item: NumberedProblem }
  | {
      kind: 'group';
      key: string;
      code: ProblemCode;
      severity: ProblemSeverity;
      summary: string;
      members: NumberedProblem[];
    };

/** Stands for the module's name in a message shape. */
const NAME = '\u0000';

/** One sentence for a whole group, where the code's message reads badly with the name cut out. */
const GROUP_SUMMARIES: Partial<Record<ProblemCode, (count: number) => string>> = {
  'non-loadable': (n) =>
    `${n} entries have a MODULEINFO block but are not loadable modules (helpers or core source files); they are kept but not drawn as modules.`,
};

/** The message with the module it is about taken out: problems of one shape differ only in that name. */
function messageShape(problem: Problem): string {
  const { message, module } = problem;
  return module ? message.split(module).join(NAME) : message;
}

function summarise(code: ProblemCode, shape: string, count: number): string {
  return GROUP_SUMMARIES[code]?.(count) ?? `${count} × ${shape.split(NAME).join('…')}`;
}

/**
 * Problems of one severity and code whose messages differ only in the module named (162
 * non-loadable entries on stock 23.4.1) become one group, placed where its first member was; a
 * problem with no twin stays on its own.
 */
export function groupProblems(items: readonly NumberedProblem[]): ProblemEntry[] {
  const byShape = new Map<string, NumberedProblem[]>();
  const keyOf = (p: Problem): string => `${p.severity}\u0001${p.code}\u0001${messageShape(p)}`;
  for (const item of items) {
    const key = keyOf(item.problem);
    const members = byShape.get(key);
    if (members) members.push(item);
    else byShape.set(key, [item]);
  }
  const entries: ProblemEntry[] = [];
  const placed = new Set<string>();
  for (const item of items) {
    const key = keyOf(item.problem);
    const members = byShape.get(key) ?? [item];
    if (members.length === 1) {
      entries.push({ kind: 'single', item });
      continue;
    }
    if (placed.has(key)) continue;
    placed.add(key);
    const { code, severity } = item.problem;
    entries.push({
      kind: 'group',
      key,
      code,
      severity,
      summary: summarise(code, messageShape(item.problem), members.length),
      members,
    });
  }
  return entries;
}

/** What the Problems tab counts: errors and warnings; informational notes are listed, not counted. */
export function countedProblems(problems: readonly Problem[]): number {
  return problems.filter((p) => p.severity !== 'info').length;
}
