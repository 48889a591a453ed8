# SPDX-License-Identifier: GPL-2.0-or-later
"""pytest set-up for virtboot: options, the console fixtures, logging.

    /usr/bin/python3 -m pytest test/py --board sandbox
    /usr/bin/python3 -m pytest test/py --board qemu-arm64 -k mem

See test/py/README.md for the fixtures tests use.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import boards  # noqa: E402
from harness import Console, ConsoleError, Disk  # noqa: E402,F401

REPO = Path(__file__).resolve().parents[2]


def pytest_addoption(parser):
    group = parser.getgroup('virtboot')
    group.addoption('--board', default='sandbox', choices=boards.BOARDS,
                    help='board to test (default: sandbox)')
    group.addoption('--build-dir', default=None,
                    help='build folder of the board (default: '
                         'build/<board>, relative to the repository)')
    group.addoption('--bin', default=None,
                    help='firmware or program to start (default: the '
                         "board's output in the build folder)")
    group.addoption('--summary', default=None,
                    help='write "passed failed skipped" counts to this file '
                         '(scripts/check reads it)')
    group.addoption('--timeout-scale', type=float,
                    default=float(os.environ.get('VIRTBOOT_TIMEOUT_SCALE', 1)),
                    help='multiply every console timeout (slow machines)')


def pytest_configure(config):
    config.addinivalue_line(
        'markers', 'boards(*names): the test applies only to these boards; '
        'on others it is deselected')
    config.addinivalue_line(
        'markers', 'slow: takes long (many QEMU starts)')
    config.addinivalue_line(
        'markers', 'buildconfigspec(*options): the test needs these .config '
        "options (lower case, no CONFIG_: 'cmd_scsi'), as U-Boot's marker; "
        'on a board without one it is deselected')


class Board:
    """The board under test: its plug-in, build folder, binary, .config."""

    def __init__(self, config):
        self.name = config.getoption('board')
        self.plugin = boards.load(self.name)
        build = config.getoption('build_dir') or f'build/{self.name}'
        self.build_dir = (REPO / build).resolve()
        binary = config.getoption('bin')
        self.bin = (Path(binary).resolve() if binary
                    else self.plugin.default_bin(self.build_dir))
        self.scale = config.getoption('timeout_scale')
        self.endian = self.plugin.ENDIAN
        self.transports = self.plugin.TRANSPORTS
        self.config = read_kconfig(self.build_dir / '.config')

    def command(self, disks=(), extra_args=()):
        return self.plugin.command(self.bin, list(disks), list(extra_args))

    def is_sandbox(self):
        return self.name == 'sandbox'


def read_kconfig(path):
    """{'CONFIG_FOO': 'y', ...} from a .config; {} if there is none."""
    values = {}
    try:
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line.startswith('CONFIG_') and '=' in line:
                    key, val = line.split('=', 1)
                    values[key] = val.strip('"')
    except FileNotFoundError:
        pass
    return values


class ConsoleLog:
    """build/<board>/test-log.txt: all console output, a header per test.

    The start offset of the running test is kept so that a failing test's
    report can show the console output of that test alone.
    """

    def __init__(self, path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.f = open(path, 'w', encoding='utf-8', errors='replace')
        self.test_start = 0

    def write(self, text):
        # Carriage returns only double the line breaks in an editor.
        self.f.write(text.replace('\r', ''))

    def flush(self):
        self.f.flush()

    def begin_test(self, nodeid):
        self.f.write(f'\n===== {nodeid} =====\n')
        self.f.flush()
        self.test_start = self.f.tell()

    def test_text(self, limit=20000):
        self.f.flush()
        with open(self.path, encoding='utf-8', errors='replace') as f:
            f.seek(self.test_start)
            text = f.read()
        return text[-limit:]


@pytest.fixture(scope='session')
def board(pytestconfig):
    """The board under test (see Board)."""
    return Board(pytestconfig)


@pytest.fixture(scope='session')
def console_log(pytestconfig, board):
    log = ConsoleLog(board.build_dir / 'test-log.txt')
    pytestconfig._virtboot_log = log
    yield log
    log.f.close()


@pytest.fixture(autouse=True)
def _log_test_header(request, console_log):
    console_log.begin_test(request.node.nodeid)


def _check_bin(board):
    if not board.bin.exists():
        pytest.fail(f'{board.bin} does not exist: build it with '
                    f'"make BOARD={board.name}" or give --bin', pytrace=False)


def _start(board, log, disks=(), extra_args=(), timeout=None):
    _check_bin(board)
    argv = board.command(disks, extra_args)
    scale = board.scale
    con = Console(board.plugin, argv, log, cwd=str(REPO),
                  timeout=(timeout or board.plugin.TIMEOUT) * scale,
                  boot_timeout=board.plugin.BOOT_TIMEOUT * scale)
    con.board_info = board
    return con.start()


def _close(con):
    """Close @con; fail the test (or, at a module's end, the module) if the
    board did not go down cleanly: a sanitizer report at exit, a non-zero
    exit status, no power-off (also at an earlier restart)."""
    problems = con.problems + [con.close()]
    con.problems = []
    problems = [p for p in problems if p]
    if problems:
        pytest.fail('; '.join(problems), pytrace=False)


@pytest.fixture(scope='module')
def console(board, console_log):
    """A board started with no disks, shared by the tests of a module."""
    con = _start(board, console_log)
    yield con
    _close(con)


@pytest.fixture(autouse=True)
def _revive_console(request):
    """A shared console a failed test left broken (a timeout, a crash) is
    started again, so that one failure does not fail the whole module."""
    if 'console' in request.fixturenames:
        con = request.getfixturevalue('console')
        if con.broken or not con.isalive():
            con.log.write('\n--- restarting the board the last test left '
                          'broken\n')
            con.restart()


@pytest.fixture
def make_console(board, console_log):
    """make_console(disks=[Disk...], extra_args=[...]) -> a started Console.

    extra_args go to the sandbox program or to QEMU as they are. Consoles
    made here are closed when the test ends.
    """
    made = []

    def make(disks=(), extra_args=(), timeout=None):
        con = _start(board, console_log, disks, extra_args, timeout)
        made.append(con)
        return con
    yield make
    problems = []
    for con in made:
        try:
            _close(con)
        except pytest.fail.Exception as e:
            problems.append(str(e))
    if problems:
        pytest.fail('; '.join(problems), pytrace=False)


@pytest.fixture
def sandbox_run(board, console_log):
    """sandbox_run(args, disks=(), timeout=30) -> (exit status, output).

    Runs the sandbox program to the end (e.g. with -c "CMDS"), stdin from
    /dev/null, stdout and stderr together.
    """
    if not board.is_sandbox():
        pytest.fail('sandbox_run needs --board sandbox (mark the test '
                    "@pytest.mark.boards('sandbox'))", pytrace=False)
    _check_bin(board)

    def run(args, disks=(), timeout=30):
        argv = board.command(disks, args)
        console_log.write(f'\n--- run: {argv}\n')
        res = subprocess.run(argv, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             timeout=timeout * board.scale, cwd=str(REPO))
        out = res.stdout.decode('utf-8', 'replace')
        console_log.write(out + f'\n--- exit status {res.returncode}\n')
        console_log.flush()
        # A sanitizer report fails the test whatever the status says
        for name, pat in board.plugin.BAD_PATTERNS.items():
            m = re.search(pat, out)
            if m:
                pytest.fail(f'{name} in {argv}: '
                            f'{out[m.start():m.start() + 2000]!r}',
                            pytrace=False)
        return res.returncode, out
    return run


def pytest_collection_modifyitems(config, items):
    """Tests marked boards(...) for other boards are deselected (pytest's
    summary counts them as "deselected"), not skipped: make check counts a
    skip as a test that should have run and did not."""
    name = config.getoption('board')
    kconfig = Board(config).config
    keep, drop = [], []
    for item in items:
        mark = item.get_closest_marker('boards')
        wrong_board = mark and name not in mark.args
        needs = [o for m in item.iter_markers('buildconfigspec')
                 for o in m.args]
        missing = [o for o in needs
                   if kconfig.get('CONFIG_' + o.upper()) != 'y']
        (drop if wrong_board or missing else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    log = getattr(item.config, '_virtboot_log', None)
    if report.failed and log is not None and call.when in ('setup', 'call'):
        report.sections.append(('virtboot console (from test-log.txt)',
                                log.test_text()))


def pytest_collection_finish(session):
    """A run that selects no test at all is an error, not a pass."""
    if not session.items and not session.config.getoption('collectonly'):
        raise pytest.UsageError('no test selected: nothing would run')


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """--summary FILE: "passed failed skipped" of this run, from pytest's
    own tally (an error at set-up or teardown counts as failed)."""
    path = config.getoption('summary')
    if not path:
        return
    stats = terminalreporter.stats

    def count(key):
        return len([r for r in stats.get(key, [])
                    if getattr(r, 'when', 'call') in ('setup', 'call',
                                                      'teardown')])
    with open(path, 'w') as f:
        f.write(f"{count('passed')} {count('failed') + count('error')} "
                f"{count('skipped')}\n")
