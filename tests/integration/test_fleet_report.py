# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The fleet report: ``ansible-playbook lte.modem.report`` against simulated routers, then its page in Chromium.

The fleet: router01 roams on a foreign SIM (and its operator's name holds ``<``, ``&`` and
non-ASCII), router02 matches its desired state, router03 is disconnected, router04 drifted from
its desired ``huawei_modem_syscfg``, router05 is an address nothing listens on, router06 has a
wrong password.
"""

from __future__ import annotations

import csv
import io
import shutil
import socket
import struct
import subprocess
import threading
import zlib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import BIN, writes
from simulator.fleet import Fleet

OPERATOR = 'Télé<b>&amp;Co'
WRONG_PASSWORD = 'not-the-password-7c1f'
TOTALS = {'hosts': 6, 'reachable': 5, 'registered': 4, 'roaming': 1, 'connected': 3, 'drifted': 1, 'failed': 1, 'unreachable': 1}
FLAGS = {
    'router01': ['roaming'],
    'router02': [],
    'router03': ['disconnected'],
    'router04': ['drifted'],
    'router05': ['unreachable'],
    'router06': ['failed'],
}


def dial(modem, cid=1):
    """Bring the modem's data connection up, as AT^NDISDUP=1,1 would."""
    with modem.lock:
        modem.data_calls.dial(cid, '')
    modem.data_calls.complete(cid)
    assert modem.state.ndis[cid].status == 'up'


@pytest.fixture(scope='module')
def closed_port():
    """A TCP port on 127.0.0.1 that is bound but not listening: connecting to it is refused."""
    sock = socket.socket()
    sock.bind(('127.0.0.1', 0))
    yield sock.getsockname()[1]
    sock.close()


@pytest.fixture(scope='module')
def fleet(tmp_path_factory, closed_port):
    workdir = tmp_path_factory.mktemp('report-fleet')
    fleet = Fleet(4, base_address='127.0.0.60', api_port=0, api_tls_port=0, ssh_port=0, at_chat_wait=0.2, workdir=str(workdir))
    fleet.start()
    roaming, in_sync, disconnected, drifted = (entry.modem for entry in fleet.routers)
    roaming.knobs.home_network = False
    roaming.state.syscfgex.roam = 1
    fleet.routers[0].router.non_ascii_output = OPERATOR
    for modem in (roaming, in_sync, drifted):
        dial(modem)

    inventory = yaml.safe_load(fleet.inventory_text())
    hosts = inventory['all']['children']['routers']['hosts']
    hosts['router02'].update(huawei_modem_syscfg={'roaming': False}, huawei_modem_connection={'state': 'connected'},
                             huawei_modem_apns=[{'cid': 1, 'pdp_type': 'ip'}])
    hosts['router04'].update(huawei_modem_syscfg={'lte_bands': ['B3', 'B20'], 'roaming': False})
    hosts['router05'] = {'ansible_host': '127.0.0.1', 'routeros_api_port': closed_port}
    hosts['router06'] = dict(hosts['router03'], routeros_password=WRONG_PASSWORD)
    path = workdir / 'inventory.yml'
    path.write_text(yaml.safe_dump(inventory, sort_keys=False), encoding='utf-8')
    fleet.inventory_path = path
    yield fleet
    fleet.stop()


