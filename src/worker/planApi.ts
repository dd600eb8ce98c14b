import type {
  Dialplan,
  DialplanFile,
  ModuleGraph,
  ModulesConf,
  ModulesPlan,
  PlanNeeds,
  Problem,
} from '../model';
import { parseDialplan } from '../ingest/dialplan/parseDialplan';
import { parseModulesConfFor } from '../ingest/modulesConf';
import { planModulesConf, upgradeModulesConf } from '../engine';
import type { UpgradeResult } from '../engine';

/**
 * The Plan tab's two questions, asked of the graph the worker holds: a minimal modules.conf from
 * a dialplan, and a modules.conf carried to another version. Plain data in and out, so requests
 * cross to the worker unchanged.
 */

export interface PlanRequest {
  /** extensions.conf and the files it #includes, as opened (the entry is extensions.conf, else the first). */
  dialplanFiles: DialplanFile[];
  needs: PlanNeeds;
  /** The modules.conf to compare with (saving, diff); without it the plan is measured against autoload = yes. */
  current?: { text: string; file: string };
}

/** What the parser understood of the dialplan, beside its problems. */
export interface DialplanSummary {
  /** The files read, entry first, in the order they were #included. */
  files: string[];
  contexts: number;
  priorities: number;
  globals: number;
}

export interface PlanResponse {
  /** Undefined when no dialplan was given or it could not be read at all. */
  dialplan: DialplanSummary | undefined;
  /** The parser's problems (a missing #include, AEL or Lua, an undefined context), located. */
  dialplanProblems: Problem[];
  /**
   * Undefined when the dialplan cannot be planned from (an error among its problems): the page
   * keeps the previous plan and shows why.
   */
  plan: ModulesPlan | undefined;
  /** Problems of `current` when Asterisk would reject it; the plan is then made without it. */
  currentProblems: Problem[];
}

export interface UpgradeRequest {
  modulesConf: { text: string; file: string };
  /**
   * The built-in version the file was written for; absent means the graph the worker holds (the
   * version on screen, or the user's own files).
   */
  from?: string;
  /** A built-in version. */
  to: string;
}

export interface UpgradeResponse {
  /** Undefined when Asterisk would reject modules.conf as a whole; see `confProblems`. */
  result: UpgradeResult | undefined;
  confProblems: Problem[];
}

function summaryOf(dialplan: Dialplan | undefined): DialplanSummary | undefined {
  if (!dialplan) return undefined;
  return {
    files: dialplan.files,
    contexts: dialplan.contexts.length,
    priorities: dialplan.priorities.length,
    globals: dialplan.globals.length,
  };
}

/** Plans a modules.conf for `graph`, as `plan` on the command line does. */
export function planFromDialplan(graph: ModuleGraph, request: PlanRequest): PlanResponse {
  let dialplan: Dialplan | undefined;
  let dialplanProblems: Problem[] = [];
  if (request.dialplanFiles.length > 0) {
    const parsed = parseDialplan(request.dialplanFiles);
    dialplanProblems = parsed.problems;
    if (!parsed.data || parsed.problems.some((p) => p.severity === 'error'))
      return { dialplan: summaryOf(parsed.data), dialplanProblems, plan: undefined, currentProblems: [] };
    dialplan = parsed.data;
  }
  let current: { conf: ModulesConf; text: string } | undefined;
  let currentProblems: Problem[] = [];
  if (request.current) {
    const parsed = parseModulesConfFor(graph, request.current);
    if (parsed.data && parsed.data.status !== 'invalid')
      current = { conf: parsed.data, text: request.current.text };
    else currentProblems = parsed.problems;
  }
  const plan = planModulesConf({
    graph,
    ...(dialplan ? { dialplan } : {}),
    needs: request.needs,
    ...(current ? { current } : {}),
  });
  return { dialplan: summaryOf(dialplan), dialplanProblems, plan, currentProblems };
}

/**
 * Carries modules.conf from `from` (the graph held) to `to`; `history` (module names of the
 * built-in versions, oldest first) says when a module disappeared.
 */
export function upgradeConf(
  from: ModuleGraph,
  to: ModuleGraph,
  history: ReadonlyArray<{ version: string; modules: string[] }> | undefined,
  request: UpgradeRequest,
): UpgradeResponse {
  const parsed = parseModulesConfFor(from, request.modulesConf);
  if (!parsed.data || parsed.data.status === 'invalid')
    return { result: undefined, confProblems: parsed.problems };
  const result = upgradeModulesConf({
    conf: parsed.data,
    text: request.modulesConf.text,
    from,
    to,
    ...(history ? { history } : {}),
  });
  return { result, confProblems: parsed.problems };
}
