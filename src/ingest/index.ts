/** Public API of the ingest layer: pure parsers and the merge into one ModuleGraph. */
export { detectFormat, METADATA_ROOT, type InputFormat } from './detectFormat';
export { ingestFiles, type IngestOptions, type IngestResult, type InputFile } from './ingestFiles';
export { parseXmldoc } from './parseXmldoc';
export { parseMenuselectTree, MENUSELECT_MODULE_CATEGORIES } from './parseMenuselectTree';
export { parseRuntimeJson, effectiveLoadPriority, DEFAULT_LOAD_PRIORITY } from './parseRuntimeJson';
export { parseTraceMetadata } from './parseTraceMetadata';
export { mergeFragments, type MergeOptions } from './mergeFragments';
export { validateGraph } from './validateGraph';
export {
  borrowRuntimeFacts,
  rankBuiltinDatasets,
  hasRuntimeFacts,
  type DatasetMatch,
} from './borrowRuntimeFacts';
export { deriveBuiltinOrder } from './builtinOrder';
export { inferItemProviders } from './inferItemProviders';
export { writeMetadataXml, type WriteMetadataOptions } from './metadataXml/writeMetadataXml';
export { parseMetadataXml } from './metadataXml/parseMetadataXml';
export { METADATA_NAMESPACE, METADATA_FORMAT_VERSION } from './metadataXml/vocabulary';
export { fragmentOf, type GraphFragment } from './fragment';
export {
  BUILTIN_VERSIONS,
  DEFAULT_BUILTIN_VERSION,
  builtinDatasetHref,
  builtinDatasetPath,
  builtinDatasetIndexPath,
  BUILTIN_DATASET_INDEX_HREF,
  datasetFileName,
  type BuiltinVersion,
  type DatasetIndex,
  type DatasetIndexEntry,
} from './builtinDatasets';
export {
  checkTextInput,
  checkGraphSize,
  checkInputSize,
  decodeText,
  MAX_BROWSER_MODULES,
  normalizeText,
  TEXT_INPUT_LIMITS,
  type TextInputKind,
  type TextInputResult,
} from './textInput';
export { XML_LIMITS } from './xml/limits';
