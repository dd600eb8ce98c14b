/**
 * The Server tab's question, on the held graph: read what the user's own server says (startup
 * log, module show, ls -U, core show settings) and compare it with the prediction for the Simulate
 * tab's modules.conf (engine `diagnose`).
 */
import type {
  CoreSettings,
  Diagnosis,
  ElfBuildFacts,
  ElfObject,
  LoaderKind,
  ModuleGraph,
  ParseResult,
  Problem,
} from '../model';
import { readElf } from '../ingest/elf';
import { BUILTIN_VERSIONS, checkTextInput } from '../ingest';
import { parseModulesConfFor } from '../ingest/modulesConf';
import {
  datasetForVersion,
  parseCoreSettings,
  parseModuleDir,
  parseModuleShow,
  parseStartupLog,
} from '../ingest/server';
import { calibrateFromModuleShow, diagnose } from '../engine/diagnose';
import type { Calibration } from '../engine/diagnose/calibrate';
import { applyElfBuildFacts, elfBuildFacts } from '../engine/diagnose/elfBuildFacts';

/** A file the user opened: its name and bytes (or text), decoded here through ingest's one gate. */
export interface ServerFile {
  name: string;
  content: Uint8Array | string;
}

export interface ServerRequest {
  log?: ServerFile;
  moduleShow?: ServerFile;
  listing?: ServerFile;
  settings?: ServerFile;
  /** The module files (.so) themselves: their links and registrations replace the dataset's. */
  moduleFiles?: ServerFile[];
  modulesConf: { text: string; file: string };
  /** Default: the loader of the server's version. */
  loader?: LoaderKind;
  expectOwnDeclines: boolean;
}

export interface ServerResponse {
  /** Undefined without a log or module show, or when neither could be read. */
  diagnosis: Diagnosis | undefined;
  /** Problems of every file, located. */
  problems: Problem[];
  /** The server's version (core show settings, else the log) and the built-in dataset that fits it. */
  version?: string;
  suggestedDataset?: { version: string; exact: boolean };
  /** What the module files say about the build, compared with the dataset. */
  build?: ElfBuildFacts;
  /**
   * From module show, for the Simulate tab: the modules the server does not run (as faults) and the
   * references it holds beyond the simulation's.
   */
  calibration?: Pick<Calibration, 'faults' | 'heldReferences'>;
}

/** Larger than any module file (chan_dahdi.so is about 1 MB; a debug build several MB). */
const MAX_MODULE_FILE_BYTES = 64 * 1024 * 1024;

function readModuleFiles(files: readonly ServerFile[], problems: Problem[]): ElfObject[] {
  const objects: ElfObject[] = [];
  for (const file of files) {
    if (typeof file.content === 'string') {
      problems.push({
        severity: 'error',
        code: 'unknown-format',
        message: 'Not a module file (.so): it is text.',
        file: file.name,
      });
      continue;
    }
    if (file.content.byteLength > MAX_MODULE_FILE_BYTES) {
      problems.push({
        severity: 'error',
        code: 'unknown-format',
        message: `${Math.round(file.content.byteLength / 1048576)} MB is larger than any module file; not read.`,
        file: file.name,
      });
      continue;
    }
    const read = readElf(file.content, file.name);
    problems.push(...read.problems);
    if (read.data) objects.push(read.data);
  }
  return objects;
}

function read<T>(
  file: ServerFile | undefined,
  parse: (text: string, name: string) => ParseResult<T>,
  problems: Problem[],
): T | undefined {
  if (!file) return undefined;
  const checked = checkTextInput(file.name, file.content, 'data');
  if (checked.problem || checked.text === undefined) {
    if (checked.problem) problems.push(checked.problem);
    return undefined;
  }
  const parsed = parse(checked.text, file.name);
  problems.push(...parsed.problems);
  return parsed.data;
}

export function diagnoseServer(graph: ModuleGraph, request: ServerRequest): ServerResponse {
  const problems: Problem[] = [];
  const log = read(request.log, parseStartupLog, problems);
  const moduleShow = read(request.moduleShow, parseModuleShow, problems);
  const listing = read(request.listing, parseModuleDir, problems);
  const settings: CoreSettings | undefined = read(request.settings, parseCoreSettings, problems);
  const version = settings?.version ?? log?.version;
  const response: ServerResponse = { diagnosis: undefined, problems };
  if (version !== undefined) {
    response.version = version;
    const fit = datasetForVersion(version, BUILTIN_VERSIONS);
    if (fit) response.suggestedDataset = fit;
  }
  let built = graph;
  if (request.moduleFiles && request.moduleFiles.length > 0) {
    const objects = readModuleFiles(request.moduleFiles, problems);
    if (objects.length > 0) {
      response.build = elfBuildFacts(graph, objects);
      built = applyElfBuildFacts(graph, response.build);
    }
  }
  if (!log && !moduleShow) return response;
  const parsedConf = parseModulesConfFor(graph, request.modulesConf);
  const conf = parsedConf.data;
  if (!conf || conf.status === 'invalid') {
    problems.push(...parsedConf.problems);
    return response;
  }
  const { diagnosis } = diagnose(built, {
    ...(log ? { log } : {}),
    ...(moduleShow ? { moduleShow } : {}),
    ...(listing ? { available: listing.files } : {}),
    conf,
    ...(request.loader ? { loader: request.loader } : {}),
    ...(version !== undefined ? { version } : {}),
    expectOwnDeclines: request.expectOwnDeclines,
  });
  response.diagnosis = diagnosis;
  if (moduleShow) {
    const options = {
      ...(request.loader ? { loader: request.loader } : {}),
      ...(listing ? { available: listing.files } : {}),
      ...(version !== undefined ? { version } : {}),
    };
    const { faults, heldReferences } = calibrateFromModuleShow(built, conf, options, moduleShow);
    response.calibration = { faults, heldReferences };
  }
  return response;
}
