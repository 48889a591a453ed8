# SPDX-License-Identifier: GPL-2.0-or-later
"""dm tree / uclass / drivers / compat / static: U-Boot 2023.01's layout,
and the three listings agreeing with each other about the same devices."""

import re

import pytest

TREE_HEADER = ' Class     Index  Probed  Driver                Name'
TREE_RULE = '-' * 59
ROOT_LINE = ' root          0  [ + ]   root_driver           root_driver'
# class(10) index(3) probed driver(20) branches name
TREE_LINE = re.compile(r' (.{10})  ([ \d]{2}\d)  \[ ([+ ]) \]   (.{20})  '
                       r'((?:\|   |    )*)(\|-- |`-- )(\S.*)')
UCLASS_HEAD = re.compile(r'uclass (\d+): (\S+)')
UCLASS_DEV = re.compile(r'(\d+) +([* ]) (\S.*) @ ([0-9a-f]{8,})(, seq (\d+))?')


def lines_of(console, cmd):
    return [line.rstrip() for line in console.run_command(cmd).split('\n')]


@pytest.fixture(scope='module')
def tree(console):
    return lines_of(console, 'dm tree')


@pytest.fixture(scope='module')
def uclasses(console):
    return parse_uclass(lines_of(console, 'dm uclass'))


def parse_uclass(lines):
    """{uclass name: [(index, active, device name, seq), ...]} from dm uclass"""
    result = {}
    current = None
    for line in lines:
        if not line:
            continue
        m = UCLASS_HEAD.fullmatch(line)
        if m:
            current = result.setdefault(m.group(2), [])
            continue
        m = UCLASS_DEV.fullmatch(line)
        assert m and current is not None, f'bad dm uclass line {line!r}'
        seq = int(m.group(6)) if m.group(6) else -1
        current.append((int(m.group(1)), m.group(2) == '*', m.group(3), seq))
    return result


def parse_tree(tree):
    """[(depth, class, index, active, driver, name)] of the non-root lines"""
    devices = []
    for line in tree[3:]:
        m = TREE_LINE.fullmatch(line)
        assert m, f'bad dm tree line {line!r}'
        depth = len(m.group(5)) // 4 + 1
        devices.append((depth, m.group(1).rstrip(), int(m.group(2)),
                        m.group(3) == '+', m.group(4).rstrip(), m.group(7)))
    return devices


def test_dm_tree_layout(tree):
    assert tree[0] == TREE_HEADER
    assert tree[1] == TREE_RULE
    assert tree[2] == ROOT_LINE
    devices = parse_tree(tree)
    assert devices, 'the root has no children: where is the console?'
    assert devices[0][0] == 1
    # Depth grows one level at a time; the last child of a level is drawn
    # with `-- and nothing below it continues its bar
    for prev, cur in zip(devices, devices[1:]):
        assert cur[0] <= prev[0] + 1, f'{cur[5]} skips a level'
    top = [TREE_LINE.fullmatch(line) for line in tree[3:]]
    top = [m.group(6) for m in top if m.group(5) == '']
    assert top[-1] == '`-- '
    assert all(branch == '|-- ' for branch in top[:-1])


def test_dm_tree_console_probed(tree):
    serial = [d for d in parse_tree(tree) if d[1] == 'serial']
    assert serial, 'no serial device in dm tree'
    assert any(d[3] for d in serial), 'the console device is not probed'


def test_dm_uclass_matches_tree(tree, uclasses):
    assert uclasses['root'] == [(0, True, 'root_driver', 0)]
    from_tree = sorted((d[1], d[2], d[3], d[5]) for d in parse_tree(tree))
    from_uclass = sorted((name[:10], idx, active, dev)
                         for name, devs in uclasses.items() if name != 'root'
                         for idx, active, dev, _ in devs)
    assert from_tree == from_uclass
    for name, devs in uclasses.items():
        # Indexes count from 0 in bind order; sequence numbers are unique
        assert [d[0] for d in devs] == list(range(len(devs))), name
        seqs = [d[3] for d in devs if d[3] >= 0]
        assert len(seqs) == len(set(seqs)), f'{name}: duplicate seq'


def test_dm_drivers(console, tree):
    lines = lines_of(console, 'dm drivers')
    assert lines[0] == ('Driver                    uid uclass'
                        '               Devices')
    assert lines[1] == '-' * 58
    assert 'root_driver               000 root                 root_driver' \
        in lines
    names = [line[:25].rstrip() for line in lines[2:] if line[:1] != ' ']
    assert names == sorted(names)
    # Every driver named in dm tree is listed
    drivers = {d[4] for d in parse_tree(tree)}
    assert drivers <= set(names)


def test_dm_compat(console):
    lines = lines_of(console, 'dm compat')
    assert lines[0] == 'Driver                Compatible'
    assert lines[1] == '-' * 32
    assert 'root_driver' in lines
    if 'simple_bus' in [line[:20].rstrip() for line in lines]:
        assert 'simple_bus            simple-bus' in lines


STATIC_LINE = re.compile(r'(\S+) +@([0-9a-f]{8,})')


def test_dm_static(console, tree):
    """The devices the board declares (U_BOOT_DRVINFO): U-Boot's layout,
    and they are the first children of the root, in the same order, each
    named after its driver (dm_scan_plat() binds them first)."""
    lines = lines_of(console, 'dm static')
    assert lines[:2] == ['Driver                    Address', '-' * 33]
    static = []
    for line in lines[2:]:
        m = STATIC_LINE.fullmatch(line)
        assert m and line.index('@') == 26, f'bad dm static line {line!r}'
        static.append(m.group(1))
    top = [d for d in parse_tree(tree) if d[0] == 1]
    assert [(d[4], d[5]) for d in top[:len(static)]] == \
        [(name, name) for name in static]
    board = console.board_info.name
    want = {'sandbox': ['serial_sandbox'],
            'qemu-s390x': ['serial_sclp', 'css', 'zpci'],
            'qemu-arm64': []}
    if board in want:
        assert static == want[board]


@pytest.mark.parametrize('cmd', ['dm', 'dm nosuch', 'dm tree extra'])
def test_dm_usage(console, board, cmd):
    out, status = console.run_status(cmd)
    assert status != 0
    if board.config.get('CONFIG_SYS_LONGHELP') != 'y':
        assert out == 'dm - Driver model low level access', out
        return
    assert "dm tree          Dump tree of driver model devices " \
           "('*' = activated)" in out
