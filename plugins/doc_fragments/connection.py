# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations


class ModuleDocFragment:
    """Connection options shared by every lte.modem module (kept in lockstep with _transport.py)."""

    DOCUMENTATION = r"""
options:
  transport:
    description:
      - How to reach the modem's AT port.
      - V(serial) opens a local serial port with pyserial on the host that runs the module
        (the host the modem is plugged into).
      - V(routeros_api) sends each command through C(/interface/lte/at-chat) of a MikroTik router
        over the RouterOS API (librouteros); V(routeros_ssh) does the same through the RouterOS
        CLI over SSH (paramiko). Both run on the Ansible controller; the inventory host is the router.
    type: str
    choices: [serial, routeros_api, routeros_ssh]
    default: serial
  device:
    description:
      - The AT port for O(transport=serial), as a path (V(/dev/ttyUSB2),
        V(/dev/serial/by-id/usb-HUAWEI_...-if02-port0)) or a pyserial URL
        (V(socket://127.0.0.1:7000), V(rfc2217://host:port)).
      - Prefer a stable C(/dev/serial/by-id/) path; C(ttyUSB) numbers change when the modem re-enumerates.
      - Defaults to the host's C(lte_modem_device) inventory variable.
      - The port is opened exclusively; a port held by another program (ModemManager, a dialer,
        another Ansible fork) is reported as busy.
    type: str
  baudrate:
    description:
      - Serial speed for O(transport=serial). USB modems ignore it.
    type: int
    default: 115200
  timeout:
    description:
      - Seconds to wait for the answer to one AT command. When set, it applies to every command,
        writes included.
      - When not set, 10 seconds, and longer for commands real modems take longer to answer
        (V(180) for C(AT+COPS=?), V(120) for other C(AT+COPS=) commands, V(30) for writes of
        C(^SYSCFGEX), C(^SYSCFG), C(+CFUN) and C(^RFSWITCH)).
      - For the RouterOS transports, also the connect timeout (10 seconds when not set).
      - A timeout error says how many seconds were actually waited.
    type: float
  lock_timeout:
    description:
      - Seconds to wait for another task that is talking to the same modem (another fork on the same
        serial port or URL, or on the same LTE interface of the same router) before failing.
      - Each task holds the modem for its whole conversation, so that read-modify-write changes of
        tasks running in parallel never undo each other. The lock is shared by every process of the
        host that runs the task (the controller for the RouterOS transports); two controllers on one
        router do not see each other's locks.
    type: float
    default: 300.0
  hostname:
    description:
      - Address of the router for the RouterOS transports.
      - When the task runs through the collection's action plugin (as it does in a play or with
        C(ansible -m)), defaults to the inventory host's C(ansible_host) (or C(ansible_ssh_host)),
        else its inventory name.
    type: str
  port:
    description:
      - TCP port of the RouterOS API (default V(8728), or V(8729) with O(tls=true)) or of SSH (default V(22)).
      - When not set, the action plugin takes the host's C(routeros_api_port), C(routeros_api_tls_port)
        or C(routeros_ssh_port); for O(transport=routeros_ssh) then also Ansible's C(ansible_port)
        (or C(ansible_ssh_port)) and Ansible's remote_port setting.
    type: int
  username:
    description:
      - RouterOS user name.
      - When not set, the action plugin takes, first found, the host's C(routeros_username), Ansible's
        C(ansible_ssh_user) or C(ansible_user), then Ansible's remote user setting (C(-u),
        C(remote_user) in C(ansible.cfg), the AAP/AWX Machine credential). Without any of them, V(admin).
    type: str
    default: admin
  password:
    description:
      - RouterOS password. Never shown in output, diffs, errors or logs.
      - When not set, the action plugin takes, first found, the host's C(routeros_password), Ansible's
        C(ansible_ssh_pass) or C(ansible_password), then the connection password Ansible was given
        (C(--ask-pass), the AAP/AWX Machine credential). Without any of them, no password.
    type: str
    default: ''
  tls:
    description:
      - Use the TLS API service (api-ssl) for O(transport=routeros_api).
    type: bool
    default: false
    aliases: [ssl]
  validate_certs:
    description:
      - Verify the router's TLS certificate against O(ca_path) or the system CAs.
      - Set to V(false) only for testing; the connection can then be intercepted.
    type: bool
    default: true
  validate_cert_hostname:
    description:
      - Also check that the certificate names O(hostname).
    type: bool
    default: false
  ca_path:
    description:
      - PEM file with the CA certificate(s) that signed the router's certificate.
    type: path
  force_no_cert:
    description:
      - Connect to an api-ssl service that has no certificate, with anonymous Diffie-Hellman.
      - B(Insecure) - the router is not authenticated and the connection can be intercepted;
        it only protects against passive eavesdropping.
    type: bool
    default: false
  encoding:
    description:
      - Character encoding of RouterOS API words. V(UTF-8) keeps non-ASCII operator names intact.
    type: str
    default: UTF-8
  interface:
    description:
      - The RouterOS LTE interface whose modem receives the commands, by name (V(lte1)) or id (V(*1)).
    type: str
    default: lte1
  known_hosts_file:
    description:
      - OpenSSH known_hosts file used to check the router's SSH host key for O(transport=routeros_ssh).
        Defaults to the host's C(routeros_known_hosts), else C(~/.ssh/known_hosts).
    type: path
  host_key_checking:
    description:
      - How O(transport=routeros_ssh) checks the router's SSH host key.
      - V(strict) refuses a router whose host key is not in O(known_hosts_file) (or does not match
        O(host_key_fingerprint)).
      - V(accept_new) accepts and records the key of a router seen for the first time, but still
        refuses a changed key.
      - V(disabled) accepts any key, and reads and writes no known_hosts file, as Ansible does with
        C(host_key_checking=False).
      - When not set, follows Ansible's own C(host_key_checking) setting for the host
        (C(ANSIBLE_HOST_KEY_CHECKING), C(host_key_checking) in C(ansible.cfg), the host variable
        C(ansible_host_key_checking)) - V(strict) when it is true (Ansible's default),
        V(disabled) when it is false (the default on AAP/AWX).
      - O(host_key_fingerprint) is checked whatever this says.
    type: str
    choices: [strict, accept_new, disabled]
  host_key_fingerprint:
    description:
      - Pin the router's SSH host key by its SHA256 fingerprint (as C(ssh-keygen -l) prints it,
        V(SHA256:...)). When set, O(known_hosts_file) is not consulted.
    type: str
  private_key_file:
    description:
      - Private key for SSH public-key authentication, instead of or before O(password).
      - When not set, the action plugin takes, first found, the host's C(routeros_private_key_file),
        Ansible's C(ansible_ssh_private_key_file) or C(ansible_private_key_file), then Ansible's
        private key setting (C(--private-key), C(private_key_file) in C(ansible.cfg)).
      - With neither a password nor a key file, the keys of a running ssh-agent (C(SSH_AUTH_SOCK))
        are offered; this is how AAP/AWX hands over the key of a Machine credential.
    type: path
requirements:
  - Python 3.7 or later on the host that runs the module; ansible-core 2.16 or later.
  - pyserial on the host that has the modem, for O(transport=serial).
  - librouteros on the controller, for O(transport=routeros_api).
  - paramiko on the controller, for O(transport=routeros_ssh).
"""
