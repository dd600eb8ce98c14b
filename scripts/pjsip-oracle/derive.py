#!/usr/bin/env python3
"""Derive result.json (and the scenario folder) from a recorded run, following the field
descriptions in loader-traces/README.md.

Usage:
  derive.py result <full.log> <module_show.txt|-> <so_files_readdir_order.txt> [startup_failed]
      -> prints result.json to stdout (used to check this parser against the shared traces)
  derive.py scenario <scenario-name> <out-dir>
      -> writes the scenario folder from runs/<scenario-name>/raw
"""
import json
import os
import re
import sys

BASE = os.environ.get('PJSIP_ORACLE_DIR', '/work/pjsip-build')  # build prefix, runs, traces
PREFIX = f'{BASE}/prefix'
RUNS = f'{BASE}/runs'

LINE = re.compile(r'^\[[^\]]*\] ([A-Z]+)\[\d+\](?:\[[^\]]*\])? ([\w./-]+): (.*)$')


def strip_so(name: str) -> str:
    return name[:-3] if name.endswith('.so') else name


def parse_log(text: str):
    """(level, source, message) for every logger line (continuation lines are skipped)."""
    out = []
    for line in text.split('\n'):
        m = LINE.match(line)
        if m:
            out.append((m.group(1), m.group(2), m.group(3)))
    return out


def parse_module_show(text: str):
    rows = []
    summary = None
    for line in text.split('\n'):
        m = re.match(r'^(\S+)\s+(.*?)\s+(-?\d+)\s+(Running|Not Running)\s+(\S+)\s*$', line)
        if m and m.group(1) != 'Module':
            rows.append({'module': strip_so(m.group(1)), 'use_count': int(m.group(3)),
                         'status': m.group(4), 'support_level': m.group(5)})
            continue
        s = re.match(r'^(\d+ modules? loaded)\s*$', line)
        if s:
            summary = s.group(1)
    return rows, summary


def derive(full_text: str, module_show_text, readdir: list, startup_failed: bool):
    log = [(lv, src, msg) for lv, src, msg in parse_log(full_text) if src == 'loader.c']
    present = sorted(readdir)
    start_attempts = []
    passes = {}
    pass_order = []
    load_order_pass0 = []
    insertion = []
    errors = []
    will_be_loaded = None
    for lv, _src, msg in log:
        m = re.match(r'^START: (\S+)\s+\[(\d+)\] (-?\d+)$', msg)
        if m and lv == 'DEBUG':
            start_attempts.append({'module': strip_so(m.group(1)), 'pri': int(m.group(2)),
                                   'result': int(m.group(3))})
            continue
        m = re.match(r'^PASS (\d+): (\S+)\s+(-?\d+)$', msg)
        if m and lv == 'DEBUG':
            p, mod, r = int(m.group(1)), strip_so(m.group(2)), m.group(3)
            if p not in passes:
                passes[p] = []
                pass_order.append(p)
            passes[p].append((mod, r))
            if p == 0:
                load_order_pass0.append(mod)
            if r == '3':
                insertion.append(mod)
            continue
        m = re.match(r'^(\d+) modules will be loaded\.$', msg)
        if m:
            will_be_loaded = int(m.group(1))
        if lv == 'ERROR':
            errors.append(msg)

    started = [a['module'] for a in start_attempts if a['result'] == 0]
    self_declined = [a['module'] for a in start_attempts if a['result'] == 1]
    failed = [a['module'] for a in start_attempts if a['result'] == -1]

    declined = []
    decline_events = []
    dlopen_failed = []
    unresolved = []
    due_to_deps = []

    def add(mod):
        if mod not in declined:
            declined.append(mod)

    for msg in errors:
        m = re.match(r'^(\S+) declined to load\.$', msg)
        if m:
            add(m.group(1))
            decline_events.append({'module': m.group(1), 'kind': 'declined'})
            continue
        m = re.match(r'^Declined modules which depend on (\S+): (.*)$', msg)
        if m:
            for mod in m.group(2).split(', '):
                add(mod)
                decline_events.append({'module': mod, 'kind': 'cascade', 'because': m.group(1)})
            continue
        m = re.match(r'^Required module (\S+) declined to load\.$', msg)
        if m:
            add(m.group(1))
            decline_events.append({'module': m.group(1), 'kind': 'required_declined'})
            continue
        m = re.match(r'^Cannot load required module (\S+) that depends on (\S+)$', msg)
        if m:
            add(m.group(1))
            decline_events.append({'module': m.group(1), 'kind': 'required_cascade',
                                   'because': m.group(2)})
            continue
        m = re.match(r'^Failed to resolve dependencies for (\S+)$', msg)
        if m:
            unresolved.append(m.group(1))
            continue
        m = re.match(r'^Failed to load (\S+) due to dependencies: (.*)\.$', msg)
        if m:
            due_to_deps.append({'module': m.group(1), 'dependencies': m.group(2).split(', ')})
            continue
        m = re.match(r"^Error loading module '([^']+)', missing dependenc(?:y|ies): (.*)$", msg)
        if m:
            dlopen_failed.append({'module': strip_so(m.group(1)), 'missing': m.group(2).split(', '),
                                  'dlerror': None})
            continue
        m = re.match(r"^Error loading module '([^']+)': (.*)$", msg)
        if m:
            dlopen_failed.append({'module': strip_so(m.group(1)), 'missing': [],
                                  'dlerror': m.group(2)})
    for mod in self_declined + failed:
        add(mod)

    seen = set(started) | set(declined)
    not_loaded = sorted(m for m in readdir if m not in seen)

    passes_summary = []
    for p in pass_order:
        by = {}
        for mod, r in passes[p]:
            by.setdefault(r, []).append(mod)
        passes_summary.append({'pass': p, 'count': len(passes[p]),
                               'by_result': {r: (len(v) if r == '3' else v) for r, v in by.items()}})

    result = {'started': started, 'declined': declined, 'not_loaded': not_loaded,
              'startup_failed': startup_failed}
    other_not_running = []
    if module_show_text is not None:
        rows, summary = parse_module_show(module_show_text)
        result['module_show'] = rows
        result['module_show_summary'] = summary
        other_not_running = sorted(r['module'] for r in rows
                                   if r['status'] == 'Not Running' and r['module'] not in declined)
    result['extra'] = {
        'modules_will_be_loaded_notice': will_be_loaded,
        'so_files_present': len(present),
        'start_attempts': start_attempts,
        'decline_events': decline_events,
        'dlopen_failed': dlopen_failed,
        'failed_to_resolve_dependencies': unresolved,
        'failed_due_to_dependencies': due_to_deps,
        'loader_errors_in_order': errors,
        'not_running_but_registered_other': other_not_running,
        'passes_summary': passes_summary,
        'load_order_list_pass0': load_order_pass0,
        'priority_insertion_order': insertion,
        'self_declined_in_load': self_declined,
        'load_returned_failure': failed,
    }
    return result


