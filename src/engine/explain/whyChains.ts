/**
 * Why a module started or did not, as a chain of causes read from a simulation's outcomes and
 * timeline: how it got into the load order, what it waited for, which decline or noload took it
 * down, step by step.
 */
import type { ExplanationStep, LoaderEvent, ModuleOutcome, SimulationResult } from '../../model';
import { moduleKey } from '../names';

interface Context {
  modules: Record<string, ModuleOutcome>;
  events: readonly LoaderEvent[];
  started: readonly string[];
}

function contextOf(result: SimulationResult): Context {
  return {
    modules: result.finalModules,
    events: [...result.events, ...result.runtime.flatMap((r) => r.events)],
    started: result.started,
  };
}

function outcome(ctx: Context, name: string): ModuleOutcome | undefined {
  return (
    ctx.modules[name] ?? Object.values(ctx.modules).find((o) => o.name.toLowerCase() === moduleKey(name))
  );
}

function howListed(ctx: Context, name: string): string | undefined {
  const key = moduleKey(name);
  const queued = ctx.events.find(
    (e): e is Extract<LoaderEvent, { type: 'queued' }> => e.type === 'queued' && moduleKey(e.module) === key,
  );
  if (!queued) return undefined;
  switch (queued.source) {
    case 'builtin':
      return `${name} is built into Asterisk, so the loader always lists it.`;
    case 'autoload':
      return `autoload = yes listed it because ${queued.resource} is in the module directory.`;
    case 'implied':
      return `The proposed loader listed it because a module loaded by modules.conf requires it.`;
    case 'config': {
      const how = queued.preload
        ? queued.required
          ? 'preload-require'
          : 'preload'
        : queued.required
          ? 'require'
          : 'load';
      return `modules.conf line ${queued.line ?? '?'} lists it with '${how}'.`;
    }
  }
}

/** Why a module is running: how it got into the load order and when it started. */
export function whyStarted(result: SimulationResult, name: string): ExplanationStep[] {
  const ctx = contextOf(result);
  const o = outcome(ctx, name);
  if (!o)
    return [
      {
        module: name,
        text: `${name} is not part of this simulation: no module file of that name and not built in.`,
      },
    ];
  if (o.state !== 'running')
    return [{ module: o.name, text: `${o.name} is not running.` }, ...explainNotRunning(ctx, o, new Set())];
  const steps: ExplanationStep[] = [];
  const listed = howListed(ctx, o.name);
  if (listed) steps.push({ module: o.name, text: listed });
  const position = o.startIndex === undefined ? '' : ` (number ${o.startIndex + 1} to start)`;
  if (o.pulledBy) {
    steps.push({
      module: o.name,
      text: `It started early${position}, ahead of its own priority, because ${o.pulledBy} needed it running first.`,
    });
  } else {
    steps.push({
      module: o.name,
      text: `It started in its priority slot${position}${o.preload ? ', among the preloaded modules' : ''}.`,
    });
  }
  if (o.references.length > 0)
    steps.push({
      module: o.name,
      text: `It holds a reference on what it uses, all running: ${o.references.join(', ')}.`,
    });
  if (o.heldUntilShutdown)
    steps.push({
      module: o.name,
      text: 'Its load() keeps it loaded until shutdown (a shutdown reference read from its source): module unload refuses it, and so does a recursive refresh of what it needs.',
    });
  if (o.runtimeReferences && o.runtimeReferences.length > 0)
    steps.push({
      module: o.name,
      text: `Its load() also took run-time references on ${countedNames(o.runtimeReferences)}, released when it unloads; a recursive refresh of those refuses while it runs.`,
    });
  return steps;
}

/** `res_sorcery_config (7), res_sorcery_memory`: each name once, with how often it occurs. */
function countedNames(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].map(([n, c]) => (c > 1 ? `${n} (${c})` : n)).join(', ');
}

/** Why a module is not running: the chain of causes down to the root. */
export function whyDeclined(result: SimulationResult, name: string): ExplanationStep[] {
  const ctx = contextOf(result);
  const o = outcome(ctx, name);
  if (!o)
    return [
      { module: name, text: `${name} has no module file in the module directory and is not built in.` },
    ];
  if (o.state === 'running') return [{ module: o.name, text: `${o.name} is running.` }];
  return explainNotRunning(ctx, o, new Set());
}

