#!/usr/bin/env python3
"""Record one loader-trace scenario the way loader-traces/README.md describes.

Usage: record.py <scenario-name> <modules.conf> [--extra-config DIR] [--runtime CMDS.txt]

Own run tree per scenario (etc, modules, run, log, spool, lib), copies of every installed .so,
verbose 5 / debug 5, wait for "Asterisk Ready." or exit, `module show`, optional run-time
commands, then `core stop now`. Raw output goes to runs/<scenario>/raw/.
"""
import json
import os
import shutil
import subprocess
import sys
import time

BASE = os.environ.get('PJSIP_ORACLE_DIR', '/work/pjsip-build')  # build prefix, runs, traces
PREFIX = f'{BASE}/prefix'
RUNS = f'{BASE}/runs'
TEMPLATES = '/work/shared/data/asterisk/master/loader-traces/config-templates'
ASTERISK = f'{PREFIX}/sbin/asterisk'
MODDIR = f'{PREFIX}/lib/asterisk/modules'


def main() -> None:
    args = sys.argv[1:]
    name, modules_conf = args[0], args[1]
    extra = None
    runtime = None
    if '--extra-config' in args:
        extra = args[args.index('--extra-config') + 1]
    if '--runtime' in args:
        runtime = args[args.index('--runtime') + 1]

    run = f'{RUNS}/{name}'
    if os.path.exists(run):
        shutil.rmtree(run)
    for d in ('etc', 'modules', 'run', 'log', 'spool', 'lib', 'lib/agi-bin', 'raw'):
        os.makedirs(f'{run}/{d}')
    conf = open(f'{TEMPLATES}/asterisk.conf').read()
    conf = conf.replace('<rundir>/01-baseline', run).replace('<prefix>', PREFIX)
    open(f'{run}/etc/asterisk.conf', 'w').write(conf)
    shutil.copy(f'{TEMPLATES}/logger.conf', f'{run}/etc/logger.conf')
    shutil.copy(modules_conf, f'{run}/etc/modules.conf')
    if extra:
        for f in sorted(os.listdir(extra)):
            shutil.copy(f'{extra}/{f}', f'{run}/etc/{f}')
    for f in sorted(os.listdir(MODDIR)):
        if f.endswith('.so'):
            shutil.copy2(f'{MODDIR}/{f}', f'{run}/modules/{f}')
    raw = f'{run}/raw'
    with open(f'{raw}/so_files_readdir_order.txt', 'w') as out:
        subprocess.run(['ls', '-U', f'{run}/modules'], stdout=out, check=True)

    astconf = f'{run}/etc/asterisk.conf'
    full = f'{run}/log/full'
    stdout = open(f'{raw}/stdout.txt', 'w')
    stderr = open(f'{raw}/stderr.txt', 'w')
    proc = subprocess.Popen(['nice', '-n', '19', ASTERISK, '-C', astconf, '-f'],
                            stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL, cwd=run)
    ready = False
    deadline = time.time() + 300
    while time.time() < deadline:
        if proc.poll() is not None:
            break
        if os.path.exists(full) and 'Asterisk Ready.' in open(full, errors='replace').read():
            ready = True
            break
        time.sleep(0.5)
    meta = {'pid': proc.pid, 'ready': ready}

    def rx(cmd: str) -> str:
        r = subprocess.run([ASTERISK, '-C', astconf, '-rx', cmd], capture_output=True, text=True,
                           timeout=120)
        return r.stdout

    if ready:
        time.sleep(1)
        open(f'{raw}/module_show.txt', 'w').write(rx('module show'))
        ss = subprocess.run(['ss', '-lntup'], capture_output=True, text=True).stdout
        mine = [l for l in ss.splitlines() if f'pid={proc.pid},' in l]
        open(f'{raw}/listening_sockets.txt', 'w').write(''.join(l + '\n' for l in mine))
        if runtime:
            shutil.copy(runtime, f'{raw}/runtime_commands.txt')
            open(f'{raw}/module_show_before_runtime.txt', 'w').write(rx('module show'))
            steps = []
            startup_size = os.path.getsize(full)
            meta['startup_log_bytes'] = startup_size
            for i, cmd in enumerate(l.strip() for l in open(runtime) if l.strip()):
                before = os.path.getsize(full)
                out = rx(cmd)
                time.sleep(1.0)
                after = os.path.getsize(full)
                steps.append({'step': i + 1, 'command': cmd, 'cli_output': out,
                              'log_from': before, 'log_to': after,
                              'alive': proc.poll() is None})
                if proc.poll() is not None:
                    break
            json.dump(steps, open(f'{raw}/runtime_raw.json', 'w'), indent=1)
            if proc.poll() is None:
                open(f'{raw}/module_show_after_runtime.txt', 'w').write(rx('module show'))
        if proc.poll() is None:
            rx('core stop now')
    try:
        proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        meta['killed'] = True
    meta['exit_code'] = proc.returncode
    json.dump(meta, open(f'{raw}/meta.json', 'w'), indent=1)
    shutil.copy(full, f'{raw}/full.log')
    print(name, meta)


if __name__ == '__main__':
    main()
