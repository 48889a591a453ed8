# SPDX-License-Identifier: GPL-2.0-or-later
"""pytest plug-in for running U-Boot's test/py against virtboot.

Loaded by scripts/uboot-testpy with `-p virtboot_testpy`. It adds
--virtboot-board, --virtboot-skips and --summary, and at the end of the
run checks every skip against the skip table of doc/develop/uboot-testpy.md:

- a test that skipped and is listed for this board: an expected skip (a
  feature virtboot does not claim); not counted as passed or failed;
- a test that skipped and is not listed: a failure;
- a listed test that ran (passed or failed) on this board: a failure too
  (the list is stale and must lose the line).

Tests listed in the document's "Deselected tests" table (U-Boot's write
tests of test_fs on ext4: virtboot writes FAT only) are
deselected for the boards named, before they run; a row names a test, or
a test function for all its parameters.

--summary FILE gets "passed failed 0": failed counts the failed tests, the
errors and both kinds of skip-list mismatch, so that scripts/check's
count_pytest() counts the run as it counts our own test/py runs.
"""

import re

import pytest

# | `test_env.py::test_env_info` | all | reason |
ROW = re.compile(r'^\|\s*`?(test_\w+\.py(?:::[\w\[\]\-.]+)+)`?\s*\|'
                 r'\s*([^|]+?)\s*\|\s*(.+?)\s*\|\s*$')


def pytest_addoption(parser):
    group = parser.getgroup('virtboot')
    group.addoption('--virtboot-board', default=None,
                    help='the virtboot board (sandbox, qemu-arm64, qemu-s390x)')
    group.addoption('--virtboot-skips', default=None,
                    help='the document whose table lists the expected skips')
    group.addoption('--summary', default=None,
                    help='write "passed failed 0" to this file')


def read_skips(path, board, section='## Expected skips'):
    """{test id: reason} of the rows of the table under heading @section
    that name @board (or 'all')."""
    skips = {}
    inside = False
    with open(path) as f:
        for line in f:
            if line.startswith('#'):
                inside = line.strip() == section
                continue
            m = ROW.match(line.strip()) if inside else None
            if not m:
                continue
            test, boards, reason = m.groups()
            names = [b.strip() for b in boards.split(',')]
            if 'all' in names or board in names:
                skips[test] = reason
    return skips


class Tally:
    def __init__(self):
        self.outcome = {}       # test id -> 'passed' | 'failed' | 'skipped'
        self.reason = {}        # test id -> skip reason


tally = Tally()


def test_id(nodeid):
    """'tests/test_env.py::test_env_info' -> 'test_env.py::test_env_info'"""
    return nodeid.rsplit('/', 1)[-1]


def pytest_collection_modifyitems(session, config, items):
    board = config.getoption('virtboot_board')
    doc = config.getoption('virtboot_skips')
    if not board or not doc:
        return
    rows = read_skips(doc, board, '## Deselected tests')
    keep, drop = [], []
    for item in items:
        tid = test_id(item.nodeid)
        (drop if tid in rows or tid.split('[')[0] in rows else keep).append(
            item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.hookimpl(trylast=True)
def pytest_runtest_logreport(report):
    tid = test_id(report.nodeid)
    prev = tally.outcome.get(tid)
    if report.failed:
        tally.outcome[tid] = 'failed'
    elif report.skipped and prev != 'failed':
        tally.outcome[tid] = 'skipped'
        longrepr = report.longrepr
        if isinstance(longrepr, tuple) and len(longrepr) == 3:
            tally.reason[tid] = longrepr[2]
    elif report.when == 'call' and report.passed and prev is None:
        tally.outcome[tid] = 'passed'


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    board = config.getoption('virtboot_board')
    doc = config.getoption('virtboot_skips')
    if not board or not doc:
        return
    write = terminalreporter.write_line
    listed = read_skips(doc, board)
    passed = [t for t, o in tally.outcome.items() if o == 'passed']
    failed = [t for t, o in tally.outcome.items() if o == 'failed']
    skipped = [t for t, o in tally.outcome.items() if o == 'skipped']
    unlisted = [t for t in skipped if t not in listed]
    stale = [t for t in listed
             if tally.outcome.get(t) in ('passed', 'failed')]

    terminalreporter.section(f'virtboot: skips on {board} against {doc}')
    for t in sorted(skipped):
        if t in listed:
            write(f'skipped as listed: {t}: {tally.reason.get(t, "?")}')
    for t in sorted(unlisted):
        write(f'FAILED (skip not listed for {board}): {t}: '
              f'{tally.reason.get(t, "?")}')
    for t in sorted(stale):
        write(f'FAILED (listed as a skip for {board} but it ran: '
              f'{tally.outcome[t]}): {t}')
    nfail = len(failed) + len(unlisted) + len(stale)
    write(f'virtboot {board}: {len(passed)} passed, {len(failed)} failed, '
          f'{len(skipped) - len(unlisted)} skipped as listed, '
          f'{len(unlisted)} skipped unlisted, {len(stale)} stale list rows')
    path = config.getoption('summary')
    if path:
        with open(path, 'w') as f:
            f.write(f'{len(passed)} {nfail} 0\n')
    if nfail:
        terminalreporter._session.exitstatus = pytest.ExitCode.TESTS_FAILED