def sanitise(text: str, name: str) -> str:
    return text.replace(f'{RUNS}/{name}', f'<rundir>/{name}').replace(PREFIX, '<prefix>')


def drop_translate_debug(text: str) -> str:
    return ''.join(l for l in text.splitlines(keepends=True)
                   if not re.match(r'^\[[^\]]*\] DEBUG\[\d+\](?:\[[^\]]*\])? translate\.c: ', l))


def loader_only(text: str) -> str:
    return ''.join(l for l in text.splitlines(keepends=True) if re.match(LINE, l.rstrip('\n'))
                   and ' loader.c: ' in l)


def clean_rx(text: str) -> str:
    """The -rx client reads the same asterisk.conf (debug = 5) and prints its own debug line
    'Asterisk ending (0).' as it exits; the shared traces' CLI outputs have no such line."""
    lines = text.split('\n')
    while lines and lines[-1].strip() in ('', 'Asterisk ending (0).'):
        if lines[-1].strip() == '' and len(lines) > 1 and lines[-2].strip() != 'Asterisk ending (0).':
            break
        lines.pop()
    return '\n'.join(lines) + ('\n' if lines and lines[-1] != '' else '')


def norm_runtime_line(line: str) -> str:
    return re.sub(r'^\[[^\]]*\] ', '', line)


def scenario(name: str, out: str) -> None:
    raw = f'{RUNS}/{name}/raw'
    os.makedirs(out, exist_ok=True)
    meta = json.load(open(f'{raw}/meta.json'))
    full = sanitise(open(f'{raw}/full.log', errors='replace').read(), name)
    full_clean = drop_translate_debug(full)
    open(f'{out}/full.log', 'w').write(full_clean)
    readdir = [l.strip() for l in open(f'{raw}/so_files_readdir_order.txt') if l.strip()]
    readdir_names = [strip_so(f) for f in readdir]
    open(f'{out}/so_files_readdir_order.txt', 'w').write(''.join(n + '\n' for n in readdir_names))
    open(f'{out}/so_files_present.txt', 'w').write(''.join(f + '\n' for f in sorted(readdir)))
    open(f'{out}/modules.conf', 'w').write(open(f'{RUNS}/{name}/etc/modules.conf').read())
    open(f'{out}/stdout.txt', 'w').write(sanitise(open(f'{raw}/stdout.txt', errors='replace').read(), name))
    stderr = open(f'{raw}/stderr.txt', errors='replace').read()
    if stderr.strip():
        open(f'{out}/stderr.txt', 'w').write(sanitise(stderr, name))
    failed = not meta['ready']
    if failed:
        open(f'{out}/exit_code.txt', 'w').write(f"{meta['exit_code']}\n")
    ms = None
    if os.path.exists(f'{raw}/module_show.txt'):
        ms = clean_rx(open(f'{raw}/module_show.txt').read())
        open(f'{out}/module_show.txt', 'w').write(ms)
    if os.path.exists(f'{raw}/listening_sockets.txt'):
        open(f'{out}/listening_sockets.txt', 'w').write(open(f'{raw}/listening_sockets.txt').read())

    startup_text = full_clean
    if 'startup_log_bytes' in meta:
        startup_raw = sanitise(open(f'{raw}/full.log', errors='replace').read()[:meta['startup_log_bytes']], name)
        startup_text = drop_translate_debug(startup_raw)
        open(f'{out}/startup.log', 'w').write(startup_text)
    open(f'{out}/loader.log', 'w').write(loader_only(startup_text if 'startup_log_bytes' in meta else full_clean))
    result = derive(startup_text, ms, readdir_names, failed)
    json.dump(result, open(f'{out}/result.json', 'w'), indent=1)

    if os.path.exists(f'{raw}/runtime_raw.json'):
        runtime_steps(name, raw, out)
    print(name, 'started', len(result['started']), 'declined', len(result['declined']),
          'not_loaded', len(result['not_loaded']), 'failed', failed)


