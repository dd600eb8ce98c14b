export { loadOrderCsv, loadOrderRows } from './loadOrder';
export type { LoadOrderRow } from './loadOrder';
export { graphToDot } from './dot';
export type { DotOptions } from './dot';
export { simulationReport } from './report';
export type { ReportInput } from './report';
