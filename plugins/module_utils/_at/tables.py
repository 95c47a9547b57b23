# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Protocol data: final result codes, CME/CMS error texts, URC prefixes, command classes."""

from __future__ import annotations

import re

# Final result codes that end an answer, and the error type each one maps to.
# 'TOO MANY PARAMETERS' and 'COMMAND NOT SUPPORT' are Huawei-specific; ModemManager's generic parser
# does not know the first one.
FINAL_RESULTS = {
    'OK': None,
    'ERROR': 'error',
    'COMMAND NOT SUPPORT': 'not_supported',
    'TOO MANY PARAMETERS': 'too_many_parameters',
    'NO CARRIER': 'no_carrier',
    'NO DIALTONE': 'no_dialtone',
    'BUSY': 'busy',
    'NO ANSWER': 'no_answer',
}
FINAL_RESULT_PREFIXES = {
    '+CME ERROR:': 'cme',
    '+CMS ERROR:': 'cms',
    'CONNECT': None,
}

FINAL_RESULT_MEANINGS = {
    'error': 'the modem refused the command (generic ERROR; enable AT+CMEE=1 for a reason code)',
    'not_supported': 'the modem or its firmware does not support this command',
    'too_many_parameters': 'the command has more parameters than the modem accepts',
    'no_carrier': 'the connection could not be established or was lost',
    'no_dialtone': 'no dial tone',
    'busy': 'busy',
    'no_answer': 'no answer',
}

# +CME ERROR numbers (3GPP TS 27.007 9.2 and Huawei extensions; Balong firmware
# prints some texts in upper case, Qualcomm-based modules in lower case).
CME_ERRORS = {
    0: 'phone failure',
    1: 'no connection to phone',
    2: 'phone adaptor link reserved',
    3: 'operation not allowed',
    4: 'operation not supported',
    5: 'PH-SIM PIN required',
    6: 'PH-FSIM PIN required',
    7: 'PH-FSIM PUK required',
    10: 'SIM not inserted',
    11: 'SIM PIN required',
    12: 'SIM PUK required',
    13: 'SIM failure',
    14: 'SIM busy',
    15: 'SIM wrong',
    16: 'incorrect password',
    17: 'SIM PIN2 required',
    18: 'SIM PUK2 required',
    20: 'memory full',
    21: 'invalid index',
    22: 'not found',
    23: 'memory failure',
    24: 'text string too long',
    25: 'invalid characters in text string',
    26: 'dial string too long',
    27: 'invalid characters in dial string',
    30: 'no network service',
    31: 'network timeout',
    32: 'network not allowed - emergency calls only',
    40: 'network personalization PIN required',
    41: 'network personalization PUK required',
    42: 'network subset personalization PIN required',
    43: 'network subset personalization PUK required',
    44: 'service provider personalization PIN required',
    45: 'service provider personalization PUK required',
    46: 'corporate personalization PIN required',
    47: 'corporate personalization PUK required',
    48: 'hidden key required',
    49: 'EAP method not supported',
    50: 'incorrect parameters',
    100: 'unknown',
    103: 'illegal MS',
    106: 'illegal ME',
    107: 'GPRS services not allowed',
    111: 'PLMN not allowed',
    112: 'location area not allowed',
    113: 'roaming not allowed in this location area',
    132: 'service option not supported',
    133: 'requested service option not subscribed',
    134: 'service option temporarily out of order',
    148: 'unspecified GPRS error',
    149: 'PDP authentication failure',
    150: 'invalid mobile class',
    310: 'no RF',
    700: 'APN length illegal',
    65284: 'SPN file content error',
    65285: 'read SPN file rejected',
    65286: 'SPN file does not exist',
}

# +CMS ERROR numbers (3GPP TS 27.005 3.2.5).
CMS_ERRORS = {
    300: 'ME failure',
    301: 'SMS service of ME reserved',
    302: 'operation not allowed',
    303: 'operation not supported',
    304: 'invalid PDU mode parameter',
    305: 'invalid text mode parameter',
    310: '(U)SIM not inserted',
    311: '(U)SIM PIN required',
    312: 'PH-(U)SIM PIN required',
    313: '(U)SIM failure',
    314: '(U)SIM busy',
    315: '(U)SIM wrong',
    316: '(U)SIM PUK required',
    317: '(U)SIM PIN2 required',
    318: '(U)SIM PUK2 required',
    320: 'memory failure',
    321: 'invalid memory index',
    322: 'memory full',
    330: 'SMSC address unknown',
    331: 'no network service',
    332: 'network timeout',
    340: 'no +CNMA acknowledgement expected',
    500: 'unknown error',
}

