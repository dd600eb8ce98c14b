/**
 * Syntax colouring for Asterisk's config files (modules.conf, extensions.conf and the files they
 * include). A small stream tokenizer is enough: the colouring only has to help the eye, the real
 * parsers (src/ingest) decide what a line means and report problems with their line and column.
 */
import { HighlightStyle, StreamLanguage } from '@codemirror/language';
import type { StreamParser, StringStream } from '@codemirror/language';
import { tags } from '@lezer/highlight';

/** The token names the tokenizer returns; each maps to one highlighting tag below. */
export type ConfToken =
  | 'comment'
  | 'blockComment'
  | 'section'
  | 'sectionOption'
  | 'key'
  | 'arrow'
  | 'directive'
  | 'path'
  | 'variable'
  | 'dialplanFunction'
  | 'expression'
  | 'priority'
  | 'label'
  | 'application'
  | 'separator'
  | 'escape';

type Phase = 'lineStart' | 'afterKey' | 'value' | 'sectionTail' | 'directive' | 'rest';

export interface ConfState {
  /** Nesting depth of `;-- … --;` blocks, which span lines. */
  commentDepth: number;
  phase: Phase;
  /** The key of the current line, lower case (`exten`, `same`, `load`…). */
  key: string;
  /** Top-level commas seen in the value: which field of `exten => ext,prio,App(…)` we are in. */
  field: number;
  appSeen: boolean;
  /** Open `${`, `$[` and `(` inside the value; commas inside them separate arguments, not fields. */
  nesting: Array<'var' | 'expr' | 'paren'>;
  /** The previous token opened `${`: a name now is a variable or a function. */
  afterVarOpen: boolean;
}

/** The field of the value that holds the application: `exten => ext,prio,App`, `same => prio,App`. */
const APP_FIELD: Readonly<Record<string, number>> = { exten: 2, same: 1 };
const PRIORITY_FIELD: Readonly<Record<string, number>> = { exten: 1, same: 0 };

/** `;--` opens a block comment, but `;---` is a line comment (Asterisk's config.c). */
const BLOCK_OPEN = /^;--(?!-)/;

function blockComment(stream: StringStream, state: ConfState): ConfToken {
  while (!stream.eol()) {
    if (stream.match(BLOCK_OPEN)) state.commentDepth++;
    else if (stream.match('--;')) {
      state.commentDepth--;
      if (state.commentDepth === 0) break;
    } else stream.next();
  }
  return 'blockComment';
}

function startLine(state: ConfState): void {
  state.phase = 'lineStart';
  state.key = '';
  state.field = 0;
  state.appSeen = false;
  state.nesting = [];
  state.afterVarOpen = false;
}

function lineStart(stream: StringStream, state: ConfState): ConfToken | null {
  if (stream.match(/^#\s*(include|tryinclude|exec)\b/i) || stream.match(/^#\w*/)) {
    state.phase = 'directive';
    return 'directive';
  }
  if (stream.match(/^\[[^\]\n;]*\]?/)) {
    state.phase = 'sectionTail';
    return 'section';
  }
  // A key runs to the `=` of `key =` / `key =>`; a line without one is left plain.
  const key = stream.match(/^(?:\\.|[^=;\\])+?(?=\s*=)/);
  if (key && typeof key !== 'boolean') {
    state.key = key[0].trim().toLowerCase();
    state.phase = 'afterKey';
    return 'key';
  }
  state.phase = 'rest';
  stream.eatWhile(/[^;\\]/);
  return null;
}

function value(stream: StringStream, state: ConfState): ConfToken | null {
  const afterVarOpen = state.afterVarOpen;
  state.afterVarOpen = false;
  if (stream.match('${')) {
    state.nesting.push('var');
    state.afterVarOpen = true;
    return 'variable';
  }
  if (stream.match('$[')) {
    state.nesting.push('expr');
    return 'expression';
  }
  const top = state.nesting.at(-1);
  const ch = stream.peek();
  if (ch === '}' && top === 'var') {
    stream.next();
    state.nesting.pop();
    return 'variable';
  }
  if (ch === ']' && top === 'expr') {
    stream.next();
    state.nesting.pop();
    return 'expression';
  }
  if (ch === '(') {
    stream.next();
    state.nesting.push('paren');
    return null;
  }
  if (ch === ')' && top === 'paren') {
    stream.next();
    state.nesting.pop();
    return null;
  }
  if (ch === ',' && state.nesting.length === 0) {
    stream.next();
    state.field++;
    return 'separator';
  }
  // A name followed by `(` inside `${…}` or `$[…]` is a dialplan function (`${CALLERID(num)}`).
  const name = stream.match(/^[A-Za-z_][\w.]*/);
  if (name && typeof name !== 'boolean') {
    const call = stream.peek() === '(';
    if (afterVarOpen) return call ? 'dialplanFunction' : 'variable';
    if (call && state.nesting.some((n) => n !== 'paren')) return 'dialplanFunction';
    if (state.nesting.length === 0 && state.field === APP_FIELD[state.key] && !state.appSeen) {
      state.appSeen = true;
      return 'application';
    }
    if (state.nesting.length === 0 && state.field === PRIORITY_FIELD[state.key]) {
      if (!/^(n|s|hint)$/i.test(name[0])) return null;
      // A hint's value is a device list (`PJSIP/100&…`), not an application.
      if (name[0].toLowerCase() === 'hint') state.appSeen = true;
      return 'priority';
    }
    return null;
  }
  if (state.nesting.length === 0 && state.field === PRIORITY_FIELD[state.key]) {
    if (stream.match(/^\d+/) || stream.match(/^\+\d+/)) return 'priority';
  }
  if (!stream.match(/^\w+/)) {
    stream.next();
    stream.eatWhile(/[^$;\\,(){}[\]\s\w]/);
  }
  return null;
}

