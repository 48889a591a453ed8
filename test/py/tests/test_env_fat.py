# SPDX-License-Identifier: GPL-2.0-or-later
"""The environment in a file on a FAT partition, as U-Boot's ENV_IS_IN_FAT:
saveenv writes uboot.env (U-Boot's format: a CRC-32, then the variables,
CONFIG_ENV_SIZE bytes), the next power-on loads it; a bad CRC, a missing
file, partition or disk leave the default environment, with U-Boot's
lines.

The device is CONFIG_ENV_FAT_INTERFACE 0 (virtio on the QEMU boards, the
sandbox's --host device), partition auto: a GPT disk whose partition 1 is
FAT16 (partition 2 ext4).
"""

import os
import struct
import subprocess
import zlib

import pytest

from harness import Disk
from harness import fsimg

pytestmark = pytest.mark.buildconfigspec('env_is_in_fat')

MIB = 1 << 20
LOADING = 'Loading Environment from FAT... '


def mtools(*argv):
    env = dict(os.environ, MTOOLS_SKIP_CHECK='1')
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE)


class EnvDisk:
    """A GPT disk: FAT16 (or @first) in partition 1, ext4 in 2."""

    def __init__(self, board, tmp, first='fat', ro=False):
        self.tmp = tmp
        self.iface = board.config['CONFIG_ENV_FAT_INTERFACE'].strip('"')
        self.size = int(board.config['CONFIG_ENV_SIZE'], 16)
        tree = tmp / 'tree'
        tree.mkdir(exist_ok=True)
        (tree / 'hello.txt').write_text('hello\n')
        fat = tmp / 'p1.img'
        if first == 'fat':
            fsimg.fat_image(fat, tree, 16 * MIB, 16)
        else:
            fsimg.ext_image(fat, tree, 16 * MIB)
        fsimg.ext_image(tmp / 'p2.img', tree, 4 * MIB)
        self.path = tmp / 'disk.img'
        self.starts = fsimg.partitioned_disk(
            self.path, [(fat, '0700'), (tmp / 'p2.img', '8300')])
        self.disk = Disk(self.path, kind='host' if self.iface == 'host'
                         else 'blk', ro=ro)

    def _part(self):
        """Partition 1 as an image of its own (for mtools)."""
        part = self.tmp / 'part1.img'
        with open(self.path, 'rb') as f:
            f.seek(self.starts[0] * 512)
            part.write_bytes(f.read(16 * MIB))
        return part

    def _put_back(self, part):
        with open(self.path, 'r+b') as f:
            f.seek(self.starts[0] * 512)
            f.write(part.read_bytes())

    def read_env(self):
        """uboot.env as the host reads it, or None."""
        out = self.tmp / 'uboot.env'
        if out.exists():
            out.unlink()
        try:
            mtools('mcopy', '-n', '-i', str(self._part()), '::uboot.env',
                   str(out))
        except subprocess.CalledProcessError:
            return None
        return out.read_bytes()

    def write_env(self, data):
        """Put uboot.env (these bytes) on partition 1."""
        src = self.tmp / 'new.env'
        src.write_bytes(data)
        part = self._part()
        mtools('mcopy', '-o', '-i', str(part), str(src), '::uboot.env')
        self._put_back(part)

    def env_block(self, variables):
        """U-Boot's stored environment of these variables."""
        data = b''.join(f'{k}={v}'.encode() + b'\0'
                        for k, v in sorted(variables.items())) + b'\0'
        data = data.ljust(self.size - 4, b'\0')
        return struct.pack('<I', zlib.crc32(data)) + data


def loading_line(con):
    """The start-up line about the stored environment."""
    lines = [line for line in con.boot_output.splitlines()
             if line.startswith(LOADING)]
    assert len(lines) == 1, con.boot_output
    return lines[0][len(LOADING):]


def test_env_fat_no_disk(board, make_console):
    """No disk: U-Boot's line, the default environment; saveenv fails."""
    iface = board.config['CONFIG_ENV_FAT_INTERFACE'].strip('"')
    con = make_console()
    assert loading_line(con) == f'** Bad device specification {iface} 0 **'
    assert con.run_status('env info -d') == ('Default environment is used',
                                             0)
    assert con.run_status('saveenv') == (
        f'Saving Environment to FAT... ** Bad device specification {iface} '
        '0 **\nFailed (1)', 1)


