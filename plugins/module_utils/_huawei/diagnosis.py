# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The NO CARRIER doctor: every cause of a data call that does not come up, as one entry of ``CHECKS``.

An entry says what it reads (catalogue queries), which of those must have answered for it to
judge, how it judges (a pure function in ``judges``), how bad the cause is, what the cause is in
words, and its remedy: what a person does, the collection task that does it, the raw command, and
whether ``huawei_diagnose`` with ``fix: true`` may apply it through a desired-state resource.

The table is in root-cause order: a cause that follows from another (no signal because the RF
switch is off) is still reported, after the one it follows from. So the configuration that keeps
the radio from hearing or registering (mode and bands, roaming) comes before the signal and the
registration it spoils, and the port mode before the data call it makes impossible.

Reading costs a few round trips: every query is asked at once (chained by the modem service), and
``+CEER`` and ``^DHCP`` only when their answer means something (a denied registration or a failed
dial; a connected call).
"""

from __future__ import annotations

import re

from ansible_collections.lte.modem.plugins.module_utils._errors import AtTimeoutError
from ansible_collections.lte.modem.plugins.module_utils._huawei import judges, tables
from ansible_collections.lte.modem.plugins.module_utils._huawei.queries import QUERIES

ERROR, WARNING, INFO = 'error', 'warning', 'info'
UNHEALTHY = frozenset((ERROR, WARNING))
ROUTEROS_TRANSPORTS = frozenset(('routeros_api', 'routeros_ssh'))
REGISTRATION = ('creg', 'cgreg', 'cereg')
SYSCFG = ('syscfgex', 'syscfg')
PLACEHOLDER = re.compile(r'^\{(\w+)\}$')

# Everything the checks read, asked at once, chained by the modem service in this order. A chained
# line fails as a whole when one of its commands fails, and is then asked again command by command:
# the commands a locked or missing SIM refuses (+CPIN? without a SIM, +CSQ and ^HCSQ until the PIN)
# and those some modems lack (^RFSWITCH and ^SETPORT on USB sticks) come last, apart from the rest.
READS = (
    'cfun', 'creg', 'cgreg', 'syscfgex', 'syscfgex_test', 'cgdcont',
    'ndisstat', 'cereg', 'cpin', 'cpin_counts', 'csq', 'hcsq',
    'rfswitch', 'setport', 'setport_test',
)


class Remedy:
    """How a cause goes away.

    ``action``: what a person does. ``task``: ``(module, options)``, the collection task that does
    it (options may hold ``{placeholders}`` of the verdict, or be a function of (details, readings)
    returning them or None when they cannot be known). ``command``: the raw command (AT, or the
    RouterOS CLI for a router setting), a template or such a function. ``resource``: ``(name,
    options)``, the desired-state resource through which ``fix`` applies it (None: ``fix`` never
    does). ``blocked_by``: finding ids in whose presence applying it cannot help.
    """

    __slots__ = ('action', 'task', 'command', 'resource', 'blocked_by')

    def __init__(self, action, task=None, command=None, resource=None, blocked_by=()):
        self.action = action
        self.task = task
        self.command = command
        self.resource = resource
        self.blocked_by = frozenset(blocked_by)


class Check:
    """One cause: its id, the step of the checklist it belongs to, what it reads and how it judges.

    ``requires``: groups of query names; the judge runs only when one query of every group answered
    (a check without any judges the failure of its first read, which must have been asked).
    ``inputs``: values that do not come from the modem (``port``, ``routeros``) and must be known.
    ``applies``: a predicate on the readings (None: always).
    """

    __slots__ = ('id', 'step', 'severity', 'title', 'cause', 'judge', 'remedy', 'reads', 'requires', 'inputs', 'applies')

    def __init__(self, id, step, severity, title, cause, judge, remedy, reads=(), requires=None, inputs=(), applies=None):  # pylint: disable=redefined-builtin
        self.id = id
        self.step = step
        self.severity = severity
        self.title = title
        self.cause = cause
        self.judge = judge
        self.remedy = remedy
        self.reads = tuple(reads)
        self.requires = tuple((group,) if isinstance(group, str) else tuple(group) for group in (reads[:1] if requires is None else requires))
        self.inputs = tuple(inputs)
        self.applies = applies

    def skipped(self, readings):
        """Why this check cannot judge (None when it can)."""
        if self.applies is not None and not self.applies(readings):
            return 'not applicable'
        missing = [name for name in self.inputs if readings.input(name) is None]
        if missing:
            return 'needs %s, which was not read' % ', '.join(missing)
        for group in self.requires:
            if not any(readings.answered(name) for name in group):
                return readings.why_not(group[0])
        if not self.requires and self.reads and not readings.asked(self.reads[0]):
            return readings.why_not(self.reads[0])
        return None


class Finding:
    """A cause the modem shows: the check, its order in the table, the judge's details, the evidence and the remedy."""

    __slots__ = ('check', 'order', 'details', 'evidence', 'remedy', 'fix')

    def __init__(self, check, order, details, evidence, remedy, fix):
        self.check = check
        self.order = order
        self.details = details
        self.evidence = evidence
        self.remedy = remedy
        self.fix = fix

    id = property(lambda self: self.check.id)
    severity = property(lambda self: self.check.severity)

    def as_dict(self, fixable=True):
        remedy = self.remedy
        return {
            'id': self.id,
            'check': self.check.step,
            'order': self.order,
            'severity': self.severity,
            'title': self.check.title,
            'cause': _fill(self.check.cause, self.details),
            'evidence': list(self.evidence),
            'remedy': {
                'action': _fill(remedy.action, self.details),
                'task': self.task(),
                'command': self.command(),
                'fix': fixable and self.fix is not None,
            },
        }

    def task(self):
        if self.remedy.task is None:
            return None
        module, options = self.remedy.task
        options = options(self.details, self.details['readings']) if callable(options) else _fill(options, self.details)
        return {module: options} if options is not None else None

    def command(self):
        command = self.remedy.command
        if callable(command):
            return command(self.details, self.details['readings'])
        return _fill(command, self.details)


