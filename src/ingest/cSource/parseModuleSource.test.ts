import { describe, expect, it } from 'vitest';
import { evaluatePriority, moduleNameFromFile, parseModuleSource } from './parseModuleSource';

// Hand-written module sources in the shape Asterisk modules take (not copied from Asterisk).
const WEATHER = `/*
 * Weather report application, a made-up third-party module.
 */

/*** MODULEINFO
	<depend>res_curl</depend>
	<depend>libxml2</depend>
	<use type="module">res_statsd</use>
	<use type="external">jansson</use>
	<conflict>app_oldweather</conflict>
	<defaultenabled>no</defaultenabled>
	<support_level>extended</support_level>
 ***/

#include "asterisk.h"
#include "asterisk/module.h"

static int load_module(void) { return AST_MODULE_LOAD_SUCCESS; }
static int unload_module(void) { return 0; }

AST_MODULE_INFO(ASTERISK_GPL_KEY, AST_MODFLAG_LOAD_ORDER | AST_MODFLAG_GLOBAL_SYMBOLS, "Weather, for dialplans",
	.support_level = AST_MODULE_SUPPORT_EXTENDED,
	.load = load_module,
	.unload = unload_module,
	/* after the sorcery wizards, before ordinary apps */
	.load_pri = AST_MODPRI_APP_DEPEND - 2,
	.requires = "res_curl,"
		"res_sorcery_config",
	.optional_modules = "res_statsd",
	.enhances = "app_dial",
);
`;

describe('parseModuleSource', () => {
  const { data, problems } = parseModuleSource(WEATHER, 'src/app_weather.c');
  const module = data?.modules.app_weather;

  it('names the module after the file and reads AST_MODULE_INFO', () => {
    expect(problems).toEqual([]);
    expect(module).toMatchObject({
      name: 'app_weather',
      category: 'apps',
      kind: 'loadable',
      description: 'Weather, for dialplans',
      flags: ['AST_MODFLAG_LOAD_ORDER', 'AST_MODFLAG_GLOBAL_SYMBOLS'],
      globalSymbols: true,
      hasLoad: true,
      loadPriority: 78,
      supportLevel: 'extended',
      defaultEnabled: false,
    });
  });

  it('turns .requires, .optional_modules, .enhances and MODULEINFO into edges', () => {
    expect(data?.edges.map((e) => `${e.kind}:${e.to}`)).toEqual([
      'depends:res_curl',
      'depends:libxml2',
      'optional:res_statsd',
      'uses-library:jansson',
      'conflicts:app_oldweather',
      'requires:res_curl',
      'requires:res_sorcery_config',
      'optional:res_statsd',
      'enhances:app_dial',
    ]);
  });

  it('locates each fact in the file', () => {
    expect(module?.sources.loadPriority?.[0]).toMatchObject({ file: 'src/app_weather.c', line: 26 });
    expect(module?.sources.moduleinfo?.[0]).toMatchObject({ line: 5 });
  });

  it('reads the _STANDARD macros as load order at the default priority', () => {
    const text = `/*** MODULEINFO\n\t<support_level>core</support_level>\n ***/\nAST_MODULE_INFO_STANDARD_EXTENDED(ASTERISK_GPL_KEY, "Hello // see http://example.org /* not a comment */");\n`;
    const r = parseModuleSource(text, 'func_hello.c');
    expect(r.data?.modules.func_hello).toMatchObject({
      category: 'funcs',
      loadPriority: 128,
      flags: ['AST_MODFLAG_LOAD_ORDER'],
      description: 'Hello // see http://example.org /* not a comment */',
      hasLoad: true,
    });
  });

  it('uses the default priority when AST_MODFLAG_LOAD_ORDER is not set, as the loader does', () => {
    const text = `AST_MODULE_INFO(ASTERISK_GPL_KEY, AST_MODFLAG_DEFAULT, "x", .load = load_module, .load_pri = AST_MODPRI_CORE);`;
    expect(parseModuleSource(text, 'res_x.c').data?.modules.res_x?.loadPriority).toBe(128);
  });

  it('reports, with its line, a priority or list it cannot read', () => {
    const text = `\n\nAST_MODULE_INFO(ASTERISK_GPL_KEY, AST_MODFLAG_LOAD_ORDER, "x",\n\t.load_pri = MY_PRIORITY,\n\t.requires = REQUIRED_LIST,\n);`;
    const r = parseModuleSource(text, 'res_odd.c');
    expect(r.problems.map((p) => [p.line, p.module])).toEqual([
      [4, 'res_odd'],
      [5, 'res_odd'],
    ]);
    expect(r.problems[0]?.message).toContain('MY_PRIORITY');
    expect(r.data?.modules.res_odd?.loadPriority).toBe(128);
    expect(r.data?.edges).toEqual([]);
  });

  it('reports a MODULEINFO block that is not well-formed, at its line', () => {
    const text = `/*** MODULEINFO\n\t<depend>res_curl</dpend>\n ***/\nAST_MODULE_INFO_STANDARD(ASTERISK_GPL_KEY, "x");`;
    const r = parseModuleSource(text, 'app_bad.c');
    expect(r.problems[0]).toMatchObject({ code: 'malformed-xml', line: 2, module: 'app_bad' });
    expect(r.data?.modules.app_bad?.loadPriority).toBe(128);
  });

  it('refuses a C file that declares no module', () => {
    const r = parseModuleSource('int main(void) { return 0; }', 'main.c');
    expect(r.data).toBeUndefined();
    expect(r.problems[0]).toMatchObject({ severity: 'error', code: 'unknown-format' });
  });
});

describe('evaluatePriority and moduleNameFromFile', () => {
  it('evaluates AST_MODPRI names with offsets and plain numbers', () => {
    expect(evaluatePriority('AST_MODPRI_CHANNEL_DRIVER')).toBe(70);
    expect(evaluatePriority('(AST_MODPRI_CHANNEL_DEPEND + 5)')).toBe(65);
    expect(evaluatePriority('42')).toBe(42);
    expect(evaluatePriority('AST_MODPRI_NOPE')).toBeUndefined();
  });

  it('strips folders and the .c extension', () => {
    expect(moduleNameFromFile('C:\\dev\\apps\\app_hello.c')).toBe('app_hello');
  });
});
