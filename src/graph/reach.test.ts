import { describe, expect, it } from 'vitest';
import { adjacencyOf, directNeighbours, reachClasses, reachOf } from './reach';

// app -> res_a -> core ; chan -> res_a ; res_b -> core ; other (alone)
const edges = [
  { id: 'e1', source: 'app', target: 'res_a' },
  { id: 'e2', source: 'res_a', target: 'core' },
  { id: 'e3', source: 'chan', target: 'res_a' },
  { id: 'e4', source: 'res_b', target: 'core' },
];
const adjacency = adjacencyOf(edges);

describe('reachOf', () => {
  it('follows edges to everything a node needs and back to everything that needs it', () => {
    const reach = reachOf('res_a', adjacency);
    expect([...reach.dependencies]).toEqual(['core']);
    expect([...reach.dependents].sort()).toEqual(['app', 'chan']);
    expect([...reach.dependencyEdges]).toEqual(['e2']);
    expect([...reach.dependentEdges].sort()).toEqual(['e1', 'e3']);
  });

  it('is transitive', () => {
    expect([...reachOf('core', adjacency).dependents].sort()).toEqual(['app', 'chan', 'res_a', 'res_b']);
  });
});

describe('reachClasses', () => {
  it('marks the two directions apart and fades everything else on screen', () => {
    const classes = reachClasses(
      'res_a',
      adjacency,
      ['app', 'res_a', 'core', 'chan', 'res_b', 'other'],
      ['e1', 'e2', 'e3', 'e4'],
    );
    expect(classes.get('res_a')).toBe('reach-origin');
    expect(classes.get('core')).toBe('reach-dep');
    expect(classes.get('app')).toBe('reach-rdep');
    expect(classes.get('res_b')).toBe('faded');
    expect(classes.get('other')).toBe('faded');
    expect(classes.get('e2')).toBe('reach-dep');
    expect(classes.get('e1')).toBe('reach-rdep');
    expect(classes.get('e4')).toBe('faded');
  });
});

describe('directNeighbours', () => {
  it('lists what a node needs and what needs it, sorted, for keyboard moves', () => {
    expect(directNeighbours('res_a', adjacency)).toEqual({
      dependencies: ['core'],
      dependents: ['app', 'chan'],
    });
  });
});
