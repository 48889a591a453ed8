#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""`tftpboot` of a 64 MiB file: virtboot against U-Boot on qemu-arm64.

    /usr/bin/python3 test/bench/bench-net-tftp.py [--runs N]
        [--virtboot build/qemu-arm64/virtboot.bin]
        [--uboot /usr/lib/u-boot/qemu_arm64/u-boot.bin]

Both firmwares get the same machine: virtio-net-pci (no option ROM) on
QEMU's user network, whose built-in TFTP server serves a folder holding
64 MiB of random bytes. After `dhcp` (autoload off), the same
`tftpboot 48000000 10.0.2.2:big.bin` with `tftpblocksize` 1468 (the
largest block that fits one Ethernet frame, what U-Boot's lwIP uses) is
timed from the host; the CRC of what landed in memory is checked. The
table gives the medians, the ratio virtboot / U-Boot and the issue's
target (<= 1.0).

Two more rows load 16 MiB from a TFTP server on 127.0.0.1 (netsrv.py's,
which knows RFC 7440's windowsize; slirp's does not), which the guest
reaches as 10.0.2.2:PORT (`tftpdstp` on U-Boot 2023.01): `win1` with
`tftpwindowsize` 1, `win16` with 16. Their ratio is the speed-up windowsize gives; the server is Python,
so its own time per packet counts in both.
"""

import argparse
import os
import sys
import tempfile
import zlib
from pathlib import Path

from benchlib import (Firmware, log_run, medians, print_ratios, record_rows,
                      rounds)

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / 'test/py/tests'))
import netsrv  # noqa: E402

KEYS = ['dhcp', 'tftp64', 'win1', 'win16']
TARGETS = {'tftp64': 1.0}
ADDR = '48000000'


def qemu_argv(bios, folder):
    return ['qemu-system-aarch64', '-M', 'virt', '-cpu', 'cortex-a57',
            '-m', '1G', '-nographic', '-bios', str(bios),
            '-netdev', f'user,id=n0,tftp={folder}',
            '-device', 'virtio-net-pci,netdev=n0,romfile=']


def run_once(bios, folder, crc, name, port, crc16):
    res = {}
    fw = Firmware(qemu_argv(bios, folder), res)
    w, c, out = fw.cmd('setenv autoload no; dhcp')
    if '10.0.2.15' not in out:
        raise RuntimeError(f'{name}: dhcp: {out!r}')
    res['dhcp'] = (w, c)
    fw.cmd('setenv tftpblocksize 1468')
    w, c, out = fw.cmd(f'tftpboot {ADDR} 10.0.2.2:big.bin')
    if 'Bytes transferred = 67108864' not in out:
        raise RuntimeError(f'{name}: tftpboot: {out[-300:]!r}')
    res['tftp64'] = (w, c)
    _, _, out = fw.cmd(f'crc32 {ADDR} 4000000')
    if f'{crc:08x}' not in out:
        raise RuntimeError(f'{name}: wrong data: {out!r}')
    for key, win in (('win1', 1), ('win16', 16)):
        fw.cmd(f'setenv tftpwindowsize {win}; mw {ADDR} 0 100')
        # U-Boot 2023.01 takes the port from tftpdstp, virtboot from
        # the file name
        if name == 'U-Boot':
            fw.cmd(f'setenv tftpdstp {port}')
            w, c, out = fw.cmd(f'tftpboot {ADDR} 10.0.2.2:mid.bin')
        else:
            w, c, out = fw.cmd(f'tftpboot {ADDR} 10.0.2.2:{port}:mid.bin')
        if 'Bytes transferred = 16777216' not in out:
            raise RuntimeError(f'{name}: {key}: {out[-300:]!r}')
        res[key] = (w, c)
        _, _, out = fw.cmd(f'crc32 {ADDR} 1000000')
        if f'{crc16:08x}' not in out:
            raise RuntimeError(f'{name}: {key}: wrong data: {out!r}')
    fw.close()
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--virtboot',
                    default=REPO / 'build/qemu-arm64/virtboot.bin')
    ap.add_argument('--uboot', default='/usr/lib/u-boot/qemu_arm64/u-boot.bin')
    args = ap.parse_args()
    bins = {'virtboot': Path(args.virtboot), 'U-Boot': Path(args.uboot)}
    for name, path in bins.items():
        if not path.exists():
            sys.exit(f'{name}: {path} does not exist')

    with tempfile.TemporaryDirectory() as tmp:
        data = os.urandom(64 << 20)
        (Path(tmp) / 'big.bin').write_bytes(data)
        (Path(tmp) / 'mid.bin').write_bytes(data[:16 << 20])
        crc = zlib.crc32(data)
        crc16 = zlib.crc32(data[:16 << 20])
        srv = netsrv.TftpServer(tmp).start()
        results = {name: [] for name in bins}
        try:
            for run, name in rounds(bins, args.runs):
                results[name].append(run_once(bins[name], tmp, crc, name,
                                              srv.port, crc16))
                log_run(f'run {run + 1} {name}', results[name][-1])
        finally:
            srv.stop()

    med = {n: medians(rs, KEYS) for n, rs in results.items()}
    print_ratios(f'qemu-arm64, tftpboot of 64 MiB over QEMU user network '
                 f'(virtio-net-pci), median of {args.runs} runs',
                 med['virtboot'], med['U-Boot'], list(bins), KEYS, TARGETS)
    record_rows('qemu-arm64 network (virtio-net-pci)', results, list(bins),
                {'dhcp': 'dhcp', 'tftp64': 'tftpboot 64 MiB (slirp)',
                 'win1': 'tftpboot 16 MiB, windowsize 1',
                 'win16': 'tftpboot 16 MiB, windowsize 16'}, TARGETS)
    for name in bins:
        w1, w16 = med[name]['win1'][0], med[name]['win16'][0]
        print(f'{name}: windowsize 16 against 1 on the local server: '
              f'{w1 / w16:.2f}x as fast ({w1:.3f} s -> {w16:.3f} s)')


if __name__ == '__main__':
    main()