class Readings:
    """What one diagnosis read: the query outcomes, the modem's own lines, the task's options, other inputs."""

    def __init__(self, outcomes, options, inputs):
        self.outcomes = outcomes
        self.options = options
        self.inputs = inputs

    def asked(self, name):
        return name in self.outcomes

    def answered(self, name):
        return name in self.outcomes and self.outcomes[name].ok

    def value(self, name):
        """The parsed answer of a query, None when it was not asked or failed."""
        return self.outcomes[name].value if self.answered(name) else None

    def error_code(self, name):
        """The +CME ERROR number a query failed with, else None."""
        outcome = self.outcomes.get(name)
        return None if outcome is None or outcome.ok else outcome.error.details().get('error_code')

    def why_not(self, name):
        outcome = self.outcomes.get(name)
        if outcome is None:
            return 'the port does not answer AT' if not self.inputs['port']['answered'] else '%s was not read' % QUERIES[name].command
        return str(outcome.error)

    def option(self, name):
        return self.options.get(name)

    def input(self, name):
        return self.inputs.get(name)

    def lines(self, name):
        """The modem's own lines for a query: its answer, or the final result it failed with."""
        if not self.asked(name):
            return []
        return self.outcomes[name].lines or ['%s -> OK' % QUERIES[name].command]

    def evidence(self, names):
        """The lines of ``names`` and of their fallbacks, leaving out a failure a fallback answered for."""
        shown = []
        for name in names:
            fallbacks = [fallback for fallback in QUERIES[name].fallback if self.answered(fallback)]
            if fallbacks and not self.answered(name):
                shown.extend(fallbacks)
            elif self.asked(name):
                shown.append(name)
        return [line for name in dict.fromkeys(shown) for line in self.lines(name)]


def _fill(template, details):
    """``template`` with ``{placeholders}`` filled from ``details``, through dicts and lists (``'{cid}'`` alone keeps its type)."""
    if isinstance(template, str):
        alone = PLACEHOLDER.match(template)
        return details[alone.group(1)] if alone else template.format(**details)
    if isinstance(template, dict):
        return {key: _fill(value, details) for key, value in template.items()}
    if isinstance(template, list):
        return [_fill(value, details) for value in template]
    return template


# --- Reading --------------------------------------------------------------------------------------


