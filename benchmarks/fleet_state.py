# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Fleet state benchmark: the whole desired state of every modem (huawei_modem) against Ansible's floor and community.routeros.

Starts N simulated routers (each with a simulated ME909u-521 behind at-chat, with a realistic
latency), converges them to a desired state given as inventory variables (radio, syscfg with
roaming, the APN of context 1, the data connection), then runs, side by side in one run, on the
same inventory with the same forks:

* the floors: ``ansible.builtin.ping`` (a module process per host, ``connection: local``) and
  ``ansible.builtin.debug`` (an action without a module process, as huawei_modem is over RouterOS);
* ``ansible-playbook lte.modem.provision`` (the huawei_modem role) and the bare
  ``lte.modem.huawei_modem`` task, when nothing differs;
* a change run: roaming and the APN differ on every router (two facets changed);
* what users do today: the same roaming + APN read-compare-write with ``community.routeros.api``
  and ``/interface/lte/at-chat`` (two reads, a comparison, a write for each setting that differs),
  against huawei_modem doing the same roaming + APN.

It prints wall time, CPU time (user + system of the ansible-playbook process tree), their ratios to
``debug`` and ``ping``, the at-chat calls per router counted by the simulated routers, and the hosts
reported changed. ``--rounds`` repeats the sequence and prints medians. ``--scale-routers 1000``
adds a no-change run over a fleet of that size (wall time, peak memory of the controller);
``--profile`` adds where the CPU above ``debug`` goes (cProfile, CPU time, of the controller
process and of every worker); ``--versus PATH`` compares the no-change runs with the collection
found in another collections path (another commit), alternating.

community.routeros is not a dependency of the collection: the benchmark takes it from the
``ansible`` package on PyPI (``pip download``, only ``ansible_collections/community/routeros``
is unpacked) into ``.build/bench/`` of the checkout, or from ``--community-routeros PATH``.

    .venv/bin/python benchmarks/fleet_state.py --routers 100 --forks 10 --rounds 3 --scale-routers 1000 --profile
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fleet_info import PLAYBOOK, children_cpu  # noqa: E402  pylint: disable=wrong-import-position
from simulator.fleet import Fleet  # noqa: E402  pylint: disable=wrong-import-position

COLLECTIONS = REPO / '.build' / 'collections'
BENCH_DIR = REPO / '.build' / 'bench'
COMMUNITY_ROUTEROS_PACKAGE = 'ansible==12.3.0'  # holds community.routeros 3.14.0
SETUP_FORKS = 50  # converging dials every modem (seconds of at-chat wait each): set-up, not measured
AT_CHAT_WAIT = 3.0
MIB = 1024 * 1024

# The desired state, as inventory variables (group_vars of the fleet's group). The change runs
# flip roaming and the APN of context 1: two facets differ on every router.
CONVERGED = dict(roaming=True, apn='internet')
CHANGED = dict(roaming=False, apn='internet.b')
GROUP_VARS = """---
huawei_modem_radio: {{rf: true, functionality: full}}
huawei_modem_syscfg: {{roaming: {roaming}}}
huawei_modem_apns: [{{cid: 1, apn: {apn}, pdp_type: ipv4v6}}]
huawei_modem_connection: {{state: connected}}
"""

PING = 'ansible.builtin.ping:'
DEBUG = 'ansible.builtin.debug: {msg: "{{ inventory_hostname }}"}'
WHOLE_STATE = ('lte.modem.huawei_modem: {radio: "{{ huawei_modem_radio }}", syscfg: "{{ huawei_modem_syscfg }}", '
               'apns: "{{ huawei_modem_apns }}", connection: "{{ huawei_modem_connection }}"}')
ROAMING_AND_APN = 'lte.modem.huawei_modem: {syscfg: "{{ huawei_modem_syscfg }}", apns: "{{ huawei_modem_apns }}"}'
PROVISION = 'lte.modem.provision'

