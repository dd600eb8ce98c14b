/**
 * sorcery.conf, as main/sorcery.c reads it when a sorcery instance opens (__ast_sorcery_apply_config):
 * each section is an instance, named after the module that opens it (`[res_pjsip]`); each line
 * `type[/options] = wizard[,data]` maps a wizard to that object type. Only what decides the
 * references a mapping takes is kept: instance, object type and wizard, with where they were written.
 */
import type { ParseResult, Problem, SorceryConf } from '../model';
import { stripComments } from './modulesConf';

export function parseSorceryConf(text: string, file: string): ParseResult<SorceryConf> {
  const problems: Problem[] = [];
  const conf: SorceryConf = { file, mappings: [] };
  let section: string | undefined;
  for (const raw of stripComments(text, file, problems)) {
    const body = raw.text.trim();
    if (body === '') continue;
    const column = raw.text.length - raw.text.trimStart().length + 1;
    const where = { file, line: raw.line, column };
    if (body.startsWith('[')) {
      const close = body.indexOf(']');
      if (close < 0) {
        problems.push({
          severity: 'error',
          code: 'config-syntax',
          message: "Section header without a closing ']'.",
          ...where,
        });
        return { data: undefined, problems };
      }
      section = body.slice(1, close).trim();
      continue;
    }
    if (body.startsWith('#')) {
      problems.push({
        severity: 'warning',
        code: 'config-unsupported',
        message: `'${body.split(/\s/)[0] ?? body}' is not followed: paste the included lines instead.`,
        ...where,
      });
      continue;
    }
    const eq = body.indexOf('=');
    if (eq < 0) {
      problems.push({
        severity: 'error',
        code: 'config-syntax',
        message: `'${body}' is not 'type = wizard,data'.`,
        ...where,
      });
      continue;
    }
    if (section === undefined) {
      problems.push({
        severity: 'warning',
        code: 'config-syntax',
        message: 'A mapping before any [section] is ignored.',
        ...where,
      });
      continue;
    }
    const objectType = (body.slice(0, eq).split('/')[0] ?? '').trim();
    const wizard = (
      body
        .slice(eq + 1)
        .replace(/^>/, '')
        .split(',')[0] ?? ''
    ).trim();
    if (objectType === '' || wizard === '') {
      problems.push({
        severity: 'error',
        code: 'config-syntax',
        message: `'${body}' names no object type or no wizard.`,
        ...where,
      });
      continue;
    }
    conf.mappings.push({ instance: section, objectType, wizard, line: raw.line, column });
  }
  return { data: conf, problems };
}