def _denied_or_dial_failed(readings):
    return any(domain['stat'] == judges.DENIED for domain in judges.registrations(readings)) or judges.dial_failed(readings) is not None


def _ipv4_connected(readings):
    return judges.families(readings).get('IPV4', {}).get('state') == 'connected'


# Reads worth a round trip only once the first answers show what they would explain.
FOLLOW_UPS = (
    ('ceer', _denied_or_dial_failed),
    ('dhcp', _ipv4_connected),
)


def read(modem, options, inputs=None):
    """Ask the modem everything the checks read; return the Readings.

    A port that does not answer the first command line at all is a finding (``port_silent``), not
    an error: the readings then hold nothing but that.
    """
    inputs = dict(inputs or {})
    before = len(modem.sent)
    try:
        outcomes = modem.ask(READS)
    except AtTimeoutError as exc:
        if len(modem.sent) > before + 1:  # an earlier line was answered: the port is not silent
            raise
        received = [line.strip() for line in (exc.received or '').splitlines() if line.strip()]
        inputs['port'] = {'answered': False, 'waited': round(exc.waited, 1), 'received': received}
        return Readings({}, options, inputs)
    inputs['port'] = {'answered': True}
    readings = Readings(outcomes, options, inputs)
    more = [name for name, wanted in FOLLOW_UPS if wanted(readings)]
    if more:
        outcomes.update(modem.ask(more))
    return readings


# --- Judging --------------------------------------------------------------------------------------


def diagnose(readings, checks=None):
    """Judge every check on ``readings``; return (findings in table order, {step: status}).

    A step's status is ``found`` when one of its checks found its cause, ``passed`` when its checks
    judged and found nothing, else ``skipped`` with the reason of its first check.
    """
    findings, steps = [], {}
    for order, check in enumerate(checks or CHECKS, 1):
        reason = check.skipped(readings)
        details = None if reason else check.judge(readings)
        step = steps.setdefault(check.step, {'check': check.step, 'status': 'skipped', 'reason': reason})
        if reason is None and step['status'] == 'skipped':
            step.update(status='passed', reason=None)
        if details is None:
            continue
        step['status'] = 'found'
        details = dict(details, readings=readings, cid=readings.option('cid'), interface=readings.option('interface'))
        evidence = details.pop('evidence_lines', None)
        if evidence is None:
            evidence = readings.evidence(details.pop('evidence', check.reads))
        remedy = check.remedy(details, readings) if callable(check.remedy) else check.remedy
        findings.append(Finding(check, order, details, evidence, remedy, _fix(remedy, details, readings)))
    found = {finding.id for finding in findings}
    for finding in findings:
        if finding.remedy.blocked_by & found:
            finding.fix = None
    return findings, [dict(item) if item['reason'] else {'check': item['check'], 'status': item['status']} for item in steps.values()]


def _fix(remedy, details, readings):
    if remedy.resource is None:
        return None
    name, options = remedy.resource
    options = options(readings) if callable(options) else dict(options)
    return None if options is None else (name, options)


def healthy(findings):
    return not any(finding.severity in UNHEALTHY for finding in findings)


def summary(findings, steps):
    """One line a person reads first: the root cause and its remedy, or that nothing stands in the way."""
    problems = [finding for finding in findings if finding.severity in UNHEALTHY]
    if not problems:
        judged = sum(1 for step in steps if step['status'] != 'skipped')
        notes = ''.join('; %s (%s)' % (finding.check.title, finding.severity) for finding in findings)
        return 'Healthy: %d of %d checks found no cause of NO CARRIER%s' % (judged, len(steps), notes)
    first = problems[0]
    evidence = ' [%s]' % ' / '.join(first.evidence[:2]) if first.evidence else ''
    also = ' Also: %s.' % ', '.join(finding.id for finding in problems[1:]) if problems[1:] else ''
    return '%s %s: %s%s. %s%s' % (first.severity.upper(), first.id, first.check.title, evidence, _fill(first.remedy.action, first.details), also)


