/**
 * The Server tab's question, on the held graph: read what the user's own server says (startup
 * log, module show, ls -U, core show settings) and compare it with the prediction for the Simulate
 * tab's modules.conf (engine `diagnose`).
 */
import type { CoreSettings, Diagnosis, LoaderKind, ModuleGraph, ParseResult, Problem } from '../model';
import { BUILTIN_VERSIONS, checkTextInput } from '../ingest';
import { parseModulesConfFor } from '../ingest/modulesConf';
import {
  datasetForVersion,
  parseCoreSettings,
  parseModuleDir,
  parseModuleShow,
  parseStartupLog,
} from '../ingest/server';
import { diagnose } from '../engine/diagnose';

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
  if (!log && !moduleShow) return response;
  const parsedConf = parseModulesConfFor(graph, request.modulesConf);
  const conf = parsedConf.data;
  if (!conf || conf.status === 'invalid') {
    problems.push(...parsedConf.problems);
    return response;
  }
  const { diagnosis } = diagnose(graph, {
    ...(log ? { log } : {}),
    ...(moduleShow ? { moduleShow } : {}),
    ...(listing ? { available: listing.files } : {}),
    conf,
    ...(request.loader ? { loader: request.loader } : {}),
    ...(version !== undefined ? { version } : {}),
    expectOwnDeclines: request.expectOwnDeclines,
  });
  response.diagnosis = diagnosis;
  return response;
}