# What a user writes today with community.routeros: read, compare in Jinja, write what differs.
# Reads go without wait (the first chunk is the whole answer), writes with wait=yes.
COMMUNITY_ROUTEROS = r"""---
- name: Roaming and APN with community.routeros and at-chat
  hosts: routers
  gather_facts: false
  module_defaults:
    group/community.routeros.api:
      hostname: "{{ ansible_host }}"
      username: "{{ routeros_username }}"
      password: "{{ routeros_password }}"
      port: "{{ routeros_api_port }}"
  vars:
    roam_wanted: "{{ '1' if huawei_modem_syscfg.roaming else '0' }}"
    apn_wanted: "{{ huawei_modem_apns[0].apn }}"
  tasks:
    - name: Read the system configuration
      community.routeros.api:
        path: interface lte
        cmd: at-chat .id=lte1 input="AT^SYSCFGEX\?"
      register: syscfg_read
    - name: Read the PDP contexts
      community.routeros.api:
        path: interface lte
        cmd: at-chat .id=lte1 input="AT+CGDCONT\?"
      register: cgdcont_read
    - name: Compare with the desired state
      ansible.builtin.set_fact:
        syscfg_fields: "{{ syscfg_read.msg[0].output | regex_search('\\^SYSCFGEX: ?(\\S+)', '\\1') | first | split(',') }}"
        context_1: "{{ cgdcont_read.msg[0].output | regex_search('\\+CGDCONT: ?1,\"([^\"]*)\",\"([^\"]*)\"', '\\1', '\\2') }}"
    - name: Write the roam field, keeping the others
      community.routeros.api:
        path: interface lte
        cmd: >-
          at-chat .id=lte1 wait=yes
          input={{ ('AT^SYSCFGEX=' ~ (syscfg_fields[:2] + [roam_wanted] + syscfg_fields[3:]) | join(',') ~ ',,')
                   | community.routeros.quote_argument_value }}
      register: syscfg_write
      when: syscfg_fields[2] != roam_wanted
      changed_when: true
      failed_when: syscfg_write.msg[0].output is not search('OK$')
    - name: Write the APN of context 1
      community.routeros.api:
        path: interface lte
        cmd: >-
          at-chat .id=lte1 wait=yes
          input={{ ('AT+CGDCONT=1,"IPV4V6","' ~ apn_wanted ~ '"') | community.routeros.quote_argument_value }}
      register: cgdcont_write
      when: context_1 != ['IPV4V6', apn_wanted]
      changed_when: true
      failed_when: cgdcont_write.msg[0].output is not search('OK$')
"""


@dataclass
class Run:
    """One ansible-playbook run and what it cost."""

    name: str
    wall: float
    cpu: float
    calls: float
    changed: int
    hosts: int
    peak_rss: float = 0.0
    peak_pss: float = 0.0