def test_env_fat_save_load(board, make_console, tmp_path):
    """saveenv writes U-Boot's uboot.env; power-cycled, the variables are
    back ("OK"), env info says so; env save is saveenv."""
    d = EnvDisk(board, tmp_path)
    con = make_console([d.disk])
    assert loading_line(con) == \
        f'Unable to read "uboot.env" from {d.iface}0:1... '
    con.run_command("setenv myvar 'hello world'; setenv other 'a\\b'")
    assert con.run_status('saveenv') == ('Saving Environment to FAT... OK',
                                         0)
    data = d.read_env()
    assert len(data) == d.size
    assert struct.unpack('<I', data[:4])[0] == zlib.crc32(data[4:])
    assert b'\0myvar=hello world\0' in data
    assert b'\0other=a\\\\b\0' in data      # U-Boot's escape

    con.restart()
    assert loading_line(con) == 'OK'
    assert con.run_command('printenv myvar other').split('\n') == [
        'myvar=hello world', 'other=a\\b']
    assert con.run_status('env info -d') == (
        'Environment was loaded from persistent storage', 1)
    # a deleted variable stays deleted after the next save
    con.run_command('setenv myvar')
    assert con.run_status('env save') == ('Saving Environment to FAT... OK',
                                          0)
    con.restart()
    assert loading_line(con) == 'OK'
    assert con.run_status('printenv myvar') == (
        '## Error: "myvar" not defined', 1)
    assert con.run_command('printenv other') == 'other=a\\b'


def test_env_fat_from_host(board, make_console, tmp_path):
    """A uboot.env made on the host in U-Boot's format is loaded whole: the
    file's environment replaces the default one ('ver' set again)."""
    d = EnvDisk(board, tmp_path)
    d.write_env(d.env_block({'bootdelay': '-1', 'fromhost': 'yes',
                             'loadaddr': '1234'}))
    con = make_console([d.disk])
    assert loading_line(con) == 'OK'
    assert con.run_command('printenv fromhost loadaddr').split('\n') == [
        'fromhost=yes', 'loadaddr=1234']
    assert con.run_status('printenv kernel_addr_r')[1] == 1
    assert con.run_command('printenv ver').startswith('ver=virtboot ')


def test_env_fat_bad_crc(board, make_console, tmp_path):
    """A uboot.env whose CRC does not match: U-Boot's warning, the default
    environment, and saveenv writes a good one."""
    d = EnvDisk(board, tmp_path)
    block = bytearray(d.env_block({'bad': 'yes'}))
    block[10] ^= 1
    d.write_env(bytes(block))
    con = make_console([d.disk])
    assert loading_line(con) == \
        '*** Warning - bad CRC, using default environment'
    assert con.run_status('printenv bad')[1] == 1
    assert con.run_status('env info -d') == ('Default environment is used',
                                             0)
    assert con.run_status('saveenv')[1] == 0
    data = d.read_env()
    assert struct.unpack('<I', data[:4])[0] == zlib.crc32(data[4:])


def test_env_fat_not_fat(board, make_console, tmp_path):
    """Partition 1 is ext4: U-Boot's line at start-up and in saveenv."""
    d = EnvDisk(board, tmp_path, first='ext4')
    con = make_console([d.disk])
    assert loading_line(con) == f'Unable to use {d.iface} 0:1...'
    assert con.run_status('saveenv') == (
        f'Saving Environment to FAT... Unable to use {d.iface} 0:1...\n'
        'Failed (1)', 1)


@pytest.mark.boards('qemu-arm64')     # (the sandbox's --host cannot be ro)
def test_env_fat_read_only(board, make_console, tmp_path):
    """A read-only disk: loaded, but saveenv fails with the reason and
    U-Boot's lines."""
    d = EnvDisk(board, tmp_path, ro=True)
    d.write_env(d.env_block({'ro': 'yes'}))
    con = make_console([d.disk])
    assert loading_line(con) == 'OK'
    assert con.run_status('saveenv') == (
        'Saving Environment to FAT... FAT: the device is read-only\n'
        f'Unable to write "uboot.env" from {d.iface}0:1...\nFailed (1)', 1)