def runtime_steps(name: str, raw: str, out: str) -> None:
    import shutil
    shutil.copy(f'{raw}/runtime_commands.txt', f'{out}/runtime_commands.txt')
    for f in ('module_show_before_runtime.txt', 'module_show_after_runtime.txt'):
        if os.path.exists(f'{raw}/{f}'):
            open(f'{out}/{f}', 'w').write(clean_rx(open(f'{raw}/{f}').read()))
    full_bytes = open(f'{raw}/full.log', 'rb').read()
    steps = []
    md = [f'# Scenario {name}: run-time commands', '',
          'Instance: the baseline setup (autoload=yes, every built module present, no extra configs), '
          'kept running after startup. Startup = result.json/startup.log.', '',
          'Each command was run as `asterisk -C <its asterisk.conf> -rx "<command>"`; the log lines are the '
          'part of the full log written while that command ran (loader.c lines, plus WARNING/ERROR/NOTICE '
          'from other files).', '']
    for s in json.load(open(f'{raw}/runtime_raw.json')):
        chunk = sanitise(full_bytes[s['log_from']:s['log_to']].decode(errors='replace'), name)
        lines = [norm_runtime_line(l) for l in chunk.split('\n') if LINE.match(l)]
        loader = [l for l in lines if ' loader.c: ' in l]
        other = [l for l in lines if ' loader.c: ' not in l
                 and re.match(r'^(WARNING|ERROR|NOTICE)\[', l)]
        cli = clean_rx(s['cli_output']).rstrip('\n')
        cli = '\n'.join(l.rstrip() for l in cli.split('\n'))
        ok = f"Command '{s['command']}' failed." not in cli
        step = {'step': s['step'], 'command': s['command'], 'cli_output': cli,
                'result': 'ok' if ok else 'failed', 'loader_log': loader,
                'other_warnings_errors': other}
        msgs = [l.split(' loader.c: ', 1)[1] for l in loader]
        if s['command'].startswith('module show'):
            step['module_show'] = parse_module_show(cli)[0]
        deps = [m[len('Found new dependent '):] for m in msgs if m.startswith('Found new dependent ')]
        unl = [strip_so(m[len('Unloading '):]) for m in msgs if re.match(r'^Unloading \S+\.so$', m)]
        lod = [strip_so(m.split(' ', 2)[1]) for m in msgs if re.match(r'^Loaded \S+\.so => ', m)]
        if 'refresh' in s['command'] and 'recursively' in s['command']:
            step['dependents_found_order'] = deps
        if unl:
            step['unload_order'] = unl
        if lod:
            step['load_order'] = lod
        if not s['alive']:
            step['asterisk_exited'] = True
        steps.append(step)
        md += [f"## {s['step']}. `{s['command']}`  ({step['result']})", '```', cli, '```']
        if loader or other:
            md += ['Log:', '```'] + loader + (['-- other warnings/errors --'] + other if other else []) + ['```']
        for k in ('dependents_found_order', 'unload_order', 'load_order'):
            if k in step:
                md.append(f"- {k}: {', '.join(step[k])}")
        md.append('')
    doc = {'instance': 'autoload=yes, every built module present, no extra configs (same as 01-baseline-autoload). '
                       'Startup = result.json/startup.log.',
           'notes': 'asterisk -rx always exits 0; success/failure is in cli_output. loader_log = lines from '
                    'loader.c written to the full log while the command ran.',
           'steps': steps}
    json.dump(doc, open(f'{out}/runtime.json', 'w'), indent=1)
    open(f'{out}/runtime.md', 'w').write('\n'.join(md) + '\n')


if __name__ == '__main__':
    if sys.argv[1] == 'result':
        full = open(sys.argv[2], errors='replace').read()
        ms = None if sys.argv[3] == '-' else open(sys.argv[3]).read()
        rd = [strip_so(l.strip()) for l in open(sys.argv[4]) if l.strip()]
        print(json.dumps(derive(full, ms, rd, len(sys.argv) > 5 and sys.argv[5] == 'true'), indent=1))
    else:
        scenario(sys.argv[2], sys.argv[3])