/** whyStarted or whyDeclined, whichever applies. */
export function explainModule(result: SimulationResult, name: string): ExplanationStep[] {
  const o = outcome(contextOf(result), name);
  return o?.state === 'running' ? whyStarted(result, name) : whyDeclined(result, name);
}

function noloadLine(ctx: Context, name: string): { line: number; impliedBy?: string } | undefined {
  const key = moduleKey(name);
  const e = ctx.events.find(
    (ev): ev is Extract<LoaderEvent, { type: 'noload-removed' }> =>
      ev.type === 'noload-removed' && moduleKey(ev.module) === key,
  );
  if (!e) return undefined;
  return e.impliedBy === undefined ? { line: e.line } : { line: e.line, impliedBy: e.impliedBy };
}

function explainNotRunning(ctx: Context, o: ModuleOutcome, seen: Set<string>): ExplanationStep[] {
  if (seen.has(o.name)) return [{ module: o.name, text: `(${o.name} again: the dependencies form a loop.)` }];
  seen.add(o.name);
  const step = (text: string): ExplanationStep => ({ module: o.name, text });
  const deeper = (names: readonly string[] | undefined): ExplanationStep[] =>
    (names ?? []).flatMap((n) => {
      const dep = outcome(ctx, n);
      if (!dep)
        return [
          {
            module: n,
            text: `${n} is not in the module list: no ${n}.so in the module directory, and not built in.`,
          },
        ];
      return dep.state === 'running' ? [] : explainNotRunning(ctx, dep, seen);
    });

  if (o.state === 'not-loaded' || (o.state === 'registered' && o.notLoadedReason)) {
    switch (o.notLoadedReason) {
      case 'noload': {
        const n = noloadLine(ctx, o.name);
        if (n?.impliedBy)
          return [
            step(
              `${o.name} is not loaded: it requires ${n.impliedBy}, and 'noload' of ${n.impliedBy} (line ${n.line}) implies 'noload' of it (proposed loader).`,
            ),
          ];
        return [step(`${o.name} is not loaded: modules.conf${n ? ` line ${n.line}` : ''} says 'noload'.`)];
      }
      case 'not-listed':
        return [step(`${o.name} is not loaded: autoload is off and no modules.conf line lists it.`)];
      case 'dlopen-failed':
        return [
          step(
            `${o.name}.so could not be opened: it links against ${(o.missingLinks ?? []).join(', ') || 'a module'} that never loaded, so it is not in the module list at all.`,
          ),
          ...deeper(o.missingLinks),
        ];
      case 'never-reached':
        return [step(`Startup stopped before the loader reached ${o.name}.`)];
      case 'config-error':
        return [step(`Asterisk refused modules.conf, so nothing was loaded.`)];
      case 'unloaded':
        return [step(`${o.name} was unloaded by a run-time command.`)];
      default:
        return [step(`${o.name} is not loaded.`)];
    }
  }

  switch (o.declineReason) {
    case 'self':
      return [step(`${o.name} declined in its own load() (for example, its configuration file is missing).`)];
    case 'no-load-function':
      return [step(`${o.name} has no load function, so the loader declines it.`)];
    case 'failure':
      return [step(`${o.name}'s load() returned failure; the loader stops startup when that happens.`)];
    case 'declined-while-pulled':
      return [
        step(
          `${o.name} declined in its own load() while ${o.causes?.[0] ?? 'another module'} was starting it early; the loader logs no message of its own for it.`,
        ),
      ];
    case 'cascade': {
      const cause = o.causes?.[0] ?? '?';
      return [
        step(
          `${o.name} declined because ${cause}, which it depends on, declined ("Declined modules which depend on ${cause}").`,
        ),
        ...deeper(o.causes),
      ];
    }
    case 'unresolved-dependencies':
      return [
        step(
          `${o.name} declined: the loader could not resolve its dependencies, because ${(o.causes ?? []).join(', ')} is not in the module list ("Failed to resolve dependencies for ${o.name}").`,
        ),
        ...deeper(o.causes),
      ];
    case 'dependencies-not-started':
      return [
        step(`${o.name} declined because what it needs did not start: ${(o.causes ?? []).join(', ')}.`),
        ...deeper(o.causes),
      ];
    default:
      if (o.state === 'failed') return [step(`${o.name} failed to load.`)];
      return [step(`${o.name} is registered but not running.`)];
  }
}
