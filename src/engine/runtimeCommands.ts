/**
 * Run-time CLI commands (`module load`, `module unload`, `module refresh`, `core stop now`) with
 * the console output of main/cli.c: handle_load, handle_unload, handle_refresh.
 */
import type { LoaderEvent, LoaderRelease, RuntimeCommand, RuntimeResult } from '../model';
import { loaderReleaseFor } from './loaderReleases';
import type { UnloadForce } from './loader/module';
import { refreshResource } from './loader/refresh';
import { modulesShutdown } from './loader/shutdown';
import type { LoaderState } from './loader/state';
import { loadAtRuntime, unloadResource } from './loader/unload';
import { padRight } from './names';

export type ParsedCommand =
  | { command: RuntimeCommand; text: string }
  /**
   * `cli`: what that version's Asterisk CLI prints for it (its usage text, or "No such command");
   * otherwise a command the simulation does not model.
   */
  | { error: string; text: string; cli?: true };

/** The usage texts main/cli.c prints on CLI_SHOWUSAGE (e->usage of each handler). */
const USAGE = {
  load: 'Usage: module load <module name>\n       Loads the specified module into Asterisk.',
  unload: [
    'Usage: module unload [-f|-h] <module_1> [<module_2> ... ]',
    '       Unloads the specified module from Asterisk. The -f',
    '       option causes the module to be unloaded even if it is',
    '       in use (may cause a crash) and the -h module causes the',
    '       module to be unloaded even if the module says it cannot, ',
    '       which almost always will cause a crash.',
  ].join('\n'),
  show: 'Usage: module show [like keyword]\n       Shows Asterisk modules currently in use, and usage statistics.',
  /** ef00ff4e1e, before 01ff5c8140. */
  refresh:
    'Usage: module refresh <module name>\n       Unloads and loads the specified module into Asterisk.',
  /** 01ff5c8140 and later. */
  refreshRecursively: [
    'Usage: module refresh <module name> [recursively]',
    '       Unloads and loads the specified module into Asterisk.',
    "       'recursively' will attempt to unload any modules with",
    '       dependencies on this module for you and load them again',
    '       afterwards.',
  ].join('\n'),
} as const;

/** The behaviours of master's loader, for callers that do not name a version. */
const MASTER: LoaderRelease = loaderReleaseFor('master');

/**
 * Parses a command as typed at the Asterisk console of the given version: a command or an
 * argument that version's CLI does not have is answered as its CLI answers (main/cli.c:
 * ast_cli_command_full, "No such command" with find_best; CLI_SHOWUSAGE prints the usage).
 */
export function parseRuntimeCommand(text: string, release: LoaderRelease = MASTER): ParsedCommand {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const lower = words.map((w) => w.toLowerCase());
  const clean = words.join(' ');
  const cli = (error: string): ParsedCommand => ({ error, text: clean, cli: true });
  if (lower[0] === 'module') {
    const verb = lower[1];
    const args = words.slice(2);
    if (verb === 'load') {
      if (args.length !== 1 || !args[0]) return cli(USAGE.load);
      return { command: { kind: 'load', module: args[0] }, text: clean };
    }
    if (verb === 'unload') {
      let force: UnloadForce = 'soft';
      let names = args;
      const first = args[0];
      if (first?.startsWith('-')) {
        if (first[1] === 'f') force = 'firm';
        else if (first[1] === 'h') force = 'hard';
        else return cli(USAGE.unload);
        names = args.slice(1);
      }
      if (names.length === 0) return cli(USAGE.unload);
      return { command: { kind: 'unload', modules: names, force }, text: clean };
    }
    if (verb === 'show') {
      if (args.length === 0) return { command: { kind: 'show' }, text: clean };
      if (args.length === 2 && args[0]?.toLowerCase() === 'like' && args[1])
        return { command: { kind: 'show', like: args[1] }, text: clean };
      return cli(USAGE.show);
    }
    if (verb === 'refresh') {
      // find_best stops at the first word no command starts with: no command is just "module".
      if (!release.refreshCommand)
        return cli(`No such command '${clean}' (type 'core show help module' for other possible commands)`);
      if (!release.recursiveRefresh) {
        if (args.length !== 1 || !args[0]) return cli(USAGE.refresh);
        return { command: { kind: 'refresh', module: args[0], recursive: false }, text: clean };
      }
      if (args.length < 1 || args.length > 2 || !args[0]) return cli(USAGE.refreshRecursively);
      return {
        command: { kind: 'refresh', module: args[0], recursive: args[1]?.toLowerCase() === 'recursively' },
        text: clean,
      };
    }
  }
  const stop = lower.slice(2).join(' ');
  if (lower[0] === 'core' && lower[1] === 'stop' && ['now', 'gracefully', 'when convenient'].includes(stop)) {
    return { command: { kind: 'shutdown' }, text: clean };
  }
  const refresh = release.refreshCommand
    ? `'module refresh X${release.recursiveRefresh ? ' [recursively]' : ''}', `
    : '';
  return {
    error: `Unknown command '${clean}': the simulation runs 'module load X', 'module unload [-f] X', ${refresh}'module show' and 'core stop now'.`,
    text: clean,
  };
}

