# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The RouterOS transports as users run them: fleets from an inventory, and every failure mode."""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._transports.ssh_host_keys import fingerprint

from conftest import PLAYBOOKS


def test_inventory_alone_is_enough_plain_tls_and_ssh(ansible, router_modem):
    router = router_modem('ME909u-521')
    for extra in ({'transport': 'routeros_api'}, {'transport': 'routeros_api', 'tls': True}, {'transport': 'routeros_ssh'}):
        hosts, proc = ansible.module('huawei_at', dict(extra, command='AT^SYSCFGEX?'), hosts='routers', inventory=router.inventory, extra=['-vvv'])
        assert proc.returncode == 0, proc.stdout
        assert hosts['router01']['results'][0]['lines'] == ['^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF']
        assert router.password not in proc.stdout + proc.stderr


def test_every_failure_has_a_clear_error(ansible, router_modem, tmp_path):
    good = router_modem('ME909u-521')
    bare = router_modem('ME909u-521')
    bare.router.no_at_chat = True
    dropping = router_modem('ME909u-521')
    dropping.router.drop_connection_on = {'/interface/lte/at-chat'}
    silent = router_modem('ME909u-521')
    silent.router.api_silence = True
    anonymous = router_modem('ME909u-521', tls='anon')
    operator = router_modem('ME909u-521')
    operator.router.non_ascii_output = 'Telefónica'
    empty_known_hosts = tmp_path / 'known_hosts'
    empty_known_hosts.write_text('')
    learned = tmp_path / 'learned_known_hosts'
    variables = {
        'password': good.password,
        'good': {'host': good.address, 'api': good.entry.api_port, 'tls': good.entry.api_tls_port, 'ssh': good.entry.ssh_port,
                 'fingerprint': fingerprint(good.entry.host_key)},
        'bare': {'host': bare.address, 'api': bare.entry.api_port, 'ssh': bare.entry.ssh_port, 'password': bare.password},
        'dropping': {'host': dropping.address, 'api': dropping.entry.api_port, 'password': dropping.password},
        'silent': {'host': silent.address, 'api': silent.entry.api_port, 'password': silent.password},
        'anonymous': {'host': anonymous.address, 'tls': anonymous.entry.api_tls_port, 'password': anonymous.password},
        'operator': {'host': operator.address, 'api': operator.entry.api_port, 'ssh': operator.entry.ssh_port,
                     'password': operator.password, 'known_hosts': operator.fleet.known_hosts_file},
        'known_hosts': good.fleet.known_hosts_file,
        'empty_known_hosts': str(empty_known_hosts),
        'learned_known_hosts': str(learned),
    }
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'routeros_failures.yml', variables)
    assert proc.returncode == 0, proc.stdout
    output = proc.stdout + proc.stderr
    for router in (good, bare, dropping, silent, anonymous, operator):
        assert router.password not in output
    results = {name: hosts['localhost'] for name, hosts in tasks}
    msg = {name: result.get('msg', '') for name, result in results.items()}
    assert msg['Wrong password'] == "RouterOS at %s refused the login of user 'admin': invalid user name or password (6)" % good.address
    assert msg['No such LTE interface'] == "RouterOS at %s has no LTE interface 'lte9' (no such item)" % good.address
    assert 'has no /interface/lte/at-chat' in msg['RouterOS without at-chat']
    assert 'bad command name' in msg['RouterOS without at-chat over SSH'] or 'has no' in msg['RouterOS without at-chat over SSH']
    assert 'dropped while waiting for the answer to AT+CSQ' in msg['Dropped connection']
    assert 'Timed out after 2s' in msg['Silent API'] or 'timed out' in msg['Silent API']
    assert 'Cannot connect to the RouterOS API at 127.0.0.250' in msg['Nobody listening']
    # a router that does not answer at all is unreachable (ignore_unreachable, retries), not failed
    assert results['Nobody listening']['unreachable'] and results['Silent API']['unreachable']
    assert not results['Wrong password'].get('unreachable') and not results['TLS without the CA'].get('unreachable')
    assert 'CERTIFICATE_VERIFY_FAILED' in msg['TLS without the CA'] and 'ca_path' in msg['TLS without the CA']
    assert results['TLS verified against the CA']['results'][0]['final'] == 'OK'
    assert results['Anonymous TLS with force_no_cert']['results'][0]['final'] == 'OK'
    assert 'force_no_cert=true' in msg['Anonymous TLS without force_no_cert']
    assert 'is not in' in msg['Unknown SSH host key'] and 'host_key_checking=accept_new' in msg['Unknown SSH host key']
    assert results['Accept a new SSH host key']['results'][0]['final'] == 'OK'
    assert good.address in learned.read_text()
    assert results['Pinned SSH host key']['results'][0]['final'] == 'OK'
    assert 'not the pinned SHA256:AAAA' in msg['Wrongly pinned SSH host key']
    assert "refused the SSH login of user 'admin'" in msg['Wrong SSH password']
    for name in ('Non-ASCII operator over the API', 'Non-ASCII operator over SSH'):
        assert results[name]['results'][0]['lines'][0] == '+COPS: 0,0,"Telefónica",7', name