def notes(outcomes):
    """huawei_info's notes from the same checks: the causes of error or warning that its gathered answers show.

    Checks whose reads were not gathered are skipped, as are those that need the task's options
    (an expected APN) or inputs other than the modem.
    """
    readings = Readings(outcomes, {'cid': 1}, {'port': {'answered': True}})
    findings, dummy = diagnose(readings)
    return [{'subset': QUERIES[finding.check.reads[0]].subset, 'command': QUERIES[finding.check.reads[0]].command,
             'reason': '%s: %s' % (finding.check.title, _fill(finding.check.cause, finding.details)), 'response': list(finding.evidence),
             'finding': finding.id, 'severity': finding.severity, 'remedy': finding.as_dict(fixable=False)['remedy']}
            for finding in findings if finding.severity in UNHEALTHY]


# --- Remedies computed from the readings ----------------------------------------------------------


def _roaming_command(details, readings):
    """The write that turns the roam field on and keeps every other field as the modem printed it."""
    command, current, dummy = judges.syscfg_of(readings)
    fields = list(current['fields'])
    if command == '^SYSCFGEX':
        fields[2] = '1'
        return 'AT^SYSCFGEX="%s",%s,,' % (fields[0], ','.join(fields[1:]))
    fields[3] = '1'
    return 'AT^SYSCFG=%s' % ','.join(fields)


def _all_bands(details, readings, enabled_only=True):
    """huawei_syscfg options that allow every band of the enabled modes, or of every mode (LTE only where the modem has it)."""
    plan, dummy = judges.band_plan(readings, enabled_only)
    options = {'bands': ['all']} if {'gsm', 'wcdma'} & set(plan) else {}
    if 'lte' in plan:
        options['lte_bands'] = ['all']
    return options


def _all_bands_command(details, readings, enabled_only=True):
    command = judges.syscfg_of(readings)[0]
    if command == '^SYSCFGEX':
        lte = '7FFFFFFFFFFFFFFF' if 'lte' in judges.band_plan(readings, enabled_only)[0] else ''
        return 'AT^SYSCFGEX="99",3FFFFFFF,2,4,%s,,' % lte
    return 'AT^SYSCFG=16,3,3FFFFFFF,2,4'


def _widest_acqorder(readings):
    """``00`` (automatic), or where the modem does not list it (E3272: 030201, 0302, 03) the listed order with the most RATs."""
    listed = [order for order in (readings.value('syscfgex_test') or {}).get('acqorders', ()) if order != '99']
    return '00' if not listed or '00' in listed else max(listed, key=len)


def _open_mode(details, readings):
    options = _all_bands(details, readings, enabled_only=False)
    if judges.syscfg_of(readings)[0] == '^SYSCFGEX':
        return dict(options, mode_order=tables.acqorder_to_mode_order(_widest_acqorder(readings)))
    return dict(options, mode_order=['auto'])


def _open_mode_command(details, readings):
    command = _all_bands_command(details, readings, enabled_only=False)
    if command.startswith('AT^SYSCFGEX'):
        return command.replace('"99"', '"%s"' % _widest_acqorder(readings), 1)
    return 'AT^SYSCFG=2,0,3FFFFFFF,2,4'


def _apn_task(details, readings):
    return judges.apn_options(readings) or {'cid': readings.option('cid'), 'apn': '<APN of the SIM>'}


def _apn_command(details, readings):
    options = _apn_task(details, readings)
    return 'AT+CGDCONT=%d,"%s","%s"' % (options['cid'], options.get('pdp_type', 'ip').upper(), options['apn'])


SET_APN = Remedy('Set the APN the operator gives for this SIM on the context (its PDP type is kept), then dial again.',
                 task=('lte.modem.huawei_apn', _apn_task), command=_apn_command, resource=('apn', judges.apn_options))

DIAL_REMEDIES = {
    27: SET_APN,
    33: SET_APN,
    29: Remedy('Give the dial the APN user name and password the operator requires.',
               task=('lte.modem.huawei_connection', {'cid': '{cid}', 'state': 'connected', 'apn_username': '<user>', 'apn_password': '<password>'}),
               command='AT^NDISDUP={cid},1,"<APN>","<user>","<password>",2'),
    0: Remedy('The modem had no service when it dialled: remove the causes found before this one, then dial again.'),
    111: Remedy('The network refused the call for lack of a usable registration: remove the causes found before this one, then dial again.'),
    8: Remedy('The operator bars this subscription (operator determined barring): ask the operator.'),
}
DIAL_REMEDY_DEFAULT = Remedy('Ask the operator what cause {cause} means for this SIM; dial again once it is solved.')


