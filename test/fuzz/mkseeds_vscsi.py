#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Make the seeds of test/fuzz/corpus/vscsi/ (input format: the header
comment of test/fuzz/fuzz_vscsi.c).

    test/fuzz/mkseeds_vscsi.py test/fuzz/corpus/vscsi
"""

import struct
import sys
from pathlib import Path

# Transport byte: VERSION_1, config writable, 16-entry queues
TRANSPORT = 0x01 | 0x02 | (4 << 3)

# Response codes
OK, OVERRUN, ABORTED, BAD_TARGET, RESET, BUSY = 0, 1, 2, 3, 4, 5
TRANSPORT_FAILURE, TARGET_FAILURE, NEXUS_FAILURE, FAILURE = 6, 7, 8, 9
INCORRECT_LUN = 12

# dma_dir
TO_DEV, FROM_DEV, NONE = 1, 2, 3


def config(num_queues=1, seg_max=126, max_sectors=0xffff, sense_size=96,
           cdb_size=32, max_target=3, max_lun=7):
    """struct virtio_scsi_config, little-endian."""
    return struct.pack('<IIIIIIIHHI', num_queues, seg_max, max_sectors, 128,
                       16, sense_size, cdb_size, 0, max_target, max_lun)


def head(transport=TRANSPORT, fail=0, **cfg):
    return bytes([transport, fail]) + config(**cfg)


def cmd(dma=FROM_DEV, opcode=0x28, datalen=2, cdb=1, target=0, lun=0,
        extra=b''):
    """One command: datalen class 2 is 512 bytes, cdb class 1 is 10 bytes
    (class 3: the length is the first byte of @extra)."""
    c0 = dma | cdb << 3 | datalen << 5
    return bytes([c0, opcode, target, lun & 0xff, lun >> 8]) + extra


def good(j=0):
    """The device completes pending chain j well."""
    return bytes([2 | j << 3])


def answer(response, status=0, sense=0, resid=0, used=0, j=0, extra=b''):
    """The device completes pending chain j with these fields."""
    return bytes([4 | j << 3, response, status, sense, resid, used]) + extra


def exec1(c, *answers):
    return b'\0' + c + b''.join(answers)


def multi(cmds, *answers):
    return bytes([1 | (len(cmds) - 1) << 2]) + b''.join(cmds) + \
        b''.join(answers)


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    read = cmd()
    seeds = {
        'good-read': head() + exec1(read, good()),
        'good-write': head() + exec1(cmd(dma=TO_DEV, opcode=0x2a), good()),
        'no-data': head() + exec1(cmd(dma=NONE, opcode=0, datalen=0),
                                  good()),
        # CHECK CONDITION with 18 bytes of sense
        'check-condition': head() + exec1(read, answer(OK, 2, 18)),
        # sense_len 200 (more than sense_size and the 64-byte sense_buf)
        'sense-too-long': head() + exec1(
            read, answer(OK, 2, 0x80 | 96, extra=struct.pack('<I', 200))),
        # a device that keeps its sense_size of 8 (config not writable)
        # and says sense_len 96: cut to 8, not to the 64-byte sense_buf
        # (catalogue #78)
        'sense-size-small': head(transport=0x01 | (4 << 3), sense_size=8) +
        exec1(read, answer(OK, 2, 0x80 | 18, extra=struct.pack('<I', 96))),
        # resid datalen + 1 + 7
        'resid-past-datalen': head() + exec1(read, answer(OK, 0, 0, 3,
                                                          extra=b'\7')),
        # used length 5: shorter than the response header
        'short-used-len': head() + exec1(read, answer(OK, used=2 | 5 << 3)),
        'zero-used-len': head() + exec1(read, answer(OK, used=1)),
        'used-len-past-chain': head() + exec1(read, answer(OK, used=4)),
        # a CDB longer than scsi_cmd.cmd[] (16) but not than cdb_size (32):
        # refused, not padded from what follows cmd[] (a finding)
        'cmdlen-past-cmd': head() + exec1(cmd(cdb=3, extra=b'\x1c'), good()),
        'wrong-id': head() + exec1(read, bytes([6, 9, 0, 0])) +
        exec1(read, good()),
        # the device never answers: timeout, reset, the next one works
        'never-complete': head() + exec1(read, b'\1') + exec1(read, good()),
        # five commands, answered out of order, one BUSY then retried
        'multi-batch': head() + multi(
            [cmd(), cmd(dma=TO_DEV, opcode=0x2a), cmd(lun=1),
             cmd(target=2), cmd(dma=NONE, opcode=0, datalen=0)],
            good(4), answer(BUSY, j=1), good(2), good(0), good(0),
            good(0)),
        # status BUSY with sense, then GOOD: the retry's result only, not
        # the first try's sense (a finding)
        'busy-sense-then-good': head() + exec1(read, answer(OK, 0x08, 2),
                                               good()),
        'bus-reset': head() + b'\2' + good() * 4,
        'reprobe': head() + b'\3' + exec1(read, good()),
        # the second reset (the host's removal) sticks: the removal must
        # still succeed, not leave a host whose state is freed (a finding)
        'remove-reset-stuck': head(fail=2) + b'\3' + exec1(read, good()),
        # 2-entry queues: no room for a command, refused at probe without
        # a leak (a finding)
        'queue-too-small': head(transport=0x03 | (1 << 3)) + exec1(read),
        'bad-config-zero': head(num_queues=0, max_target=0, max_lun=0,
                                cdb_size=0, sense_size=0) + exec1(read),
        'bad-config-huge': head(transport=0x01 | (4 << 3),
                                max_target=0xffff, max_lun=0xffffffff,
                                cdb_size=0xffffffff, sense_size=200) +
        exec1(read),
        'legacy-reset-stuck': head(transport=0x02 | (4 << 3), fail=2) +
        exec1(read, b'\1') + exec1(read),
    }
    for code, name in ((OVERRUN, 'overrun'), (ABORTED, 'aborted'),
                       (BAD_TARGET, 'bad-target'), (RESET, 'reset'),
                       (BUSY, 'busy'),
                       (TRANSPORT_FAILURE, 'transport-failure'),
                       (TARGET_FAILURE, 'target-failure'),
                       (NEXUS_FAILURE, 'nexus-failure'),
                       (FAILURE, 'failure'),
                       (INCORRECT_LUN, 'incorrect-lun'), (0x7f, 'garbage')):
        # BUSY and RESET are tried three times
        tries = 3 if code in (BUSY, RESET) else 1
        seeds['response-' + name] = head() + exec1(read,
                                                   *[answer(code)] * tries)
    for name, data in seeds.items():
        (out / ('seed-' + name)).write_bytes(data)


if __name__ == '__main__':
    main()