def run_report(ansible_env, inventory, cwd, *extra):
    """``ansible-playbook lte.modem.report -i inventory`` from ``cwd``, as a user runs it."""
    proc = subprocess.run([str(BIN / 'ansible-playbook'), 'lte.modem.report', '-i', str(inventory), '-v', *extra],
                          cwd=str(cwd), env=ansible_env, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    return proc


@pytest.fixture(scope='module')
def report(fleet, ansible_env, tmp_path_factory):
    """The report of the whole fleet, written to fleet-report/ in the directory the playbook runs from."""
    cwd = tmp_path_factory.mktemp('report-run')
    proc = run_report(ansible_env, fleet.inventory_path, cwd, '-e', '{"fleet_report_formats": ["html", "markdown", "csv"]}')
    return cwd / 'fleet-report', proc


def markdown_table(text, heading):
    """The first table after ``heading`` as lists of cells (escapes kept), header and delimiter rows included."""
    table = []
    for line in text.split(heading, 1)[1].splitlines():
        if line.startswith('|'):
            table.append([cell.strip() for cell in line.strip().strip('|').split(' | ')])
        elif table:
            break
    return table


def test_report_files_list_every_host_with_its_state(report, fleet):
    directory, proc = report
    assert sorted(path.name for path in directory.iterdir()) == ['index.html', 'report.csv', 'report.md']
    markdown = (directory / 'report.md').read_text(encoding='utf-8')

    totals = markdown_table(markdown, '# ')
    labels, counts = totals[0], [count.strip('*') for count in totals[2]]
    assert dict(zip(labels, map(int, counts))) == TOTALS
    assert '| **1** |' in markdown.split('## Hosts')[0]  # non-zero alarms stand out

    rows = {row[0]: row for row in markdown_table(markdown, '## Hosts')[2:]}
    assert sorted(rows) == sorted(FLAGS)
    for host, flags in FLAGS.items():
        assert rows[host][1] == (' '.join('**%s**' % flag.upper() for flag in flags) or 'ok'), rows[host]
    header = markdown_table(markdown, '## Hosts')[0]
    assert header == ['Host', 'Status', 'Model', 'Firmware', 'Operator', 'Registration', 'Signal', 'Mode and bands', 'APN',
                      'Port mode', 'Connection', 'Drift']
    roaming = dict(zip(header, rows['router01']))
    assert roaming['Operator'] == 'Télé\\<b\\>\\&amp;Co'  # Markdown-escaped: shows as the modem said it
    assert roaming['Registration'] == 'roaming'
    assert roaming['Model'] == 'ME909u-521' and roaming['Firmware'] == '12.636.12.01.00'
    assert roaming['Signal'].startswith('LTE RSRP -') and 'SINR' in roaming['Signal']
    assert 'roaming allowed' in roaming['Mode and bands']
    assert roaming['Connection'].startswith('connected 10.') and roaming['Drift'] == 'not managed'
    assert dict(zip(header, rows['router02']))['Drift'] == 'in sync'
    assert dict(zip(header, rows['router03']))['Connection'] == 'disconnected'
    assert dict(zip(header, rows['router04']))['Drift'] == 'syscfg: lte\\_bands all → B3,B20'
    assert dict(zip(header, rows['router04']))['Port mode'] == 'FF;10,12,13,14,16'

    problems = markdown.split('## Failed and unreachable hosts')[1].split('##')[0]
    assert '- **router05** UNREACHABLE: Cannot connect to the RouterOS API at 127.0.0.1:' in problems
    assert "- **router06** FAILED: RouterOS at 127.0.0.62 refused the login of user 'admin'" in problems
    drift = markdown_table(markdown, '## Drift from the desired state')
    assert drift[2:] == [['router04', 'syscfg', 'lte\\_bands', 'all', 'B3,B20']]

    records = list(csv.DictReader(io.StringIO((directory / 'report.csv').read_text(encoding='utf-8'))))
    by_host = {record['host']: record for record in records}
    assert sorted(by_host) == sorted(FLAGS)
    assert {host: record['flags'] for host, record in by_host.items()} == {host: ' '.join(flags) for host, flags in FLAGS.items()}
    assert by_host['router01']['operator'] == OPERATOR and by_host['router01']['roaming'] == 'true'
    assert by_host['router05']['status'] == 'unreachable' and 'Connection refused' in by_host['router05']['reason']
    assert by_host['router04']['lte_bands'] == 'ANY' and by_host['router02']['connected'] == 'true'
    assert int(by_host['router01']['rsrp_dbm']) < 0

    # secrets stay out, and the report wrote nothing to any modem (the drift checks run in check mode)
    everything = proc.stdout + proc.stderr + ''.join(path.read_text(encoding='utf-8') for path in directory.iterdir())
    assert fleet.password not in everything and WRONG_PASSWORD not in everything
    for entry in fleet.routers:
        assert writes(entry.modem.command_log) == [], entry.name


def test_lte_modem_hosts_narrows_the_report_and_check_mode_still_writes_it(fleet, ansible_env, tmp_path):
    run_report(ansible_env, fleet.inventory_path, tmp_path, '--check', '-e', 'lte_modem_hosts=router04', '-e', 'fleet_report_dir=out')
    assert sorted(path.name for path in (tmp_path / 'out').iterdir()) == ['index.html', 'report.md']
    rows = markdown_table((tmp_path / 'out' / 'report.md').read_text(encoding='utf-8'), '## Hosts')[2:]
    assert [row[:2] for row in rows] == [['router04', '**DRIFTED**']]
    assert writes(fleet.routers[3].modem.command_log) == []


# --- the page in a real browser -----------------------------------------------------------------

class Dom(HTMLParser):
    """The elements of a page as [tag, attributes, text] in document order; the text includes the descendants'."""

    VOID = {'meta', 'link', 'br', 'img', 'input', 'hr', 'col', 'base', 'source', 'wbr'}

    def __init__(self, html):
        super().__init__()
        self.elements, self._open = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        for element in self._open:  # text of separate elements stays separate words
            element[2] += ' '
        element = [tag, dict(attrs), '']
        self.elements.append(element)
        if tag not in self.VOID:
            self._open.append(element)

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for element in self._open:
            element[2] += data

    def find(self, tag, class_=None):
        """The elements with this tag (and, if given, this class among their classes)."""
        return [element for element in self.elements
                if element[0] == tag and (class_ is None or class_ in element[1].get('class', '').split())]


# What Chromium itself asks for at start (updates, sign-in), whatever page it shows; the probe cuts these
# off like every other request, so nothing leaves this machine.
BROWSER_SERVICES = {'update.googleapis.com', 'accounts.google.com', 'clients2.google.com'}


class ProxyProbe:
    """A proxy on 127.0.0.1 for the browser: it notes the host of every request and cuts it off at once."""

    def __init__(self):
        self.sock = socket.create_server(('127.0.0.1', 0))
        self.port = self.sock.getsockname()[1]
        self.hosts = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while True:
            try:
                connection, dummy = self.sock.accept()
            except OSError:
                return
            with connection:
                connection.settimeout(30)
                try:
                    request_line = connection.recv(4096).split(b'\r\n', 1)[0].decode('latin-1')
                except OSError:
                    request_line = ''
            # "CONNECT host:443 HTTP/1.1" or "GET http://host/path HTTP/1.1"
            target = request_line.split(' ')[1] if request_line.count(' ') >= 2 else request_line
            self.hosts.append(urlsplit(target if '://' in target else '//' + target).hostname or target)

    def close(self):
        """Stop; return the hosts the browser asked for, its own services left out."""
        self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()
        self._thread.join(timeout=30)
        return [host for host in self.hosts if host not in BROWSER_SERVICES]


def chromium(page, profile, *options):
    """Run headless Chromium on a local page with every outgoing request sent to a probe; return (stdout, hosts asked for)."""
    binary = shutil.which('chromium')
    assert binary, 'chromium is missing: `make integration` installs it (apt-get install chromium)'
    probe = ProxyProbe()
    try:
        proc = subprocess.run(
            [binary, '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
             '--disable-sync', '--no-first-run', '--user-data-dir=%s' % profile, '--proxy-server=http://127.0.0.1:%d' % probe.port,
             '--proxy-bypass-list=<-loopback>', *options, page.as_uri()],
            capture_output=True, text=True, timeout=120, check=False)
    finally:
        hosts = probe.close()
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, hosts


def png_colours(path):
    """{(r, g, b): pixel count} of an 8-bit RGB or RGBA, non-interlaced PNG."""
    data = Path(path).read_bytes()
    assert data[:8] == b'\x89PNG\r\n\x1a\n'
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack('>I4s', data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b'IHDR':
            header = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour_type, dummy, dummy, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, header
    channels = 3 if colour_type == 2 else 4
    raw, stride, previous, counts = zlib.decompress(b''.join(chunks)), width * channels, bytearray(width * channels), {}
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for index in range(stride):
            left = line[index - channels] if index >= channels else 0
            up, corner = previous[index], previous[index - channels] if index >= channels else 0
            if kind == 1:
                line[index] = (line[index] + left) & 0xFF
            elif kind == 2:
                line[index] = (line[index] + up) & 0xFF
            elif kind == 3:
                line[index] = (line[index] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                nearest = min((abs(estimate - left), 0, left), (abs(estimate - up), 1, up), (abs(estimate - corner), 2, corner))[2]
                line[index] = (line[index] + nearest) & 0xFF
        for index in range(0, stride, channels):
            pixel = tuple(line[index:index + 3])
            counts[pixel] = counts.get(pixel, 0) + 1
        previous = line
    return counts


def test_the_page_shows_the_fleet_in_a_headless_browser(report, tmp_path):
    directory = report[0]
    page = directory / 'index.html'
    html = page.read_text(encoding='utf-8')
    # self-contained: no script, no external reference of any kind
    for needle in ('http://', 'https://', '<script', '<link', '<img', '<iframe', 'url(', '@import', 'src='):
        assert needle not in html.lower(), needle
    assert 'Télé&lt;b&gt;&amp;amp;Co' in html and OPERATOR not in html

    dom_text, requests = chromium(page, tmp_path / 'profile', '--dump-dom')
    assert requests == [], 'the page asked for outside resources'
    dom = Dom(dom_text)
    assert dom.find('title')[0][2] == 'LTE modem fleet report'
    shown = {element[1]['data-total']: element[2].split() for element in dom.find('div', class_='total')}
    assert {key: int(words[0]) for key, words in shown.items()} == TOTALS
    assert all(words[1] == key for key, words in shown.items())
    assert {element[1]['data-total'] for element in dom.find('div', class_='alert')} == {'roaming', 'drifted', 'failed', 'unreachable'}

    rows = {element[1]['data-host']: element for element in dom.find('tr', class_='host')}
    assert sorted(rows) == sorted(FLAGS)
    for host, flags in FLAGS.items():
        classes = rows[host][1]['class'].split()
        assert classes == ['host'] + flags, (host, classes)
    row_text = {host: ' '.join(element[2].split()) for host, element in rows.items()}
    for host, flags in FLAGS.items():  # a text marker beside the colour
        assert row_text[host].split()[1:1 + max(1, len(flags))] == ([flag.upper() for flag in flags] or ['OK']), row_text[host]
    assert 'ROAMING' in row_text['router01'] and 'Télé<b>&amp;Co' in row_text['router01']
    assert 'DRIFTED' in row_text['router04'] and 'lte_bands all → B3,B20' in row_text['router04']
    problems = {element[1]['data-host']: ' '.join(element[2].split()) for element in dom.find('tr', class_='unreachable')
                + dom.find('tr', class_='failed') if 'host' not in element[1]['class'].split()}
    assert problems['router05'].startswith('router05 UNREACHABLE Cannot connect to the RouterOS API at 127.0.0.1:')
    assert problems['router06'].startswith("router06 FAILED RouterOS at 127.0.0.62 refused the login of user 'admin'")
    assert not dom.find('b')  # the operator's "<b>" stayed text

    # what a person sees: the rows in their colours (roaming amber, drifted violet, failed and unreachable red)
    dummy, requests = chromium(page, tmp_path / 'profile', '--window-size=1400,1000', '--screenshot=%s' % (tmp_path / 'page.png'))
    assert requests == []
    colours = png_colours(tmp_path / 'page.png')
    for name, rgb in (('roaming', (0xff, 0xf3, 0xcd)), ('drifted', (0xef, 0xe8, 0xfb)), ('failed', (0xfd, 0xe2, 0xe1)),
                      ('roaming marker', (0xb2, 0x6a, 0x00)), ('unreachable marker', (0x7f, 0x00, 0x00))):
        assert colours.get(rgb, 0) > 200, name


def test_the_probe_sees_a_page_that_loads_from_outside(tmp_path):
    """The request probe works: a page with an outside image is caught (and would fail the test above)."""
    page = tmp_path / 'leaky.html'
    page.write_text('<!DOCTYPE html><title>leaky</title><img src="http://192.0.2.1/pixel.png">', encoding='utf-8')
    dom_text, requests = chromium(page, tmp_path / 'profile', '--dump-dom')
    assert '<title>leaky</title>' in dom_text
    assert requests == ['192.0.2.1']