def _dial_remedy(details, readings):
    return DIAL_REMEDIES.get(details['cause'], DIAL_REMEDY_DEFAULT)


RADIO_BLOCKED = ('rf_hardware_off',)

# --- The table ------------------------------------------------------------------------------------

CHECKS = (
    Check('port_silent', 'port', ERROR, 'the port does not answer AT',
          'Nothing answered within {waited}s: this is not the modem\'s AT port (a modem has several ttys, and its GPS and '
          'diagnostic ports stay silent), or the modem is gone (resetting, or not attached).',
          judges.port_silent,
          Remedy('Find the AT port with lte.modem.huawei_ports (it probes every tty of the modem) and use its at_port as device.',
                 task=('lte.modem.huawei_ports', {})),
          inputs=('port',), requires=()),

    Check('sim_missing', 'sim', ERROR, 'no SIM',
          'The modem finds no SIM (+CPIN? answers +CME ERROR: 10, SIM not inserted).',
          judges.sim_missing,
          Remedy('Insert a SIM, with the modem powered off, the right way round; then power it on.'),
          reads=('cpin',), requires=()),
    Check('sim_pin', 'sim', ERROR, 'SIM PIN required',
          'The SIM waits for its PIN ({attempts} attempts left): until it gets it the modem neither registers nor dials.',
          judges.sim_state_is('sim_pin', 'pin_retries'),
          Remedy('Enter the PIN with lte.modem.huawei_sim, which checks the attempts left first; fix never enters a PIN.',
                 task=('lte.modem.huawei_sim', {'pin': '{{{{ sim_pin }}}}'}), command='AT+CPIN="<PIN>"'),
          reads=('cpin', 'cpin_counts')),
    Check('sim_puk', 'sim', ERROR, 'SIM blocked, PUK required',
          'Wrong PINs blocked the SIM; it asks for its PUK ({attempts} attempts left; the last wrong PUK destroys the SIM).',
          judges.sim_state_is('sim_puk', 'puk_retries'),
          Remedy('Enter the PUK from the SIM\'s card and a new PIN by hand, once; the collection never enters a PUK.',
                 command='AT+CPIN="<PUK>","<new PIN>"'),
          reads=('cpin', 'cpin_counts')),
    Check('sim_unusable', 'sim', ERROR, 'SIM unusable',
          'The modem cannot use the SIM: {reason}.',
          judges.sim_unusable,
          Remedy('Reseat the SIM; a SIM locked to another network needs the unlock code from its seller, a damaged one a replacement.'),
          reads=('cpin',), requires=()),
    Check('sim_busy', 'sim', WARNING, 'SIM busy',
          'The SIM is still starting up (+CME ERROR: 14, SIM busy), as right after power-on or a PIN.',
          judges.sim_busy,
          Remedy('Run the diagnosis again in a few seconds.'),
          reads=('cpin',), requires=()),

    Check('cfun_not_full', 'functionality', ERROR, 'radio off (+CFUN)',
          'The phone functionality is {level}, not 1 (full): the radio is off.',
          judges.cfun_not_full,
          Remedy('Switch the radio on.', task=('lte.modem.huawei_radio', {'functionality': 'full'}), command='AT+CFUN=1',
                 resource=('radio', {'functionality': 'full'}), blocked_by=RADIO_BLOCKED),
          reads=('cfun',)),

    Check('rf_software_off', 'rf_switch', ERROR, 'software RF switch off',
          'The software RF switch is off (the module\'s airplane mode): the radio stays off whatever +CFUN says.',
          judges.rf_software_off,
          Remedy('Switch it on.', task=('lte.modem.huawei_radio', {'rf': True}), command='AT^RFSWITCH=1',
                 resource=('radio', {'rf': True}), blocked_by=RADIO_BLOCKED),
          reads=('rfswitch',)),
    Check('rf_hardware_off', 'rf_switch', ERROR, 'hardware RF switch off (W_DISABLE#)',
          'The hardware RF switch is off: the host holds the W_DISABLE# pin of the M.2 or mini-PCIe slot low (an airplane-mode '
          'key, the BIOS, an rfkill state), and no AT command can change that.',
          judges.rf_hardware_off,
          Remedy('Release it on the host: the airplane-mode Fn key, the WWAN switch in the BIOS, or /sys/class/rfkill/rfkillN/state '
                 '(rfkill list may show no block); on a carrier board, the wiring of the pin.'),
          reads=('rfswitch',)),

    Check('mode_without_band', 'mode_bands', ERROR, 'a mode without bands',
          'The mode order ({mode_order}) enables {rats}, but no band set for it is one the modem has: every enabled mode needs '
          'at least one of its bands.',
          judges.mode_without_band,
          Remedy('Allow every band of the enabled modes (then narrow them to bands AT^SYSCFGEX=? lists).',
                 task=('lte.modem.huawei_syscfg', _all_bands), command=_all_bands_command),
          reads=('syscfgex', 'syscfgex_test'), requires=(SYSCFG,)),
    Check('unsupported_bands', 'mode_bands', WARNING, 'bands the modem does not have',
          'The band setting holds bands this modem does not list in its test command ({bands}).',
          judges.unsupported_bands,
          Remedy('Set only bands the modem lists (lte.modem.huawei_syscfg refuses the others).',
                 task=('lte.modem.huawei_syscfg', _all_bands), command=_all_bands_command),
          reads=('syscfgex', 'syscfgex_test'), requires=(SYSCFG,)),
    Check('bands_restricted', 'mode_bands', WARNING, 'mode or bands restricted, no cell heard',
          'The radio is on but hears no cell, and {setting} restricts the modem (mode order {mode_order}; bands narrowed for '
          '{narrowed}): the networks here may use a mode or band outside that.',
          judges.bands_restricted,
          Remedy('Allow every mode and band for a test, then narrow them again to what the network here uses.',
                 task=('lte.modem.huawei_syscfg', _open_mode), command=_open_mode_command),
          reads=('syscfgex', 'syscfgex_test', 'csq', 'hcsq'), requires=(SYSCFG, ('cfun',), ('csq', 'hcsq'))),

    Check('roaming_off', 'roaming', ERROR, 'roaming off in the modem',
          'The network denies registration (reject cause {reject}) and the roam field of {setting} is 0: the modem refuses '
          'to roam, so a foreign SIM (or a network that is not its home) gets no service.',
          judges.roaming_off,
          Remedy('Allow roaming in the modem (only the roam field is written; the other fields stay as they are).',
                 task=('lte.modem.huawei_syscfg', {'roaming': True}), command=_roaming_command, resource=('syscfg', {'roaming': True})),
          reads=('syscfgex', 'creg', 'cgreg', 'cereg', 'ceer'), requires=(SYSCFG, REGISTRATION)),
    # The router's own allow-roaming: the task fills the input ``routeros`` with the LTE interface's
    # settings ({'allow_roaming': bool}) on the RouterOS transports; without them the check is skipped.
    Check('routeros_roaming_off', 'roaming', ERROR, 'allow-roaming=no on the router',
          'The router\'s LTE interface {interface} has allow-roaming=no: RouterOS brings no data session up while the modem '
          'roams, whatever the modem allows.',
          judges.routeros_roaming_off,
          Remedy('Set allow-roaming=yes on the LTE interface (and keep the modem\'s roam field on).',
                 task=('lte.modem.huawei_routeros', {'allow_roaming': True}),
                 command='/interface lte set [find name={interface}] allow-roaming=yes',
                 resource=('routeros', {'allow_roaming': True})),
          reads=('creg', 'cgreg', 'cereg'), requires=(REGISTRATION,), inputs=('routeros',),
          applies=lambda readings: readings.option('transport') in ROUTEROS_TRANSPORTS),

    Check('no_signal', 'signal', ERROR, 'no signal',
          'The modem hears no cell (+CSQ: 99,99, ^HCSQ: NOSERVICE).',
          judges.no_signal,
          Remedy('Remove any cause found before this one (radio off, bands) first; else check both antenna connectors and the '
                 'coverage where the modem is.'),
          reads=('csq', 'hcsq'), requires=(('csq', 'hcsq'),)),
    Check('weak_signal', 'signal', WARNING, 'weak signal',
          'The signal is at the cell edge ({sysmode}: {values}); data calls may fail or drop.',
          judges.weak_signal,
          Remedy('Improve the antennas or where they are: an external antenna, away from metal, closer to a window.'),
          reads=('hcsq', 'csq'), requires=(('csq', 'hcsq'),)),

    Check('registration_denied', 'registration', ERROR, 'registration denied',
          'The network denies registration (stat 3, reject cause {reject}).',
          judges.registration_is((judges.DENIED,)),
          Remedy('Causes 2, 3, 6 and 8 bar the SIM or the device: ask the operator. 11 and 13: this network may not be used '
                 'from this SIM (roaming). 7 and 14: the subscription has no data. 15: no cell here suits the SIM (bands).'),
          reads=REGISTRATION + ('ceer',), requires=(REGISTRATION,)),
    Check('registration_searching', 'registration', ERROR, 'searching for a network',
          'The modem is not registered and still searching (stat 2).',
          judges.registration_is((judges.SEARCHING,), exclude=(judges.DENIED,)),
          Remedy('With a signal, give it up to a minute, or allow more modes and bands; without one, see the signal finding.'),
          reads=REGISTRATION, requires=(REGISTRATION,)),
    Check('not_registered', 'registration', ERROR, 'not registered, not searching',
          'The modem is not registered and does not search (stat 0 or 4): it was told to deregister (AT+COPS=2), or the SIM '
          'or the radio keeps it from trying.',
          judges.registration_is((0, 4, 8), exclude=(judges.DENIED, judges.SEARCHING)),
          Remedy('Remove any cause found before this one; else let the modem select the network itself.',
                 task=('lte.modem.huawei_at', {'command': 'AT+COPS=0'}), command='AT+COPS=0'),
          reads=REGISTRATION, requires=(REGISTRATION,)),

    Check('apn_missing', 'apn', ERROR, 'no PDP context',
          'Context {cid} is not defined (+CGDCONT? does not list it): a dial on it has no APN to ask for.',
          judges.apn_missing, SET_APN,
          reads=('cgdcont',)),
    Check('apn_wrong', 'apn', ERROR, 'another APN',
          'Context {cid} asks for the APN {apn}, not {expected}.',
          judges.apn_wrong, SET_APN,
          reads=('cgdcont',)),

    Check('no_network_port', 'port_mode', WARNING, 'no network interface in the port mode',
          'The USB port mode {mode} has no NDIS, NCM or RNDIS function: the host gets no network interface, so AT^NDISDUP '
          'cannot bring a data call up (only PPP, ATD*99# on a modem port, is left).',
          judges.no_network_port,
          Remedy('Add a network function ({function}) to the port mode; the modem then resets and its ttys may be renumbered. '
                 'fix never changes the port mode.',
                 task=('lte.modem.huawei_port_mode', {'mode': '{wanted}'}), command='AT^SETPORT="{wanted}"'),
          reads=('setport', 'setport_test'), requires=('setport',)),

    Check('dial_failed', 'data_call', ERROR, 'the last data call failed',
          'The last data call on cid {cid} failed ({families}) with cause {meaning}.',
          judges.dial_failed, _dial_remedy,
          reads=('ndisstat', 'ceer')),
    Check('dhcp_missing', 'data_call', WARNING, 'connected without an address',
          'Cid {cid} is connected, but the modem gives no IPv4 settings (AT^DHCP?).',
          judges.dhcp_missing,
          Remedy('Hang up and dial again; a DHCP client on the host\'s interface may still get an address.',
                 task=('lte.modem.huawei_connection', {'cid': '{cid}', 'state': 'connected'}), command='AT^NDISDUP={cid},1'),
          reads=('ndisstat', 'dhcp')),
    Check('not_connected', 'data_call', INFO, 'not connected',
          'No data call is up on cid {cid}.',
          judges.not_connected,
          Remedy('Dial, then run a DHCP client on the modem\'s network interface.',
                 task=('lte.modem.huawei_connection', {'cid': '{cid}', 'state': 'connected'}), command='AT^NDISDUP={cid},1'),
          reads=('ndisstat',)),
)
CHECK_IDS = tuple(check.id for check in CHECKS)