/** Labels in `exten => 100,n(done),…`: the parenthesis right after a priority. */
function priorityLabel(stream: StringStream, state: ConfState): ConfToken | null {
  if (state.nesting.length !== 0 || state.field !== PRIORITY_FIELD[state.key]) return null;
  if (stream.match(/^\([^)\n]*\)/)) return 'label';
  return null;
}

export const asteriskConfParser: StreamParser<ConfState> = {
  name: 'asterisk-conf',
  startState: () => ({
    commentDepth: 0,
    phase: 'lineStart',
    key: '',
    field: 0,
    appSeen: false,
    nesting: [],
    afterVarOpen: false,
  }),
  copyState: (s) => ({ ...s, nesting: [...s.nesting] }),
  token(stream, state) {
    if (stream.sol()) startLine(state);
    if (state.commentDepth > 0) return blockComment(stream, state);
    if (stream.eatSpace()) return null;
    if (stream.match(BLOCK_OPEN)) {
      state.commentDepth = 1;
      return blockComment(stream, state);
    }
    if (stream.peek() === ';') {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.peek() === '\\') {
      stream.next();
      stream.next();
      return 'escape';
    }
    switch (state.phase) {
      case 'lineStart':
        return lineStart(stream, state);
      case 'afterKey':
        state.phase = 'value';
        if (stream.match('=>') || stream.match('=')) return 'arrow';
        return value(stream, state);
      case 'sectionTail':
        if (stream.match(/^\([^)\n;]*\)/)) return 'sectionOption';
        stream.eatWhile(/[^;\\]/);
        return null;
      case 'directive':
        stream.eatWhile(/[^;\\]/);
        return 'path';
      case 'rest':
        stream.eatWhile(/[^;\\]/);
        return null;
      case 'value':
        return priorityLabel(stream, state) ?? value(stream, state);
    }
  },
  languageData: { commentTokens: { line: ';', block: { open: ';--', close: '--;' } } },
  tokenTable: {
    comment: tags.lineComment,
    blockComment: tags.blockComment,
    section: tags.heading,
    sectionOption: tags.modifier,
    key: tags.propertyName,
    arrow: tags.definitionOperator,
    directive: tags.processingInstruction,
    path: tags.string,
    variable: tags.special(tags.variableName),
    dialplanFunction: tags.function(tags.variableName),
    expression: tags.special(tags.operator),
    priority: tags.number,
    label: tags.labelName,
    application: tags.function(tags.propertyName),
    separator: tags.separator,
    escape: tags.escape,
  } satisfies Record<ConfToken, unknown>,
};

export const asteriskConf = StreamLanguage.define(asteriskConfParser);

/**
 * Colours for the app's dark theme (src/ui/app/theme.css): each at least 4.5:1 against the
 * editor's background, and none equal to the lint underline colours (error, warning, info).
 */
export const asteriskConfHighlight = HighlightStyle.define([
  { tag: [tags.lineComment, tags.blockComment], color: '#8b96a3', fontStyle: 'italic' },
  { tag: tags.heading, color: '#ffd84d', fontWeight: '650' },
  { tag: [tags.modifier, tags.labelName], color: '#d2a8ff' },
  { tag: tags.propertyName, color: '#8cc4ff' },
  { tag: [tags.definitionOperator, tags.separator], color: '#9aa5b1' },
  { tag: tags.processingInstruction, color: '#d2a8ff', fontWeight: '650' },
  { tag: tags.string, color: '#a8dc8c' },
  { tag: tags.special(tags.variableName), color: '#6fd3f0' },
  { tag: tags.function(tags.variableName), color: '#ffb27a' },
  { tag: tags.special(tags.operator), color: '#ff9fcf' },
  { tag: tags.number, color: '#ffc98b' },
  { tag: tags.function(tags.propertyName), color: '#5fe0c8', fontWeight: '600' },
  { tag: tags.escape, color: '#ff9fcf' },
]);
