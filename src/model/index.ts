export * from './graph';
export * from './problems';
export * from './indexEdges';
export * from './simulation';
export * from './dialplan';
export * from './plan';
export * from './server';
