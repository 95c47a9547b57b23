# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The framer never crashes and never takes what came before a command for its answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansible_collections.lte.modem.plugins.module_utils._at.framing import Reply, classify_final

EXAMPLES = settings(derandomize=True, max_examples=500, deadline=None, database=None)
FINALS = ['OK', 'ERROR', '+CME ERROR: 10', '+CME ERROR: SIM PIN required', 'COMMAND NOT SUPPORT', 'TOO MANY PARAMETERS', 'NO CARRIER']
URCS = ['^RSSI:20', '^HCSQ:"LTE",48,35,86,14', '+CREG: 5,"792D","04947221"', 'RING', '^BOOT:27710117,0,0,0,75', '^NDISSTAT:0,,,"IPV4"']
ANSWERS = ['+CSQ: 20,99', '^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF', 'ME909u-521', '861234567890123', 'Model: E3372']
LINES = st.one_of(st.sampled_from(FINALS + URCS + ANSWERS + ['', 'AT+CSQ', '\ufffd\x01']), st.text(max_size=40))


@EXAMPLES
@given(command=st.sampled_from(['AT+CSQ', 'AT^SYSCFGEX?', 'ATI', 'AT+CGMM;+CGSN']), lines=st.lists(LINES, max_size=12))
def test_any_lines_frame_without_crashing(command, lines):
    reply = Reply(command)
    for line in lines:
        reply.feed(line)
    block = Reply(command)
    block.feed_block('\r\n'.join(lines))
    for framed in (reply, block):
        if framed.complete:
            result = framed.result()
            assert classify_final(result.final) is not None
            assert not [line for line in result.lines if classify_final(line) is not None]


@EXAMPLES
@given(before=st.lists(st.sampled_from(FINALS + URCS + ANSWERS), max_size=6), answer=st.lists(st.sampled_from(ANSWERS), max_size=3),
       urcs=st.lists(st.sampled_from(URCS), max_size=2))
def test_with_echo_nothing_before_the_echo_is_the_answer(before, answer, urcs):
    reply = Reply('AT+CSQ', expect_echo=True)
    for line in before + ['AT+CSQ'] + urcs + answer + ['OK']:
        reply.feed(line)
    result = reply.result()
    assert (result.final, result.lines) == ('OK', answer)


@EXAMPLES
@given(stale=st.lists(st.sampled_from(ANSWERS), min_size=1, max_size=3), stale_final=st.sampled_from(FINALS),
       answer=st.lists(st.sampled_from(ANSWERS), min_size=1, max_size=3), final=st.sampled_from(FINALS))
def test_in_one_block_the_rest_of_an_earlier_answer_is_cut_off(stale, stale_final, answer, final):
    reply = Reply('AT+CSQ')
    reply.feed_block('\r\n'.join(stale + [stale_final, ''] + answer + [final, '']))
    result = reply.result()
    assert (result.final, result.lines) == (final, answer)