@dataclass
class Bench:
    """A started fleet with its inventory, and how to run playbooks against it."""

    fleet: Fleet
    workdir: Path
    forks: int
    community: Path | None = None
    inventory: str = field(init=False)

    def __post_init__(self):
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.inventory = self.fleet.write_inventory(str(self.workdir / 'inventory.yml'))

    def desire(self, state):
        """Write the desired state as the group variables of the fleet."""
        group_vars = self.workdir / 'group_vars'
        group_vars.mkdir(exist_ok=True)
        (group_vars / 'routers.yml').write_text(GROUP_VARS.format(roaming=str(state['roaming']).lower(), apn=state['apn']))

    def run(self, name, playbook, forks=None, memory=False, collections=COLLECTIONS, profile_dir=None):
        """Run a playbook (a collection playbook's name or a playbook's text) on the fleet; return its Run."""
        argv = [sys.executable, __file__, '--profiled-playbook', str(profile_dir)] if profile_dir else [str(Path(sys.executable).parent / 'ansible-playbook')]
        argv += ['-i', self.inventory, '-f', str(forks or self.forks), self.playbook_path(name, playbook)]
        before, sampler = at_chat_calls(self.fleet), TreeMemory() if memory else None
        cpu, start = children_cpu(), time.monotonic()
        with subprocess.Popen(argv, env=self.environment(collections), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
            if sampler:
                sampler.watch(proc.pid)
            stdout, stderr = proc.communicate()
        wall, cpu = time.monotonic() - start, children_cpu() - cpu
        if sampler:
            sampler.stop()
        if proc.returncode != 0:
            raise SystemExit('%s failed (exit code %d):\n%s\n%s' % (name, proc.returncode, stdout[-3000:], stderr[-3000:]))
        calls = sum(after - count for after, count in zip(at_chat_calls(self.fleet), before)) / len(self.fleet.routers)
        return Run(name, wall, cpu, calls, changed_hosts(stdout), len(self.fleet.routers),
                   peak_rss=sampler.peak_rss if sampler else 0.0, peak_pss=sampler.peak_pss if sampler else 0.0)

    def playbook_path(self, name, playbook):
        if playbook == PROVISION:
            return playbook
        path = self.workdir / ('%s.yml' % re.sub(r'\W+', '-', name).strip('-'))
        path.write_text(playbook if playbook.startswith('---') else PLAYBOOK.format(task=playbook))
        return str(path)

    def environment(self, collections):
        paths = [str(collections)] + ([str(self.community)] if self.community else [])
        return dict(os.environ, ANSIBLE_COLLECTIONS_PATH=os.pathsep.join(paths), ANSIBLE_HOME=str(self.workdir / 'home'),
                    ANSIBLE_LOCALHOST_WARNING='False', ANSIBLE_DEPRECATION_WARNINGS='False')


def new_fleet(count, latency, base_address='127.0.0.2'):
    return Fleet(count, base_address=base_address, api_port=0, api_tls_port=0, ssh_port=0, at_chat_latency=latency, at_chat_wait=AT_CHAT_WAIT)


def at_chat_calls(fleet):
    """At-chat calls each router has answered so far (the routers' API log)."""
    return [sum(1 for entry in router.router.log if entry.startswith('/interface/lte/at-chat')) for router in fleet.routers]


def changed_hosts(stdout):
    """Hosts with changed > 0 in the PLAY RECAP."""
    return sum(1 for count in re.findall(r'^\S+\s+: ok=\d+\s+changed=(\d+)', stdout, re.MULTILINE) if int(count))


class TreeMemory:
    """Samples the memory of a process and its descendants: the largest peak RSS of one process, the total PSS of the tree."""

    def __init__(self, interval=0.2):
        self.interval = interval
        self.peak_rss = self.peak_pss = 0.0
        self._stop = threading.Event()
        self._thread = None

    def watch(self, pid):
        self._thread = threading.Thread(target=self._sample, args=(pid,), daemon=True)
        self._thread.start()

    def stop(self):
        self._stop.set()
        self._thread.join()

    def _sample(self, pid):
        while not self._stop.wait(self.interval):
            pids = process_tree(pid)
            self.peak_rss = max([self.peak_rss] + [proc_kib(one, 'status', 'VmHWM') * 1024 / MIB for one in pids])
            self.peak_pss = max(self.peak_pss, sum(proc_kib(one, 'smaps_rollup', 'Pss') for one in pids) * 1024 / MIB)


def process_tree(pid):
    """A process and its descendants (Linux /proc)."""
    pids, index = [pid], 0
    while index < len(pids):
        try:
            with open('/proc/%d/task/%d/children' % (pids[index], pids[index]), encoding='ascii') as handle:
                pids.extend(int(child) for child in handle.read().split())
        except OSError:
            pass
        index += 1
    return pids


def proc_kib(pid, name, key):
    """A kB field of /proc/PID/status or /proc/PID/smaps_rollup; 0 once the process is gone."""
    try:
        with open('/proc/%d/%s' % (pid, name), encoding='ascii') as handle:
            for line in handle:
                if line.startswith(key + ':'):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


# --- community.routeros, in the benchmark's own directory -------------------------------------------------------

def community_routeros(path):
    """A collections path holding community.routeros: ``path`` if given, else unpacked from the ansible package into .build/bench (None offline)."""
    if path:
        return Path(path).resolve()
    target = BENCH_DIR / COMMUNITY_ROUTEROS_PACKAGE.replace('==', '-')
    if (target / 'ansible_collections' / 'community' / 'routeros' / 'MANIFEST.json').is_file():
        return target
    with tempfile.TemporaryDirectory(prefix='lte-modem-bench-pip-') as download:
        pip = subprocess.run([sys.executable, '-m', 'pip', 'download', '--disable-pip-version-check', '-q', '--no-deps', '--dest', download,
                              COMMUNITY_ROUTEROS_PACKAGE], check=False)
        if pip.returncode != 0:
            print('pip could not download %s: the community.routeros comparison is left out' % COMMUNITY_ROUTEROS_PACKAGE, file=sys.stderr)
            return None
        with zipfile.ZipFile(next(Path(download).glob('*.whl'))) as package:
            members = [name for name in package.namelist() if name.startswith('ansible_collections/community/routeros/')]
            package.extractall(target, members)
    return target


# --- the runs --------------------------------------------------------------------------------------------------

def one_round(bench):
    """The side-by-side runs, keyed; each starts from the state the one before left (converged to CONVERGED first)."""
    bench.desire(CONVERGED)
    bench.run('converge (set-up)', PROVISION, forks=max(bench.forks, SETUP_FORKS))
    runs = {
        'ping': bench.run('ansible.builtin.ping (connection: local)', PING),
        'debug': bench.run('ansible.builtin.debug', DEBUG),
        'provision': bench.run('ansible-playbook lte.modem.provision, no change', PROVISION),
        'task': bench.run('huawei_modem task (whole state), no change', WHOLE_STATE),
    }
    bench.desire(CHANGED)
    runs['task_change'] = bench.run('huawei_modem task, roaming + APN changed', WHOLE_STATE)
    if bench.community:
        runs['community'] = bench.run('community.routeros, no change', COMMUNITY_ROUTEROS)
        bench.desire(CONVERGED)
        runs['community_change'] = bench.run('community.routeros, roaming + APN changed', COMMUNITY_ROUTEROS)
        bench.desire(CHANGED)
        runs['pair_change'] = bench.run('huawei_modem roaming + APN, changed', ROAMING_AND_APN)
        runs['pair'] = bench.run('huawei_modem roaming + APN, no change', ROAMING_AND_APN)
    return runs


def medians(rounds):
    """One Run per key: the median of every figure over the rounds."""
    figures = ('wall', 'cpu', 'calls', 'changed')
    return {key: replace(rounds[0][key], **{figure: statistics.median(getattr(one[key], figure) for one in rounds) for figure in figures})
            for key in rounds[0]}


def at_scale(count, args, workdir):
    """A converged fleet of ``count`` routers: debug, the no-change task and provision run, with the controller's memory."""
    with new_fleet(count, args.latency, base_address='127.1.0.1') as fleet:
        bench = Bench(fleet, Path(workdir) / 'scale', args.forks)
        bench.desire(CONVERGED)
        converge = bench.run('converge (set-up, %d forks)' % max(args.forks, SETUP_FORKS), PROVISION, forks=max(args.forks, SETUP_FORKS))
        return [converge, bench.run('ansible.builtin.debug', DEBUG, memory=True),
                bench.run('huawei_modem task (whole state), no change', WHOLE_STATE, memory=True),
                bench.run('ansible-playbook lte.modem.provision, no change', PROVISION, memory=True)]


def versus(bench, other, rounds):
    """The no-change runs with this checkout's collection and with the one in ``other``, alternating; median CPU of each."""
    bench.desire(CHANGED)
    cpu = {}
    for dummy in range(rounds):
        for label, collections in (('this checkout', COLLECTIONS), ('other', other)):
            for name, playbook in (('huawei_modem task', WHOLE_STATE), ('provision playbook', PROVISION)):
                cpu.setdefault((name, label), []).append(bench.run(name, playbook, collections=collections).cpu)
    return {key: statistics.median(values) for key, values in cpu.items()}


# --- the profile -----------------------------------------------------------------------------------------------

# Where the CPU goes: the cumulative CPU time of functions (file name ending, function name), and for the
# parts of the action plugin, of a function as called from another.
WORKER = ('executor/process/worker.py', '_run')
ACTION = ('action/huawei_modem.py', 'run')
ACTION_ON_CONTROLLER = ('action/huawei_modem.py', '_run_on_controller')
EXECUTE = ('_tasks/runner.py', 'execute')
WORKER_PARTS = (
    ('the task: arguments templated (post_validate)', ('playbook/task.py', 'post_validate')),
    ('the task: conditional (when) evaluated', ('playbook/task.py', '_resolve_conditional')),
    ('the role: validate_argument_spec action', ('action/validate_argument_spec.py', 'run')),
    ('huawei_modem action plugin', ACTION),
)
ACTION_PARTS = (
    ('options validated (ArgumentSpecValidator.validate)', ('module_utils/common/arg_spec.py', 'validate'), ACTION_ON_CONTROLLER),
    ('librouteros imported', ('_transports/routeros_api.py', 'import_librouteros'), None),
    ('API login (librouteros.connect)', ('_transports/routeros_api.py', '_connect'), None),
    ('the AT conversation (engine, client, at-chat)', ('_tasks/huawei_modem.py', 'run'), EXECUTE),
)
PROFILED = (('debug', DEBUG), ('huawei_modem task', WHOLE_STATE), ('provision playbook', PROVISION))


def profiled_playbook(outdir, argv):
    """Child process: ansible-playbook with cProfile (CPU time) in the controller process and in every worker."""
    import cProfile  # pylint: disable=import-outside-toplevel
    from ansible.executor.process import worker  # pylint: disable=import-outside-toplevel
    from ansible.cli.playbook import main as playbook_main  # pylint: disable=import-outside-toplevel

    worker_run = worker.WorkerProcess._run  # pylint: disable=protected-access

    def profiled_run(self):
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        try:
            return worker_run(self)
        finally:
            profile.disable()
            profile.dump_stats(os.path.join(outdir, 'worker-%d.prof' % os.getpid()))

    worker.WorkerProcess._run = profiled_run  # pylint: disable=protected-access
    sys.argv = ['ansible-playbook'] + argv
    profile = cProfile.Profile(time.process_time)
    profile.enable()
    try:
        playbook_main()
    except SystemExit as exc:
        return exc.code
    finally:
        profile.disable()
        profile.dump_stats(os.path.join(outdir, 'controller.prof'))
        # A worker writes its profile after it sent its result: wait for the last ones.
        for child in multiprocessing.active_children():
            child.join(60)
    return 0


def matches(key, where):
    """Whether a pstats function key (path, line, name) is the function ``where`` (file name ending, name)."""
    return key[2] == where[1] and key[0].endswith(where[0])


def cumulative(stats, where, caller=None):
    """CPU seconds spent in and below the functions ``where`` (only as called from ``caller``, if given)."""
    total = 0.0
    for key, (dummy, dummy, dummy, inclusive, callers) in stats.stats.items():
        if matches(key, where):
            total += inclusive if caller is None else sum(entry[3] for parent, entry in callers.items() if matches(parent, caller))
    return total


def profile_breakdown(bench, hosts):
    """Per host, in ms, for debug, the huawei_modem task and the provision playbook: the controller process, the workers and their parts."""
    bench.desire(CHANGED)
    columns = {}
    for name, playbook in PROFILED:
        with tempfile.TemporaryDirectory(prefix='lte-modem-profile-') as outdir:
            bench.run(name + ' (profiled)', playbook, profile_dir=outdir)
            controller = pstats.Stats(str(Path(outdir) / 'controller.prof'))
            workers = pstats.Stats(*[str(path) for path in Path(outdir).glob('worker-*.prof')])
        parts = {label: cumulative(workers, where) for label, where in WORKER_PARTS}
        rows = {'controller process (strategy, results, callbacks)': controller.total_tt,
                '  librouteros imported there (once per run)': cumulative(controller, ('librouteros/__init__.py', '<module>')),
                'workers (one per host and task)': cumulative(workers, WORKER)}
        rows.update(('  ' + label, seconds) for label, seconds in parts.items())
        rows.update(('    ' + label, cumulative(workers, where, caller)) for label, where, caller in ACTION_PARTS)
        rows['  the rest (task executor, fork, result)'] = rows['workers (one per host and task)'] - sum(parts.values())
        columns[name] = {label: seconds * 1000 / hosts for label, seconds in rows.items()}
    return columns


# --- report ----------------------------------------------------------------------------------------------------

def print_runs(args, runs):
    debug, ping = runs['debug'], runs['ping']
    print('%d routers, at-chat latency %.2fs (wait=yes %gs), forks %d, median of %d round(s), %s'
          % (args.routers, args.latency, AT_CHAT_WAIT, args.forks, args.rounds, time.strftime('%Y-%m-%d')))
    print('%-48s %8s %8s %9s %8s %9s %13s %8s' % ('run', 'wall s', 'CPU s', 'wall/dbg', 'CPU/dbg', 'CPU/ping', 'at-chat/host', 'changed'))
    for run in runs.values():
        ratios = (run.wall / debug.wall, run.cpu / debug.cpu, run.cpu / ping.cpu)
        print('%-48s %8.2f %8.2f %9.2f %8.2f %9.2f %13.2f %8d' % ((run.name, run.wall, run.cpu) + ratios + (run.calls, run.changed)))
    if 'community' in runs:
        print()
        print('community.routeros / huawei_modem, the same roaming + APN     wall x    CPU x   at-chat/host')
        for community_key, our_key in (('community', 'pair'), ('community_change', 'pair_change')):
            theirs, ours = runs[community_key], runs[our_key]
            print('  %-58s %6.2f %8.2f   %.2f vs %.2f' % (theirs.name, theirs.wall / ours.wall, theirs.cpu / ours.cpu, theirs.calls, ours.calls))
    task, provision = runs['task'], runs['provision']
    print()
    print('target: the whole state costs <= 1.2 x the CPU of one debug task: %.2f x (the task), %.2f x (the provision playbook): %s'
          % (task.cpu / debug.cpu, provision.cpu / debug.cpu, verdict(task.cpu <= 1.2 * debug.cpu)))
    print('target: at-chat calls per host, no change 1 (2 at most): %.2f; change <= 1 + 2 facets changed: %.2f: %s'
          % (task.calls, runs['task_change'].calls, verdict(task.calls <= 2 and runs['task_change'].calls <= 3)))


def print_scale(scale):
    converge, debug, task, state = scale
    print()
    print('%-48s %8s %8s %9s %13s %22s %19s' % ('%d routers, forks as above' % state.hosts, 'wall s', 'CPU s', 'CPU/dbg', 'at-chat/host',
                                                'peak RSS MiB, largest', 'peak PSS MiB, tree'))
    print('%-48s %8.1f %8.1f' % (converge.name, converge.wall, converge.cpu))
    for run in (debug, task, state):
        print('%-48s %8.1f %8.1f %9.2f %13.2f %22.0f %19.0f' % (run.name, run.wall, run.cpu, run.cpu / debug.cpu, run.calls, run.peak_rss, run.peak_pss))
    print('target: under 5 minutes and under 2 GiB: %.1f min, %.0f MiB: %s'
          % (state.wall / 60, state.peak_pss, verdict(state.wall < 300 and state.peak_pss < 2048)))


def print_versus(other, cpu):
    print()
    print('no-change CPU s (median), this checkout vs %s' % other)
    for name in ('huawei_modem task', 'provision playbook'):
        ours, theirs = cpu[(name, 'this checkout')], cpu[(name, 'other')]
        print('  %-20s %8.2f vs %8.2f  (%+.0f %%)' % (name, ours, theirs, 100 * (ours - theirs) / theirs))


def print_profile(columns):
    names = list(columns)
    print()
    print('CPU ms per host (cProfile, CPU time; profiled runs are slower)   ' + ''.join('%20s' % name for name in names))
    for label in columns[names[0]]:
        print('  %-62s' % label + ''.join('%20.1f' % columns[name][label] for name in names))


def verdict(met):
    return 'met' if met else 'NOT met'


def main():
    if len(sys.argv) > 2 and sys.argv[1] == '--profiled-playbook':
        return profiled_playbook(sys.argv[2], sys.argv[3:])
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n', maxsplit=1)[0])
    parser.add_argument('--routers', type=int, default=100)
    parser.add_argument('--latency', type=float, default=0.2, help='seconds each at-chat call takes on the simulated router')
    parser.add_argument('--forks', type=int, default=10)
    parser.add_argument('--rounds', type=int, default=1, help='repeat the side-by-side runs, print medians (default %(default)s)')
    parser.add_argument('--scale-routers', type=int, default=0, metavar='N', help='also a no-change run over N routers, e.g. 1000 (default: none)')
    parser.add_argument('--profile', action='store_true', help='also profile debug, the huawei_modem task and the provision playbook')
    parser.add_argument('--versus', metavar='PATH', type=Path, help='a collections path with another lte.modem to compare the no-change CPU with')
    parser.add_argument('--community-routeros', metavar='PATH', help='a collections path with community.routeros (default: unpacked into .build/bench)')
    parser.add_argument('--no-community-routeros', action='store_true', help='leave out the community.routeros comparison')
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # each table as soon as it is measured
    community = None if args.no_community_routeros else community_routeros(args.community_routeros)
    with tempfile.TemporaryDirectory(prefix='lte-modem-bench-') as workdir:
        with new_fleet(args.routers, args.latency) as fleet:
            bench = Bench(fleet, Path(workdir) / 'fleet', args.forks, community)
            print_runs(args, medians([one_round(bench) for dummy in range(args.rounds)]))
            if args.versus:
                print_versus(args.versus, versus(bench, args.versus.resolve(), args.rounds))
            if args.profile:
                print_profile(profile_breakdown(bench, args.routers))
        if args.scale_routers:
            print_scale(at_scale(args.scale_routers, args, workdir))
    return 0


if __name__ == '__main__':
    sys.exit(main())
