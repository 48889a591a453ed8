# SPDX-License-Identifier: GPL-2.0-or-later
"""The differential test: the same command lines typed into Debian's U-Boot
2023.01 (u-boot-qemu's qemu_arm64 u-boot.bin) and into virtboot qemu-arm64,
on the same QEMU machine with the same disks and network, outputs and `$?`
compared line by line.

The corpus is test/diff/*.txt: one file a group, each group on a fresh
boot of both firmwares. A line starting with `#@` sets the group up
(`#@ net`: one virtio-net-pci card on QEMU's user network whose TFTP
folder holds small.bin); other `#` lines are comments; every other line
is typed as it is, then `echo $?`.

Outputs are compared after the normalisation doc/develop/u-boot-compat.md
describes (NORMALISE below: times, transfer rates, the TFTP progress
marks). A difference that remains must be listed in that page's table,
which this test reads: a listed difference that has gone away fails the
test too, so the table stays true.
"""

import random
import re
import shutil
from pathlib import Path

import pytest

from boards import qemu_arm64, uboot_qemu_arm64
from harness import Console, Disk
from harness.fsimg import ext_image, fat_image, iso_image, partitioned_disk

pytestmark = pytest.mark.boards('qemu-arm64')

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / 'test' / 'diff'
COMPAT = REPO / 'doc' / 'develop' / 'u-boot-compat.md'
UBOOT = Path('/usr/lib/u-boot/qemu_arm64/u-boot.bin')

# What is not the firmware's behaviour but the moment's
NORMALISE = [
    (re.compile(r'\(\d+ ms\)'), '(N ms)'),
    # U-Boot leaves the rate out when the time rounds to 0 ms
    (re.compile(r'read in \d+ ms( \([^)]*\))?'), 'read in N ms'),
    (re.compile(r'written in \d+ ms( \([^)]*\))?'), 'written in N ms'),
    (re.compile(r'\d+(\.\d+)? [KMG]?i?B/s'), 'R/s'),
    (re.compile(r'^Loading: .*$', re.M), 'Loading: <progress>'),
    # bdinfo: where each firmware put itself and its device tree
    (re.compile(r'^(flashoffset|relocaddr|reloc off|fdt_blob|new_fdt|'
                r'fdt_size|TLB addr|irq_sp|sp start) *= 0x[0-9a-f]+$',
                re.M), lambda m: f'{m.group(1):12}= 0x<address>'),
    # the memory map: the firmware's own ranges differ
    (re.compile(r'^lmb_dump_all:\n(?: .*\n?)*', re.M),
     'lmb_dump_all:\n <map>\n'),
]


def normalise(text):
    for pattern, repl in NORMALISE:
        text = pattern.sub(repl, text)
    return text


def read_corpus():
    """{file name: (set-up words, [command lines])}"""
    groups = {}
    for path in sorted(CORPUS.glob('*.txt')):
        setup, lines = [], []
        for line in path.read_text().splitlines():
            if line.startswith('#@'):
                setup += line[2:].split()
            elif line.strip() and not line.startswith('#'):
                lines.append(line)
        groups[path.name] = (setup, lines)
    return groups


def read_compat():
    """The table of doc/develop/u-boot-compat.md:
    {(file, command): (virtboot text, U-Boot text, reason)}; a command
    '*' stands for every line of the file (of every file with the file
    '*.txt'), empty texts for 'the line may differ in any way'."""
    rows = {}
    for line in COMPAT.read_text().splitlines():
        cells = [c.strip().replace('\\|', '|').replace('\\n', '\n')
                 for c in re.split(r'(?<!\\)\|', line.strip().strip('|'))]
        if len(cells) != 5 or not cells[0].startswith('`') or \
                not cells[0].endswith('.txt`'):
            continue
        unquote = [c[1:-1] if c.startswith('`') and c.endswith('`') else
                   '' if c == '—' else c for c in cells]
        key = unquote[1]
        if key == '*':		# several rows may stand for every line
            key = f'*{sum(k[1].startswith("*") for k in rows)}'
        rows[(unquote[0], key)] = (unquote[2], unquote[3], cells[4])
    return rows


def net_folder(tmp):
    folder = tmp / 'tftp'
    folder.mkdir()
    (folder / 'small.bin').write_bytes(random.Random(7).randbytes(100000))
    return folder


