import { describe, expect, it } from 'vitest';
import { parseRuntimeCommand, renderRuntimeCommand } from './runtimeCommands';

describe('parseRuntimeCommand', () => {
  it('reads the module commands of the Asterisk CLI', () => {
    expect(parseRuntimeCommand('module load app_dial.so')).toEqual({
      command: { kind: 'load', module: 'app_dial.so' },
      text: 'module load app_dial.so',
    });
    expect(parseRuntimeCommand('  module   unload -f res_a res_b ')).toEqual({
      command: { kind: 'unload', modules: ['res_a', 'res_b'], force: 'firm' },
      text: 'module unload -f res_a res_b',
    });
    expect(parseRuntimeCommand('module unload -h res_a')).toMatchObject({ command: { force: 'hard' } });
    expect(parseRuntimeCommand('module refresh res_statsd recursively')).toMatchObject({
      command: { kind: 'refresh', module: 'res_statsd', recursive: true },
    });
    expect(parseRuntimeCommand('module refresh res_statsd')).toMatchObject({ command: { recursive: false } });
    expect(parseRuntimeCommand('module show like stats')).toMatchObject({
      command: { kind: 'show', like: 'stats' },
    });
    expect(parseRuntimeCommand('core stop now')).toMatchObject({ command: { kind: 'shutdown' } });
    expect(parseRuntimeCommand('core stop when convenient')).toMatchObject({ command: { kind: 'shutdown' } });
  });

  it('gives the usage for a malformed command and names an unknown one', () => {
    // main/cli.c prints the handler's whole usage text on CLI_SHOWUSAGE.
    expect(parseRuntimeCommand('module load')).toEqual({
      error: 'Usage: module load <module name>\n       Loads the specified module into Asterisk.',
      text: 'module load',
      cli: true,
    });
    expect(parseRuntimeCommand('module unload -x res_a')).toMatchObject({
      error: expect.stringContaining('Usage: module unload'),
    });
    expect(parseRuntimeCommand('dialplan reload')).toMatchObject({
      error: expect.stringContaining("Unknown command 'dialplan reload'"),
    });
  });

  it('renders a parsed command back to the text one would type', () => {
    for (const text of [
      'module load res_a',
      'module unload -f res_a',
      'module refresh res_a recursively',
      'module show like x',
      'core stop now',
    ]) {
      const parsed = parseRuntimeCommand(text);
      if (!('command' in parsed)) throw new Error(parsed.error);
      expect(renderRuntimeCommand(parsed.command)).toBe(text);
    }
  });
});
