# SPDX-License-Identifier: GPL-2.0-or-later
"""The C unit tests (test/unit/), one pytest item each, as U-Boot's
test_ut.py makes them.

The sandbox lists its tests (`ut list`); one run of `ut all` in a session
fixture gives every item its own lines, so a failing test reports its
failed assertions, and a sanitizer report or a crash fails the test that
was running (and every test the crash kept from running). A build with
no unit tests, or one whose list is empty, fails rather than collecting
nothing.
"""

import re
import subprocess

import pytest

TEST_RE = re.compile(r'^(\w+)\.(\w+)$')
SUMMARY_RE = re.compile(r'^(\d+) passed, (\d+) failed$')


def _run(bin_path, cmds, timeout):
    res = subprocess.run([str(bin_path), '-c', cmds],
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, timeout=timeout)
    return res.returncode, res.stdout.decode('utf-8', 'replace')


def _list_tests(config):
    """suite.name of every unit test in the board's build, or a reason."""
    from conftest import Board
    board = Board(config)
    if not board.is_sandbox():
        return board, [], None
    if not board.bin.exists():
        return board, [], f'{board.bin} does not exist'
    status, out = _run(board.bin, 'ut list', 60)
    names = [line for line in out.splitlines() if TEST_RE.match(line)]
    if status or not names:
        return board, [], f'`ut list` gave no tests (status {status})'
    return board, names, None


def pytest_generate_tests(metafunc):
    if 'ut_name' not in metafunc.fixturenames:
        return
    board, names, why = _list_tests(metafunc.config)
    if why:
        # One item that fails and says why: never zero items silently
        names = [f'!{why}']
    metafunc.parametrize('ut_name', names or ['!not a sandbox'])


@pytest.fixture(scope='session')
def ut_results(board, console_log):
    """Run `ut all` once: {suite.name: (passed, lines)}, and the tail of
    the output for tests the run never reached."""
    status, out = _run(board.bin, 'ut all', 600 * board.scale)
    console_log.write(f'\n--- ut all (exit status {status})\n{out}\n')
    console_log.flush()
    results = {}
    current, lines = None, []
    failed = set()
    for line in out.splitlines():
        m = re.match(r'^Test: (\w+\.\w+)$', line)
        if m:
            if current:
                results[current] = (current not in failed, lines)
            current, lines = m.group(1), []
            continue
        m = re.match(r'^Test (\w+\.\w+) failed$', line)
        if m:
            failed.add(m.group(1))
            continue
        if SUMMARY_RE.match(line):
            if current:
                results[current] = (current not in failed, lines)
            current = None
            continue
        if current:
            lines.append(line)
    if current:
        # The run ended inside this test: a crash or sanitizer abort
        results[current] = (False, lines + [f'(the run ended here, exit '
                                            f'status {status})'])
    summary = [m for m in map(SUMMARY_RE.match, out.splitlines()) if m]
    return results, status, summary, out[-2000:]


@pytest.mark.boards('sandbox')
def test_ut(ut_name, ut_results):
    if ut_name.startswith('!'):
        pytest.fail(ut_name[1:], pytrace=False)
    results, status, summary, tail = ut_results
    if ut_name not in results:
        pytest.fail(f'{ut_name} did not run (ut all exit status {status}); '
                    f'last output: {tail!r}', pytrace=False)
    passed, lines = results[ut_name]
    bad = [ln for ln in lines
           if re.search(r'AddressSanitizer|LeakSanitizer|runtime error: ',
                        ln)]
    if not passed or bad:
        pytest.fail('\n'.join(lines), pytrace=False)


@pytest.mark.boards('sandbox')
def test_ut_run_clean(ut_results):
    """The run as a whole: a summary line, 0 failed, at least one passed,
    exit status 0 (a leak report after the summary changes it)."""
    results, status, summary, tail = ut_results
    assert summary, f'no summary line; last output: {tail!r}'
    passed, failed = int(summary[-1].group(1)), int(summary[-1].group(2))
    assert passed > 0 and failed == 0 and status == 0, \
        f'{passed} passed, {failed} failed, exit status {status}: {tail!r}'
