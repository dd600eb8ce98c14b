import { describe, expect, it } from 'vitest';
import { simulate } from '../engine';
import { buildGraph } from '../engine/testing/buildGraph';
import { conf } from '../engine/testing/conf';
import { createCy } from './cyAdapter';
import { applyOutcomeClasses, outcomeClassesAt } from './outcomes';

const graph = buildGraph({
  res_base: { priority: 10 },
  res_user: { requires: ['res_base'] },
  app_plain: {},
  app_gone: {},
});
const ids = ['app_gone', 'app_plain', 'res_base', 'res_user'];
const available = ['app_plain.so', 'res_base.so', 'res_user.so'];

describe('outcome classes', () => {
  it('the end state colours a declined dependency, its cascade, running modules and absent files', () => {
    const result = simulate(graph, conf('autoload=yes'), { available, faults: { res_base: 'decline' } });
    const classes = outcomeClassesAt(result, ids);
    expect(Object.fromEntries(classes)).toEqual({
      app_gone: 'out-absent',
      app_plain: 'out-running',
      res_base: 'out-declined',
      res_user: 'out-declined',
    });
  });

  it('early in the timeline modules not yet started are pending and the step’s module is ringed', () => {
    const result = simulate(graph, conf('autoload=yes'), { available });
    const firstStart = result.events.findIndex((e) => e.type === 'started');
    const at = outcomeClassesAt(result, ids, firstStart);
    const startedFirst = result.started[0] ?? '';
    expect(at.get(startedFirst)).toBe('out-running out-current');
    const others = ids.filter((id) => id !== startedFirst && id !== 'app_gone');
    expect(others.map((id) => at.get(id))).toEqual(others.map(() => 'out-pending'));
    expect(outcomeClassesAt(result, ids, 0).get('res_user')).toMatch(/out-pending/);
  });

  it('the modules the last run-time command unloaded and loaded back are ringed', () => {
    const result = simulate(graph, conf('autoload=yes'), {
      available,
      commands: ['module refresh res_base recursively'],
    });
    const classes = outcomeClassesAt(result, ids);
    expect(classes.get('res_base')).toBe('out-running out-reloaded');
    expect(classes.get('res_user')).toBe('out-running out-reloaded');
    expect(classes.get('app_plain')).toBe('out-running');
  });

  it('patching touches only changed nodes and removing the outcome restores the plain node', () => {
    const cy = createCy({ headless: true });
    cy.add(ids.map((id) => ({ group: 'nodes' as const, data: { id }, classes: 'module cat-res' })));
    const first = new Map([
      ['res_base', 'out-declined'],
      ['res_user', 'out-pending'],
    ]);
    applyOutcomeClasses(cy, first, undefined);
    expect(cy.getElementById('res_base').hasClass('out-declined')).toBe(true);
    const second = new Map([
      ['res_base', 'out-running out-current'],
      ['res_user', 'out-pending'],
    ]);
    applyOutcomeClasses(cy, second, first);
    expect(cy.getElementById('res_base').classes()).toEqual([
      'module',
      'cat-res',
      'out-running',
      'out-current',
    ]);
    applyOutcomeClasses(cy, undefined, second);
    expect(cy.getElementById('res_user').classes()).toEqual(['module', 'cat-res']);
    cy.destroy();
  });
});
