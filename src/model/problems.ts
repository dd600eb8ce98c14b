/** Everything odd found in the input or the configuration, shown in the Problems panel. */

export type ProblemSeverity = 'error' | 'warning' | 'info';

export type ProblemCode =
  | 'malformed-xml'
  | 'unknown-root'
  | 'unknown-format'
  | 'duplicate-module'
  | 'self-dependency'
  | 'dependency-cycle'
  | 'unresolved-name'
  | 'non-loadable'
  | 'source-disagreement'
  | 'runtime-facts-borrowed'
  | 'no-link-facts'
  | 'build-without-library'
  | 'config-syntax'
  | 'config-unsupported'
  | 'config-unknown-option'
  | 'config-unknown-module'
  | 'config-conflict'
  | 'config-noload-builtin'
  | 'cancelled';

export interface Problem {
  severity: ProblemSeverity;
  code: ProblemCode;
  /** One sentence a user understands. */
  message: string;
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** Module the problem is about; clicking the problem selects it. */
  module?: string;
}

/** What every parser returns: its data (absent when the input was unusable) and what it noticed. */
export interface ParseResult<T> {
  data: T | undefined;
  problems: Problem[];
}

export function formatProblemLocation(p: Pick<Problem, 'file' | 'line' | 'column'>): string {
  if (!p.file) return '';
  if (p.line === undefined) return p.file;
  return p.column === undefined ? `${p.file}:${p.line}` : `${p.file}:${p.line}:${p.column}`;
}
