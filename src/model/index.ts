export * from './graph';
export * from './problems';
export * from './indexEdges';
export * from './simulation';
