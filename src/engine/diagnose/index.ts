/** The comparison of a server's own startup with the simulator's prediction. */
export { diagnose } from './diagnose';
export type { DiagnoseInput, DiagnoseResult } from './diagnose';
export { calibrateFromModuleShow } from './calibrate';
export type { Calibration } from './calibrate';