/** The command as one would type it. */
export function renderRuntimeCommand(command: RuntimeCommand): string {
  switch (command.kind) {
    case 'load':
      return `module load ${command.module}`;
    case 'unload':
      return `module unload ${command.force === 'firm' ? '-f ' : command.force === 'hard' ? '-h ' : ''}${command.modules.join(' ')}`;
    case 'refresh':
      return `module refresh ${command.module}${command.recursive ? ' recursively' : ''}`;
    case 'show':
      return command.like === undefined ? 'module show' : `module show like ${command.like}`;
    case 'shutdown':
      return 'core stop now';
  }
}

/** main/cli.c: handle_modlist — modules sorted by name, filtered by a case-insensitive substring. */
function moduleShow(core: LoaderState, like: string): string[] {
  const row = (a: string, b: string, c: string, d: string, e: string): string =>
    `${padRight(a, 30)} ${padRight(b.slice(0, 40), 40)} ${padRight(c, 10)} ${padRight(d, 11)} ${e.padStart(13)}`;
  const lines = [row('Module', 'Description', 'Use Count', 'Status', 'Support Level')];
  const mods = core.registry
    .moduleList()
    .filter((m) => m.resource.toLowerCase().includes(like.toLowerCase()))
    .sort((a, b) =>
      a.resource.toLowerCase() < b.resource.toLowerCase()
        ? -1
        : a.resource.toLowerCase() > b.resource.toLowerCase()
          ? 1
          : 0,
    );
  for (const m of mods) {
    lines.push(
      row(
        m.resource,
        m.facts.description,
        String(m.usecount),
        m.running ? 'Running' : 'Not Running',
        supportLevelName(m.facts.supportLevel),
      ),
    );
  }
  lines.push(`${mods.length} modules loaded`);
  return lines;
}

/** main/loader.c: ast_module_support_level_to_string */
function supportLevelName(level: string): string {
  return level === 'core' || level === 'extended' || level === 'deprecated' ? level : 'unknown';
}

/** What `asterisk -rx` prints when no Asterisk is running (startup failed). */
export const NOT_RUNNING_MESSAGE =
  'Unable to connect to remote asterisk (does /var/run/asterisk/asterisk.ctl exist?)';

/** Runs one command against a started loader and reports it as the CLI would. */
export function runRuntimeCommand(core: LoaderState, command: RuntimeCommand, text: string): RuntimeResult {
  const mark = core.t.mark();
  const out: string[] = [];
  let ok = true;
  const failed = (): void => {
    ok = false;
    out.push(`Command '${text}' failed.`);
  };
  switch (command.kind) {
    case 'load':
      if (loadAtRuntime(core, command.module)) {
        out.push(`Unable to load module ${command.module}`);
        failed();
      } else {
        out.push(`Loaded ${command.module}`);
      }
      break;
    case 'unload':
      for (const name of command.modules) {
        if (unloadResource(core, name, command.force)) {
          out.push(`Unable to unload resource ${name}`);
          failed();
          break;
        }
        out.push(`Unloaded ${name}`);
      }
      break;
    case 'refresh': {
      const res = refreshResource(core, command.module, 'soft', command.recursive);
      if (res) {
        // Before 01ff5c8140, handle_refresh said "Unable to load module X" when the load failed.
        const what =
          res > 0 ? 'unload resource' : core.release.recursiveRefresh ? 'load resource' : 'load module';
        out.push(`Unable to ${what} ${command.module}`);
        failed();
      } else {
        out.push(`Unloaded and loaded ${command.module}`);
      }
      break;
    }
    case 'show':
      out.push(...moduleShow(core, command.like ?? ''));
      break;
    case 'shutdown':
      modulesShutdown(core);
      break;
  }
  const events: LoaderEvent[] = core.t.events.slice(mark.events);
  const unloaded: string[] = [];
  const loaded: string[] = [];
  for (const e of events) {
    if (e.type === 'unloaded') unloaded.push(e.module);
    else if (e.type === 'started') loaded.push(e.module);
  }
  const useCounts: Record<string, number> = {};
  for (const mod of core.registry.moduleList()) useCounts[mod.name] = mod.usecount;
  const caveat =
    ok && (command.kind === 'unload' || command.kind === 'refresh') && unloaded.length > 0
      ? unloadCaveat(core, unloaded)
      : undefined;
  return {
    command: text,
    ok,
    message: out.join('\n'),
    unloaded,
    loaded,
    log: core.t.lines.slice(mark.lines),
    events,
    useCounts,
    ...(caveat ? { caveat } : {}),
  };
}

/** Why a real Asterisk might still refuse an unload the simulation carried out. */
function unloadCaveat(core: LoaderState, unloaded: readonly string[]): string {
  const names =
    unloaded.length > 3
      ? `${unloaded.slice(0, 3).join(', ')} and ${unloaded.length - 3} more`
      : unloaded.join(', ');
  const transient = `Predicted for an idle Asterisk: calls in progress (channels, bridges, file streams, translation paths) hold transient references on modules such as ${names}, which cannot be predicted and make a real unload refuse while they last.`;
  return core.facts.hasRuntimeReferences
    ? transient
    : `${transient} This dataset does not carry its modules' run-time references (shutdown references, format and bucket registrations, calendar technologies) either, so a real unload may refuse where this one succeeded.`;
}

/** The result of a command sent after startup failed: there is no Asterisk to talk to. */
export function notRunningResult(text: string): RuntimeResult {
  return {
    command: text,
    ok: false,
    message: NOT_RUNNING_MESSAGE,
    unloaded: [],
    loaded: [],
    log: [],
    events: [],
    useCounts: {},
  };
}