def disk_image(tmp):
    """GPT: a FAT16 partition and an ext4 one holding the same small tree
    (files of fixed contents, a folder, a symlink on ext4), 40 MiB."""
    tree = tmp / 'tree'
    (tree / 'dir').mkdir(parents=True)
    (tree / 'hello.txt').write_text('hello from the disk\n')
    (tree / 'dir' / 'sub.txt').write_text('in a folder\n')
    (tree / 'big.bin').write_bytes(random.Random(3).randbytes(70000))
    (tree / 'empty').write_bytes(b'')
    fat = tmp / 'p1.img'
    fat_image(fat, tree, 16 << 20, 16)
    (tree / 'link').symlink_to('hello.txt')
    ext = tmp / 'p2.img'
    ext_image(ext, tree, 16 << 20)
    disk = tmp / 'disk.img'
    partitioned_disk(disk, [(fat, '0700'), (ext, '8300')], size=40 << 20)
    return disk


def iso_disk(tmp):
    """An installer-style ISO (xorriso): Rock Ridge and Joliet, its El
    Torito no-emulation image a FAT12 filesystem (mkfs.vfat, mcopy)."""
    tree, efi = tmp / 'isotree', tmp / 'efitree'
    (tree / 'boot').mkdir(parents=True)
    (efi / 'EFI').mkdir(parents=True)
    (tree / 'boot' / 'hello.txt').write_text('hello from the ISO\n')
    (efi / 'EFI' / 'boot.txt').write_text('in the El Torito image\n')
    fat_image(tree / 'boot' / 'efi.img', efi, 1440 << 10, 12)
    disk = tmp / 'disk.iso'
    iso_image(disk, tree, extra=('-b', 'boot/efi.img', '-no-emul-boot'))
    return disk


def run_group(plugin, binary, setup, lines, tmp, log, disk=None):
    args, disks = [], []
    if 'net' in setup:
        args += qemu_arm64.net_args(f'user,tftp={net_folder(tmp)}')
    if disk:
        # each firmware its own copy: a group may write
        copy = tmp / 'disk.img'
        shutil.copyfile(disk, copy)
        disks.append(Disk(copy))
    argv = plugin.command(binary, disks, args)
    con = Console(plugin, argv, log, timeout=60, boot_timeout=60).start()
    results = []
    try:
        for line in lines:
            out = con.run_command(line)
            status = con.run_command('echo $?')
            results.append((normalise(out), status))
    finally:
        con.close()
    return results


GROUPS = read_corpus()


@pytest.mark.parametrize('name', list(GROUPS))
def test_uboot_diff(board, console_log, tmp_path, name):
    """Every line of one corpus file: the same output and status as
    U-Boot's, or a difference the compat table lists."""
    if not UBOOT.exists():
        pytest.fail(f'{UBOOT} is missing: run scripts/setup (u-boot-qemu)',
                    pytrace=False)
    setup, lines = GROUPS[name]
    (tmp_path / 'v').mkdir()
    (tmp_path / 'u').mkdir()
    disk = disk_image(tmp_path) if 'disk' in setup else \
        iso_disk(tmp_path) if 'iso' in setup else None
    ours = run_group(board.plugin, board.bin, setup, lines, tmp_path / 'v',
                     console_log, disk)
    theirs = run_group(uboot_qemu_arm64, UBOOT, setup, lines,
                       tmp_path / 'u', console_log, disk)
    compat = read_compat()
    # rows for every line of this file, then for every line of every file
    stars = [(v, k[0] == '*.txt') for k, v in compat.items()
             if k[0] in (name, '*.txt') and k[1].startswith('*')]
    unlisted, stale = [], []
    stars_used, u_seen = set(), set()
    for line, (v_out, v_st), (u_out, u_st) in zip(lines, ours, theirs):
        for i, (star, _) in enumerate(stars):
            if star[1] and star[1] in u_out:
                u_seen.add(i)
            if star[0] in v_out:
                stars_used.add(i)
                v_out = v_out.replace(star[0], star[1])
        row = compat.get((name, line))
        same = v_out == u_out and v_st == u_st
        if row and (same or (row[0] and row[0] not in v_out)):
            stale.append(line)
        if row and row[0]:
            v_out = v_out.replace(row[0], row[1])
            same = v_out == u_out and v_st == u_st
        if not same and not (row and not row[0]):
            unlisted.append(f'{line!r}:\n  virtboot ($?={v_st}): {v_out!r}\n'
                            f'  U-Boot   ($?={u_st}): {u_out!r}')
    for i, (star, every_file) in enumerate(stars):
        # a row for every file is stale where U-Boot shows its text and
        # virtboot no longer shows its own
        if i not in stars_used and (not every_file or i in u_seen):
            stale.append(f'* ({star[0]!r})')
    problems = []
    if unlisted:
        problems.append(f'{len(unlisted)} unlisted differences '
                        f'(doc/develop/u-boot-compat.md):\n' +
                        '\n'.join(unlisted))
    if stale:
        problems.append('listed but no longer different: ' +
                        ', '.join(repr(s) for s in stale))
    assert not problems, '\n'.join(problems)