# Lines a modem sends on its own, at any time, even between a command's echo and its answer.
# A line with one of these prefixes is an unsolicited result code unless it answers the
# command that is running.
URC_PREFIXES = (
    '^RSSI:', '^HCSQ:', '^BOOT:', '^MODE:', '^SRVST:', '^SIMST:', '^NDISSTAT:', '^NDISSTATEX:',
    '^DSFLOWRPT:', '^RFSWITCH:', '^NWTIME:', '^TIME:', '^EONS:', '^XLEMA:', '^CEND:', '^ORIG:',
    '^CONF:', '^CONN:', '^STIN:', '^CSNR:', '^RSSILVL:', '^HRSSILVL:', '^DSDORMANT:', '^PDPDEACT:',
    '^NDISEND:', '^POSITION:', '^POSEND:', '^ECCLIST:', '^LTERSRP:', '^CSCHANNELINFO:',
    '^CCALLSTATE:', '^LWURC:', '^PLMN:', '^CERSSI:', '^ANLEVEL:', '^SMMEMFULL:', '^ACINFO:',
    '^SYSSTART', '+CREG:', '+CGREG:', '+CEREG:', '+CRING:', '+CLIP:', '+CMTI:', '+CDSI:',
    '+CUSATP:', '+CUSATEND', '+CTZV:', '+CUSD:', '+CGEV:',
)
URC_LINES = ('RING',)

# Answer prefixes that differ from the command name: some firmware answers AT^NDISSTATQRY?
# with '^NDISSTAT:' lines, which are otherwise the connection-state URC.
ANSWER_ALIASES = {
    '^NDISSTATQRY': ('^NDISSTAT:',),
}

# Commands that only read. A command line is read-only when every chained part matches.
READ_ONLY_PATTERNS = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
    r'^AT$',
    r'^(AT)?[+^][A-Z0-9]+\?$',                       # queries: AT+CFUN?, AT^SYSCFGEX?
    r'^(AT)?[+^][A-Z0-9]+=\?$',                      # tests: AT^SETPORT=?
    r'^ATI\d*$',
    r'^(AT)?\+(CGMI|CGMM|CGMR|CGSN|GMI|GMM|GMR|GSN|CIMI|CSQ|CLAC|CNUM|CEER)$',
    r'^(AT)?\^(FHVER|HWVER|SYSINFO|SYSINFOEX|ICCID|VERSION|GETPORTMODE|CARDMODE|CPIN)$',
    r'^(AT)?\+CLCK="?[A-Z]{2}"?,2$',                  # facility lock status: AT+CLCK="SC",2
))

# Commands that take longer than the default timeout on real modems.
COMMAND_TIMEOUTS = (
    (re.compile(r'^AT\+COPS=\?', re.IGNORECASE), 180.0),
    (re.compile(r'^AT\+COPS=', re.IGNORECASE), 120.0),
    (re.compile(r'^AT\^RFSWITCH=', re.IGNORECASE), 30.0),  # ModemManager allows 30 s
    (re.compile(r'^AT\+CFUN=', re.IGNORECASE), 30.0),
    (re.compile(r'^AT\^SYSCFG(EX)?=[^?]', re.IGNORECASE), 30.0),
)
DEFAULT_COMMAND_TIMEOUT = 10.0

# Commands (or parts of a chained line) after which the port's echo may be on or off.
ECHO_SETTING = re.compile(r'^(AT)?(E\d?|Z\d?|&F\d?)$', re.IGNORECASE)

# The length limit is conservative: V.250 only guarantees 40 characters and Huawei does not
# publish its buffer size; 512 holds the longest real command (^NDISDUP with a 99-byte APN,
# user name and password).
MAX_COMMAND_LENGTH = 512

CONTROL_CHARACTER_NAMES = {'\r': 'CR', '\n': 'LF', '\x00': 'NUL', '\t': 'TAB', '\x1a': 'Ctrl-Z', '\x1b': 'ESC'}
