/**
 * A session: everything on screen in one file, the user's own dataset files included (too large
 * for a link). "Save session" writes it, "Open session" reads it back; the page also keeps the
 * current one in the browser so a reload or a crash loses nothing. One reader checks every field,
 * the view through the same code as links.
 */
import type { ExplorerState } from './types';
import { LinkFieldError, httpsUrl, object, readViewBody, sharedViewOf, string, version } from './shareLink';
import type { Json } from './shareLink';
import { SESSION_FORMAT, SESSION_VERSION } from './shareTypes';
import type { ReadSession, SessionData, SessionPlan, SessionV1 } from './shareTypes';

export { SESSION_FORMAT, SESSION_VERSION };

/** The session of the state on screen; reads the user's files (they may be Blobs). */
export async function sessionOf(s: ExplorerState, now = new Date()): Promise<SessionV1 | undefined> {
  const source = s.source;
  if (!source || !s.graph) return undefined;
  let data: SessionData;
  if (source.kind === 'builtin') data = { version: source.version };
  else if (source.url !== undefined) data = { src: source.url };
  else
    data = {
      files: await Promise.all(
        source.files.map(async (f) => ({
          name: f.name,
          text: typeof f.text === 'string' ? f.text : await (f as Blob).text(),
        })),
      ),
      ...(source.runtimeFactsVersion ? { runtimeFactsVersion: source.runtimeFactsVersion } : {}),
    };
  // The view of a builtin dataset is what a link would carry; for files only the data differs.
  const link = sharedViewOf({ ...s, source: { kind: 'builtin', version: s.graph.info.version } });
  if (!link) return undefined;
  const { data: _linkData, ...body } = link;
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    savedAt: now.toISOString(),
    data,
    ...body,
    plan: {
      task: s.planTask,
      dialplanFiles: s.dialplanFiles,
      needs: s.planNeeds,
      againstCurrent: s.planAgainstCurrent,
    },
  };
}

const NOT_A_SESSION = 'is not a session saved by the Asterisk Module Explorer';

function strings(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.length > 200) throw new LinkFieldError(field);
  return value.map((v, i) => string(v, `${field}[${i}]`, 80));
}

function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new LinkFieldError(field);
  return value;
}

/** A text file of the session (dataset or dialplan), as it was opened. */
function textFile(value: unknown, field: string, max: number): { name: string; text: string } {
  const o = object(value, field);
  return { name: string(o.name, `${field}.name`, 255), text: string(o.text, `${field}.text`, max) };
}

function readData(value: unknown): SessionData {
  const o = object(value, 'data');
  if ('src' in o) return { src: httpsUrl(o.src, 'data.src') };
  if ('files' in o) {
    if (!Array.isArray(o.files) || o.files.length === 0 || o.files.length > 20)
      throw new LinkFieldError('data.files');
    return {
      files: o.files.map((f, i) => textFile(f, `data.files[${i}]`, 64 * 1024 * 1024)),
      ...(o.runtimeFactsVersion !== undefined
        ? { runtimeFactsVersion: version(o.runtimeFactsVersion, 'data.runtimeFactsVersion') }
        : {}),
    };
  }
  return { version: version(o.version, 'data.version') };
}

function readPlan(value: unknown): SessionPlan {
  const o = object(value, 'plan');
  const n = object(o.needs, 'plan.needs');
  if (!Array.isArray(o.dialplanFiles) || o.dialplanFiles.length > 50)
    throw new LinkFieldError('plan.dialplanFiles');
  const task = o.task;
  if (task !== 'slim' && task !== 'upgrade') throw new LinkFieldError('plan.task');
  return {
    task,
    dialplanFiles: o.dialplanFiles.map((f, i) => textFile(f, `plan.dialplanFiles[${i}]`, 1024 * 1024)),
    needs: {
      channels: strings(n.channels, 'plan.needs.channels'),
      codecs: strings(n.codecs, 'plan.needs.codecs'),
      formats: strings(n.formats, 'plan.needs.formats'),
      musicOnHold: bool(n.musicOnHold, 'plan.needs.musicOnHold'),
      cdr: strings(n.cdr, 'plan.needs.cdr'),
      cel: strings(n.cel, 'plan.needs.cel'),
      ari: bool(n.ari, 'plan.needs.ari'),
      keep: string(n.keep, 'plan.needs.keep', 5000),
    },
    againstCurrent: bool(o.againstCurrent, 'plan.againstCurrent'),
  };
}

/** Reads a session file's text; `file` names it in the message when it is not one. */
export function readSession(text: string, file: string): ReadSession {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: `${file} ${NOT_A_SESSION} (it is not JSON), so it was not opened.` };
  }
  try {
    const o: Json = object(json, 'session');
    if (o.format !== SESSION_FORMAT) return { error: `${file} ${NOT_A_SESSION}, so it was not opened.` };
    if (typeof o.version !== 'number' || o.version > SESSION_VERSION)
      return {
        error: `${file} was saved by a newer version of the Asterisk Module Explorer (session format ${String(o.version)}), so it was not opened.`,
      };
    return {
      session: {
        format: SESSION_FORMAT,
        version: SESSION_VERSION,
        savedAt: string(o.savedAt, 'savedAt', 40),
        data: readData(o.data),
        ...readViewBody(o),
        plan: readPlan(o.plan),
      },
    };
  } catch (error) {
    if (error instanceof LinkFieldError)
      return {
        error: `${file} has a value this app does not understand (${error.field}), so it was not opened.`,
      };
    throw error;
  }
}
