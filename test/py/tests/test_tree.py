# SPDX-License-Identifier: GPL-2.0-or-later
"""The tree itself: licence lines, one usage page per command, the
README's two commands and the CI script that runs one of them.

These look at files, not at a board, so they run once: on the sandbox
board (on the others they are deselected).
"""

import fnmatch
import os
import re
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.boards('sandbox')

ROOT = Path(__file__).resolve().parents[3]
SPDX = 'SPDX-License-Identifier: GPL-2.0-or-later'
SOURCE_PATTERNS = ('*.c', '*.h', '*.S', '*.py', '*.sh', '*.mk')
SOURCE_NAMES = ('Makefile', 'Kconfig')
CMD_RE = re.compile(
    r'\bU_BOOT_CMD(?:_WITH_SUBCMDS|_COMPLETE)?\(\s*([A-Za-z0-9_.]+)\s*,')


def tracked_files():
    """The files git tracks (paths relative to the root)."""
    out = subprocess.run(['git', 'ls-files', '-z'], cwd=ROOT, check=True,
                         capture_output=True).stdout
    return [f for f in out.decode().split('\0') if f]


def is_source(path):
    name = os.path.basename(path)
    return (any(fnmatch.fnmatch(name, p) for p in SOURCE_PATTERNS)
            or name in SOURCE_NAMES or path.startswith('scripts/'))


def commands():
    """{name: file} of every command some source file defines."""
    found = {}
    for path in tracked_files():
        if path.endswith('.c'):
            text = (ROOT / path).read_text(errors='replace')
            for m in CMD_RE.finditer(text):
                found[m.group(1)] = path
    return found


def page_names(page):
    """The commands (or host tools) a usage page's title names:
    '# read and write commands' -> ['read', 'write'], '# iplb' ->
    ['iplb'], '# ut — run the unit tests' -> ['ut']."""
    for line in page.read_text().splitlines():
        if line.startswith('# '):
            title = re.split(r' commands?\b| —| \(', line[2:])[0]
            return [n for n in re.split(r',\s*|\s+and\s+', title.strip())
                    if n]
    return []


def test_spdx_lines():
    """Every tracked source file has the SPDX GPL-2.0-or-later line
    within its first three lines."""
    files = [f for f in tracked_files() if is_source(f)]
    assert len(files) > 100, files
    bad = []
    for path in files:
        full = ROOT / path
        if full.is_symlink() or not full.is_file():
            continue
        with open(full, 'rb') as f:
            head = f.read(4096).decode('utf-8', 'replace').splitlines()[:3]
        if not any(SPDX in line for line in head):
            bad.append(path)
    assert not bad, f'no "{SPDX}" in the first 3 lines of: {bad}'


def test_usage_pages_name_commands():
    """Every doc/usage page names, in its title, commands the firmware
    has (U_BOOT_CMD) or a host tool tools/ builds."""
    cmds = commands()
    pages = sorted((ROOT / 'doc/usage').glob('*.md'))
    assert pages
    bad = []
    for page in pages:
        names = page_names(page)
        if not names:
            bad.append(f'{page.name}: no "# name command" title')
        for name in names:
            tool = (ROOT / 'tools' / f'{name}.c').exists()
            if name not in cmds and not tool:
                bad.append(f'{page.name}: {name} is no command')
    assert not bad, bad


def test_every_command_has_a_usage_page():
    """Every command has a doc/usage page whose title names it."""
    cmds = commands()
    assert {'virtio', 'md', 'help', 'zipl'} <= set(cmds), cmds
    documented = set()
    for page in (ROOT / 'doc/usage').glob('*.md'):
        documented.update(page_names(page))
    missing = {n: f for n, f in cmds.items() if n not in documented}
    assert not missing, f'commands without a doc/usage page: {missing}'


def test_readme_two_commands():
    """README.md's "The two commands" block holds exactly `make qemu`
    and `make check`."""
    text = (ROOT / 'README.md').read_text()
    m = re.search(r'^## The two commands\n+```\n(.*?)```', text,
                  re.M | re.S)
    assert m, 'README.md has no "## The two commands" code block'
    cmds = [line.split('#')[0].strip() for line in m.group(1).splitlines()]
    assert [c for c in cmds if c] == ['make qemu', 'make check']


def test_ci_runs_make_check():
    """.ci/run runs `make check` (the README's test command)."""
    lines = [line.split('#')[0].strip()
             for line in (ROOT / '.ci/run').read_text().splitlines()]
    assert any(re.fullmatch(r'(exec\s+)?make\s+check', line)
               for line in lines), lines
