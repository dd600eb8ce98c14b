/** Parsers for what a user's own server says: startup log, module show, ls -U, core show settings. */
export { parseStartupLog } from './parseStartupLog';
export { parseModuleShow } from './parseModuleShow';
export { parseModuleDir } from './parseModuleDir';
export { parseCoreSettings, datasetForVersion } from './parseCoreSettings';
export { parseLogLine, type LogLine } from './logLine';
