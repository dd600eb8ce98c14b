#!/usr/bin/env python3
"""modules-metadata.json for this build, in the shape of the shared loader-traces one.

- Modules the shared table already has (same commit): its entry, with the facts that depend on
  the build recomputed: links_against_global_symbol_modules (nm -D of this build's .so files),
  observed_start_pri (START lines of this build's baseline run), support_level (its module show),
  and the requires/optional_modules that are compiled only with HAVE_PJPROJECT made real.
- The pjproject-based modules: the same fields read from their AST_MODULE_INFO block at the commit.

Usage: metadata.py <baseline-trace-dir> <out.json> [--only-new]
"""
import json
import os
import re
import subprocess
import sys

BASE = os.environ.get('PJSIP_ORACLE_DIR', '/work/pjsip-build')  # build prefix, runs, traces
SRC = f'{BASE}/asterisk'
MODDIR = f'{BASE}/prefix/lib/asterisk/modules'
SHARED = '/work/shared/data/asterisk/master/loader-traces/modules-metadata.json'


def modpri_values() -> dict:
    text = open(f'{SRC}/include/asterisk/module.h').read()
    return {m.group(1): int(m.group(2)) for m in re.finditer(r'(AST_MODPRI_\w+)\s*=\s*(-?\d+)', text)}


def find_source(name: str) -> str:
    for d in ('res', 'channels', 'funcs', 'apps', 'pbx', 'bridges', 'cdr', 'cel', 'codecs', 'formats',
              'addons'):
        p = f'{d}/{name}.c'
        if os.path.exists(f'{SRC}/{p}'):
            return p
    raise FileNotFoundError(name)


def split_args(body: str) -> list:
    args, depth, cur, in_str = [], 0, '', False
    i = 0
    while i < len(body):
        c = body[i]
        if in_str:
            cur += c
            if c == '\\':
                cur += body[i + 1]
                i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
            cur += c
        elif c in '([{':
            depth += 1
            cur += c
        elif c in ')]}':
            depth -= 1
            cur += c
        elif c == ',' and depth == 0:
            args.append(cur.strip())
            cur = ''
        else:
            cur += c
        i += 1
    if cur.strip():
        args.append(cur.strip())
    return args


def module_info(path: str, pri: dict) -> dict:
    text = open(f'{SRC}/{path}').read()
    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    m = re.search(r'^(AST_MODULE_INFO(?:_STANDARD(?:_EXTENDED|_DEPRECATED)?)?)\s*\(', text, re.M)
    if not m:
        raise ValueError(f'no AST_MODULE_INFO in {path}')
    macro = m.group(1)
    depth, i = 1, m.end()
    while depth:
        if text[i] == '(':
            depth += 1
        elif text[i] == ')':
            depth -= 1
        i += 1
    body = text[m.end():i - 1]
    if re.search(r'^\s*#', body, re.M):
        raise ValueError(f'preprocessor lines inside AST_MODULE_INFO of {path}')
    info = {'macro': macro}
    if macro != 'AST_MODULE_INFO':
        info['flags'] = []
        info['effective_pri'] = 128
        return info
    args = split_args(body)
    info['flags'] = [f.strip() for f in args[1].split('|')]
    fields = {}
    for a in args[3:]:
        fm = re.match(r'^\.(\w+)\s*=\s*(.*)$', a, re.S)
        if fm:
            fields[fm.group(1)] = fm.group(2).strip()
    if 'load_pri' in fields:
        expr = re.sub(r'\s+', '', fields['load_pri'])
        info['load_pri_symbol'] = expr
        info['load_pri_value'] = eval(re.sub(r'AST_MODPRI_\w+', lambda x: str(pri[x.group(0)]), expr))
    for key in ('requires', 'optional_modules', 'enhances'):
        if key in fields:
            s = ''.join(re.findall(r'"([^"]*)"', fields[key]))
            info[key] = [x.strip() for x in s.split(',') if x.strip()]
    if 'support_level' in fields:
        info['support_level_symbol'] = fields['support_level']
    info['effective_pri'] = (info.get('load_pri_value', 128)
                             if 'AST_MODFLAG_LOAD_ORDER' in info['flags'] else 128)
    return info


def nm(path: str, defined: bool) -> set:
    args = ['nm', '-D', '--defined-only' if defined else '--undefined-only', path]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    syms = set()
    for line in out.splitlines():
        parts = line.split()
        if defined and len(parts) == 3 and parts[1] in 'TDBRVWiu':
            syms.add(parts[2].split('@')[0])
        if not defined and len(parts) == 2 and parts[0] == 'U':
            syms.add(parts[1].split('@')[0])
    return syms


def main() -> None:
    trace, out = sys.argv[1], sys.argv[2]
    only_new = '--only-new' in sys.argv
    pri = modpri_values()
    shared = json.load(open(SHARED))
    result = json.load(open(f'{trace}/result.json'))
    support = {r['module']: r['support_level'] for r in result.get('module_show', [])}
    observed = {}
    for a in result['extra']['start_attempts']:
        observed.setdefault(a['module'], [])
        if a['pri'] not in observed[a['module']]:
            observed[a['module']].append(a['pri'])
    built = sorted(f[:-3] for f in os.listdir(MODDIR) if f.endswith('.so'))

    meta = {}
    for name, entry in shared.items():
        if entry.get('builtin'):
            meta[name] = dict(entry)
    for name in built:
        if name in shared:
            e = dict(shared[name])
            for key in ('requires', 'optional_modules'):
                cond = e.pop(f'{key}_if_HAVE_PJPROJECT', None)
                if cond is not None:
                    e[key] = cond
            if e.pop('conditional_note', None) is not None:
                e['conditional_note'] = ('requires/optional_modules are inside #ifdef HAVE_PJPROJECT; '
                                         'this build has pjproject, so they are in the built module')
        else:
            e = module_info(find_source(name), pri)
            e['source'] = find_source(name)
        e['global_symbols'] = 'AST_MODFLAG_GLOBAL_SYMBOLS' in e['flags']
        meta[name] = e

    globals_ = [n for n in built if meta[n]['global_symbols']]
    exported = {n: nm(f'{MODDIR}/{n}.so', True) for n in globals_}
    for name in built:
        e = meta[name]
        need = nm(f'{MODDIR}/{name}.so', False)
        e['links_against_global_symbol_modules'] = sorted(
            g for g in globals_ if g != name and need & exported[g])
        e['observed_start_pri'] = observed.get(name, [])
        if name in support:
            e['support_level'] = support[name]
    for name, e in meta.items():
        if e.get('builtin'):
            e['observed_start_pri'] = observed.get(name, e.get('observed_start_pri', []))
    if only_new:
        meta = {k: v for k, v in meta.items() if k not in shared}
    order = ['macro', 'flags', 'load_pri_symbol', 'load_pri_value', 'requires', 'optional_modules',
             'enhances', 'support_level_symbol', 'effective_pri', 'source', 'builtin',
             'observed_start_pri', 'support_level', 'global_symbols', 'conditional_note',
             'links_against_global_symbol_modules']
    meta = {k: {f: meta[k][f] for f in order if f in meta[k]} for k in sorted(meta)}
    json.dump(meta, open(out, 'w'), indent=1)
    print(f'{len(meta)} modules written to {out}')


if __name__ == '__main__':
    main()
