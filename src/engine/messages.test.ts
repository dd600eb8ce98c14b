/** The loader's per-module log lines, shared between runs on the same graph. */
import { describe, expect, it } from 'vitest';
import { loaderFacts } from './loaderFacts';
import type { ModuleLoadFacts } from './loaderFacts';
import { LoaderText } from './messages';
import { simulate } from './simulate';
import { buildGraph } from './testing/buildGraph';
import { conf } from './testing/conf';
import { formatLogLine } from './transcript';

const graph = buildGraph({
  res_a: { priority: 10, description: 'Resource A' },
  app_with_a_module_name_longer_than_the_column: { requires: ['res_a'] },
});
const facts = (name: string): ModuleLoadFacts => {
  const f = loaderFacts(graph).byKey.get(name);
  if (!f) throw new Error(name);
  return f;
};

describe('the lines about one module', () => {
  it('pads the resource of PASS and START lines to 46 columns, as printf %-46s, and leaves longer names whole', () => {
    const text = new LoaderText(loaderFacts(graph).list.length);
    expect(text.passLine(facts('res_a'), 0, 'res_a.so', 3)).toBe(`PASS 0: ${'res_a.so'.padEnd(46)} 3`);
    expect(text.passLine(facts('res_a'), 2, 'res_a.so', -1)).toBe(`PASS 2: ${'res_a.so'.padEnd(46)} -1`);
    expect(text.startLine(facts('res_a'), 'res_a.so', 0)).toBe(`START: ${'res_a.so'.padEnd(46)}[10] 0`);
    const long = 'app_with_a_module_name_longer_than_the_column.so';
    expect(text.startLine(facts('app_with_a_module_name_longer_than_the_column'), long, 2)).toBe(
      `START: ${long}[128] 2`,
    );
  });

  it('names the resource as given each time, when another spelling of it comes along', () => {
    const text = new LoaderText(loaderFacts(graph).list.length);
    expect(text.loading(facts('res_a'), 'res_a.so')).toBe('Loading res_a.so.');
    expect(text.loading(facts('res_a'), 'RES_A.so')).toBe('Loading RES_A.so.');
    expect(text.started(facts('res_a'), 'RES_A.so')).toBe('RES_A.so => (Resource A)');
    expect(text.missingDependencies(facts('res_a'), 'res_a.so')).toBe(
      'Module res_a.so is missing dependencies',
    );
    expect(text.passLine(facts('res_a'), 0, 'res_a', 3)).toBe(`PASS 0: ${'res_a'.padEnd(46)} 3`);
    expect(text.passLine(facts('res_a'), 0, 'res_a.so', 3)).toBe(`PASS 0: ${'res_a.so'.padEnd(46)} 3`);
  });

  it('words the lines of a module the dataset does not know the same way', () => {
    const text = new LoaderText(loaderFacts(graph).list.length);
    const stranger: ModuleLoadFacts = { ...facts('res_a'), name: 'stranger', key: 'stranger', id: -1 };
    expect(text.registering(stranger)).toBe('Registering module stranger');
    expect(text.unregistering(stranger)).toBe('Unregistering module stranger');
    expect(text.passLine(null, 0, 'stranger.so', 3)).toBe(`PASS 0: ${'stranger.so'.padEnd(46)} 3`);
  });
});

describe('simulating the same graph again', () => {
  it('logs what a first run logs, and follows a change in how the module files are spelled', () => {
    const run = (files: string[]): string[] =>
      simulate(graph, conf('autoload = yes'), { available: files }).log.map(formatLogLine);
    const files = ['res_a.so', 'app_with_a_module_name_longer_than_the_column.so'];
    const first = run(files);
    expect(run(files)).toEqual(first);
    const upper = run(['RES_A.so', 'app_with_a_module_name_longer_than_the_column.so']);
    expect(upper).toContain('VERBOSE loader.c: Loading RES_A.so.');
    expect(upper).toContain(`DEBUG loader.c: PASS 0: ${'RES_A.so'.padEnd(46)} 3`);
    expect(upper).not.toContain('VERBOSE loader.c: Loading res_a.so.');
    expect(run(files)).toEqual(first);
  });
});
