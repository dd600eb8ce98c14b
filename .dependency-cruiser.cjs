/** Layer rules for src/: imports point one way, model <- ingest, engine <- worker <- store <- graph, ui
 *  (ui reaches engine only through store or worker).
 *  `import type` is allowed across layers (types vanish at build time). */
module.exports = {
  forbidden: [
    {
      name: 'model-is-leaf',
      comment: 'model holds serialisable types and tiny helpers; it depends on nothing else of ours.',
      severity: 'error',
      from: { path: '^src/model' },
      to: { path: '^src/(ingest|engine|worker|store|graph|ui)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'ingest-and-engine-are-pure',
      comment: 'Parsers and the loader simulation run in the worker, in Node tests and in the CLI.',
      severity: 'error',
      from: { path: '^src/(ingest|engine)' },
      to: { path: '^src/(worker|store|graph|ui)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'engine-and-ingest-no-dom-libs',
      comment: 'No React, cytoscape or zustand below the worker.',
      severity: 'error',
      from: { path: '^src/(model|ingest|engine|worker)' },
      to: { path: 'node_modules/(react|react-dom|cytoscape[^/]*|zustand)/' },
    },
    {
      name: 'ingest-not-engine',
      comment: 'ingest and engine are siblings: parsers do not simulate, the simulation does not parse files.',
      severity: 'error',
      from: { path: '^src/ingest' },
      to: { path: '^src/engine', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'worker-below-store',
      comment: 'The worker is a thin shell over ingest/engine; it never reaches up to the UI.',
      severity: 'error',
      from: { path: '^src/worker' },
      to: { path: '^src/(store|graph|ui)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'store-below-views',
      comment: 'The store holds state; views (graph, ui) read it, not the other way round.',
      severity: 'error',
      from: { path: '^src/store' },
      to: { path: '^src/(graph|ui)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'graph-gets-data-by-arguments',
      comment: 'The cytoscape adapter is fed through arguments/props, never from the store or the UI.',
      severity: 'error',
      from: { path: '^src/graph' },
      to: { path: '^src/(store|ui)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'ui-not-engine',
      comment:
        'Components reach the engine only through the store or the worker: engine work (searching, ' +
        'graph questions, simulation) is then memoised or moved off the main thread in one place, ' +
        'and the UI stays a view of state.',
      severity: 'error',
      from: { path: '^src/ui' },
      to: { path: '^src/engine', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'engine-testing-is-for-tests',
      comment:
        'Graph builders and the large-graph generator serve tests and bench/ only: the app, the worker ' +
        'and the CLI never ship them (test files are excluded from this check, helpers shared by tests are listed).',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/engine/testing/', '^src/engine/graphQueries/testGraphs\\.ts$'] },
      to: { path: '^src/engine/testing/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.app.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.test\\.tsx?$' },
  },
};
