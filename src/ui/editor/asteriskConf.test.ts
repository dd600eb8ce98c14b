import { StringStream } from '@codemirror/language';
import { describe, expect, it } from 'vitest';
import { asteriskConfParser } from './asteriskConf';

/** Runs the tokenizer as CodeMirror does, line by line, and lists the coloured pieces. */
function tokens(text: string): Array<[string, string]> {
  const state = asteriskConfParser.startState!(2);
  const out: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    const stream = new StringStream(line, 4, 2);
    while (!stream.eol()) {
      const token = asteriskConfParser.token(stream, state);
      const piece = line.slice(stream.start, stream.pos);
      if (stream.pos === stream.start) throw new Error(`no progress at ${stream.pos} in ${line}`);
      if (token) out.push([token, piece]);
      stream.start = stream.pos;
    }
  }
  return out;
}

function of(kind: string, text: string): string[] {
  return tokens(text)
    .filter(([t]) => t === kind)
    .map(([, piece]) => piece);
}

describe('Asterisk config tokenizer', () => {
  it('colours sections with their template marks, keys, arrows and comments', () => {
    const text =
      '[modules] ; the loader\nautoload = yes\nload => chan_pjsip.so\n[tpl](!)\n[office](tpl,other)';
    expect(tokens(text)).toEqual([
      ['section', '[modules]'],
      ['comment', '; the loader'],
      ['key', 'autoload'],
      ['arrow', '='],
      ['key', 'load'],
      ['arrow', '=>'],
      ['section', '[tpl]'],
      ['sectionOption', '(!)'],
      ['section', '[office]'],
      ['sectionOption', '(tpl,other)'],
    ]);
  });

  it('keeps a block comment across lines, nested, and reads on where --; closes the outer one', () => {
    const text = 'a = 1 ;-- one\n;-- inner --; still\nend --; b = 2\nc = 3';
    expect(of('blockComment', text)).toEqual([';-- one', ';-- inner --; still', 'end --;']);
    // What follows the comment on its last line is read as a line of its own, as Asterisk does.
    expect(of('key', text)).toEqual(['a', 'b', 'c']);
  });

  it('reads ;--- as a line comment and ;-- inside a line comment as nothing, as Asterisk does', () => {
    expect(tokens(';--- rule\na = 1')).toEqual([
      ['comment', ';--- rule'],
      ['key', 'a'],
      ['arrow', '='],
    ]);
    expect(of('key', '; note ;-- not a block\nb = 2')).toEqual(['b']);
  });

  it('does not start a comment at an escaped semicolon', () => {
    expect(tokens('exten => 1,1,Set(X=a\\;b) ; real')).toContainEqual(['escape', '\\;']);
    expect(of('comment', 'exten => 1,1,Set(X=a\\;b) ; real')).toEqual(['; real']);
  });

  it('colours #include, #tryinclude and #exec with the file they name', () => {
    const text = '#include "users.conf"\n#tryinclude extra/*.conf\n#exec /usr/bin/gen ; dynamic';
    expect(of('directive', text)).toEqual(['#include', '#tryinclude', '#exec']);
    expect(of('path', text)).toEqual(['"users.conf"', 'extra/*.conf', '/usr/bin/gen ']);
    expect(of('comment', text)).toEqual(['; dynamic']);
  });

  it('finds the application after the priority of exten and same lines, and labels', () => {
    const text = [
      'exten => _1XX,1,Dial(PJSIP/${EXTEN},30)',
      ' same => n(voicemail),VoiceMail(${EXTEN}@default)',
      'exten => 100,hint,PJSIP/100&IAX2/100',
      'exten => s,n+2,Goto(other,s,1)',
    ].join('\n');
    expect(of('application', text)).toEqual(['Dial', 'VoiceMail', 'Goto']);
    expect(of('priority', text)).toEqual(['1', 'n', 'hint', 'n', '+2']);
    expect(of('label', text)).toEqual(['(voicemail)']);
  });

  it('tells variables from dialplan functions, nested and inside $[ ] expressions', () => {
    const text = 'exten => 1,1,Set(R=${IF(${DB_EXISTS(a/b)}?${DB_RESULT}:x)} $[${LEN(${X})} + 1])';
    expect(of('dialplanFunction', text)).toEqual(['IF', 'DB_EXISTS', 'LEN']);
    expect(of('variable', text)).toEqual([
      '${',
      '${',
      '}',
      '${',
      'DB_RESULT',
      '}',
      '}',
      '${',
      '${',
      'X',
      '}',
      '}',
    ]);
    expect(of('expression', text)).toEqual(['$[', ']']);
    expect(of('application', text)).toEqual(['Set']);
  });

  it('does not take a name in another key for an application', () => {
    expect(of('application', 'include => from-internal\nload => app_dial.so\nfoo,bar,Baz')).toEqual([]);
  });
});
