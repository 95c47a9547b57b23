# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Fleet scale benchmark: a thousand simulated routers in one process, as `python -m simulator fleet` runs them.

Starts the fleet in a child process and measures, from outside:

* startup: from starting the process to its `ready` line;
* idle CPU of the fleet over a while, before anyone connected (no modem made yet) and after the sweep
  (every router has made its modem);
* the sweep: one API login and one `/interface/lte/at-chat` (`AT+CGMM`, without wait) on every router,
  with librouteros and N concurrent workers: wall time, median and 95th percentile per router, failures;
* resident memory and threads of the fleet after the sweep.

With `--tick off` the child disables the modem emulator's periodic tick first, where the modem has one
(`simulator.modem.scheduler.TICK_SECONDS`: a modem that wakes 20 times a second), to show what the
router side costs alone; `--tick on` runs the modem as it is. `--tick both` runs the measurement twice.

    .venv/bin/python benchmarks/fleet_scale.py --routers 1000 --workers 20 --idle 30 --tick both
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import librouteros  # noqa: E402  pylint: disable=wrong-import-position

PASSWORD = 'bench-pass'
TICKS = os.sysconf('SC_CLK_TCK')


def serve(arguments, tick):
    """Child process: run the fleet CLI, with the modem tick disabled when asked."""
    if not tick:
        from simulator.modem import scheduler  # pylint: disable=import-outside-toplevel
        if not hasattr(scheduler, 'TICK_SECONDS'):
            print('the modem scheduler has no periodic tick: nothing to disable', file=sys.stderr)
        scheduler.TICK_SECONDS = 3600.0
    from simulator.fleet import main  # pylint: disable=import-outside-toplevel
    return main(['fleet'] + arguments)


def cpu_seconds(pid):
    """User + system CPU time of a process so far (Linux /proc)."""
    with open('/proc/%d/stat' % pid, encoding='ascii') as handle:
        fields = handle.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def status(pid, key):
    """A field of /proc/PID/status as an integer (VmRSS in kB, Threads)."""
    with open('/proc/%d/status' % pid, encoding='ascii') as handle:
        for line in handle:
            if line.startswith(key + ':'):
                return int(line.split()[1])
    return 0


def idle_cpu_percent(pid, seconds):
    """CPU % of the process over the next seconds (100 = one core)."""
    before, started = cpu_seconds(pid), time.monotonic()
    time.sleep(seconds)
    return 100 * (cpu_seconds(pid) - before) / (time.monotonic() - started)


def ask(host):
    """Log in and run one at-chat; (seconds, error or None)."""
    started = time.monotonic()
    try:
        api = librouteros.connect(host['address'], 'admin', PASSWORD, port=host['api_port'], timeout=60)
        try:
            output = tuple(api('/interface/lte/at-chat', number='lte1', input='AT+CGMM'))[0]['output']
        finally:
            api.close()
        error = None if output.endswith('OK') else 'unexpected output %r' % output
    except (OSError, librouteros.exceptions.LibRouterosError) as failure:
        error = repr(failure)
    return time.monotonic() - started, error


def start_fleet(args, tick, workdir):
    """Start the child; return (process, seconds to ready, manifest)."""
    password_file = Path(workdir) / 'password'
    password_file.write_text(PASSWORD + '\n')
    command = [sys.executable, __file__, '--serve', 'on' if tick else 'off', '--routers', str(args.routers), '--base-address', args.base_address,
               '--api-port', str(args.api_port), '--password-file', str(password_file), '--inventory', str(Path(workdir) / 'inventory.yml'),
               '--workdir', str(workdir), '--seed', '1']
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # pylint: disable=consider-using-with
    manifest_path = None
    for line in process.stdout:
        if line.startswith('ready'):
            startup = time.monotonic() - started
        if line.startswith('manifest:'):
            manifest_path = line.split(':', 1)[1].strip()
            break
    if manifest_path is None:
        raise SystemExit('the fleet did not start (exit code %s)' % process.wait())
    with open(manifest_path, encoding='utf-8') as handle:
        return process, startup, json.load(handle)


def measure(args, tick):
    """One run: start, idle, sweep, idle; returns the figures."""
    with tempfile.TemporaryDirectory(prefix='lte-modem-scale-') as workdir:
        process, startup, manifest = start_fleet(args, tick, workdir)
        try:
            figures = {'startup': startup, 'idle_fresh': idle_cpu_percent(process.pid, args.idle)}
            hosts = list(manifest['hosts'].values())
            started = time.monotonic()
            with ThreadPoolExecutor(args.workers) as pool:
                results = list(pool.map(ask, hosts))
            figures['sweep'] = time.monotonic() - started
            durations = sorted(seconds for seconds, error in results)
            figures['median'] = statistics.median(durations)
            figures['p95'] = durations[int(0.95 * (len(durations) - 1))]
            figures['failures'] = [error for seconds, error in results if error]
            figures['rss_mb'] = status(process.pid, 'VmRSS') / 1024
            figures['threads'] = status(process.pid, 'Threads')
            figures['idle_after'] = idle_cpu_percent(process.pid, args.idle)
        finally:
            process.terminate()
            process.wait(timeout=120)
    return figures


def report(args, tick, figures):
    """Print one run's figures."""
    modem = 'modem as it is' if tick else 'modem tick disabled'
    print('%d routers, %d workers, %s, %s' % (args.routers, args.workers, modem, time.strftime('%Y-%m-%d')))
    print('  startup (process start to ready)   %8.2f s' % figures['startup'])
    print('  idle CPU, no modem made yet        %8.1f %% of one core (over %g s)' % (figures['idle_fresh'], args.idle))
    print('  at-chat on every router            %8.2f s (%.0f routers/s), median %.3f s, p95 %.3f s, failures %d'
          % (figures['sweep'], args.routers / figures['sweep'], figures['median'], figures['p95'], len(figures['failures'])))
    print('  idle CPU, every modem made         %8.1f %% of one core (over %g s)' % (figures['idle_after'], args.idle))
    print('  memory and threads after the sweep %8.1f MB RSS, %d threads' % (figures['rss_mb'], figures['threads']))
    for error in figures['failures'][:5]:
        print('    failure: %s' % error)


def main():
    if len(sys.argv) > 2 and sys.argv[1] == '--serve':
        return serve(sys.argv[3:], sys.argv[2] == 'on')
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n', maxsplit=1)[0])
    parser.add_argument('--routers', type=int, default=1000)
    parser.add_argument('--workers', type=int, default=20, help='concurrent API clients (default %(default)s)')
    parser.add_argument('--idle', type=float, default=30.0, help='seconds over which idle CPU is measured (default %(default)s)')
    parser.add_argument('--tick', choices=('on', 'off', 'both'), default='both',
                        help="off: disable the modem emulator's periodic tick, on: the modem as it is (default %(default)s)")
    parser.add_argument('--base-address', default='127.1.0.1', help='address of the first router (default %(default)s)')
    parser.add_argument('--api-port', type=int, default=8728)
    args = parser.parse_args()
    for tick in {'on': (True,), 'off': (False,), 'both': (False, True)}[args.tick]:
        report(args, tick, measure(args, tick))
    return 0


if __name__ == '__main__':
    sys.exit(main())
