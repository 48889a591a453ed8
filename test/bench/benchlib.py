# SPDX-License-Identifier: GPL-2.0-or-later
"""What the shell benchmarks of test/bench/ share: start a firmware in
QEMU, time its prompt and its commands from the host, run the firmwares
alternately, print medians and ratios.

Every time is taken twice: wall (host seconds) and cpu (user + system
seconds of the whole QEMU process, all its threads, from /proc/PID/stat).
The machine the benchmarks run on may be busy: wall time then grows for
whoever runs while it is, cpu time much less.

Every script also records its per-run samples through record() into the
results file $BENCH_RESULTS names (run-all.sh sets it; without it nothing
is written), from which plot.py draws the figure of doc/develop/.
"""

import json
import os
import statistics
import sys
import time

import pexpect

TICKS = os.sysconf('SC_CLK_TCK')


def cpu_seconds(pid):
    """User + system seconds used so far by process @pid."""
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


class Firmware:
    """A firmware with a U-Boot-like shell running in QEMU.

    Starting it stops the autoboot and records in @res 'prompt' (wall and
    cpu seconds from QEMU's start to the first prompt or autoboot line,
    whichever the firmware prints first).
    """

    def __init__(self, argv, res=None, cwd=None):
        t0 = time.monotonic()
        self.p = pexpect.spawn(argv[0], argv[1:], encoding='latin-1',
                               timeout=600, cwd=cwd)
        self.p.delaybeforesend = None
        first = True
        while True:
            i = self.p.expect(['=> ', 'Hit any key to stop autoboot'])
            if first and res is not None:
                res['prompt'] = (time.monotonic() - t0,
                                 cpu_seconds(self.p.pid))
            first = False
            if i == 0:
                break
            self.p.send(' ')

    def cmd(self, line):
        """Run @line; return (wall, cpu, output). Timed from the moment the
        line is sent to the next prompt: reading the echo first would
        start the clock late, or not at all when the echo and the end of
        a fast command reach the host together."""
        c = cpu_seconds(self.p.pid)
        t = time.monotonic()
        self.p.sendline(line)
        self.p.expect_exact(line)
        self.p.expect('\n=> ')
        return (time.monotonic() - t, cpu_seconds(self.p.pid) - c,
                self.p.before)

    def close(self):
        self.p.terminate(force=True)


def rounds(names, runs):
    """(run, name) for @runs rounds of every name in @names, the order
    reversed every other round so that no firmware always goes first."""
    for run in range(runs):
        order = list(names)
        if run % 2:
            order.reverse()
        for name in order:
            yield run, name


def medians(results, keys):
    """{key: (median wall, median cpu)} of a list of {key: (wall, cpu)}."""
    return {k: (statistics.median(r[k][0] for r in results),
                statistics.median(r[k][1] for r in results)) for k in keys}


def verdict(target, ratio):
    """'<= 0.5: met' or '... missed' ('-' without a target)."""
    if target is None:
        return '-'
    return f'<= {target:g}: {"met" if ratio <= target else "missed"}'


def print_ratios(title, ours, peer, names, keys, targets):
    """One table: each key's median wall time for both firmwares, the
    ratios ours / peer of wall and cpu time, and the target (on the wall
    ratio)."""
    a, b = names
    print(title)
    print(f'{"":10} {a:>10} {b:>10}  {"wall":>6} {"cpu":>6}  target')
    print(f'{"":10} {"wall s":>10} {"wall s":>10}  {"ratio":>6} {"ratio":>6}')
    for k in keys:
        (vw, vc), (uw, uc) = ours[k], peer[k]
        print(f'{k:10} {vw:10.3f} {uw:10.3f}  {vw / uw:6.2f} '
              f'{vc / uc if uc else float("nan"):6.2f}  '
              f'{verdict(targets.get(k), vw / uw)}')


def record(bench, measure, ours, peer, peer_samples, target=None,
           name='virtboot'):
    """Append one measure's per-run samples to the results file named by
    $BENCH_RESULTS, as one JSON line (nothing when it is not set).

    @bench names the benchmark (the figure groups its measures under it),
    @measure the row; @ours and @peer_samples are the samples of the two
    sides, the same number of each, sample i of both taken in the same
    round: (wall, cpu) pairs, or plain numbers for what has one value
    (a size, a time the firmware measured itself). @peer names the other
    side, @name ours (another virtboot path when virtboot is compared
    with itself); @target is the issue's target for the ratio ours /
    peer, if any.
    """
    path = os.environ.get('BENCH_RESULTS')
    if not path:
        return
    line = {'bench': bench, 'measure': measure, 'name': name,
            'virtboot': [list(s) if isinstance(s, tuple) else s
                         for s in ours],
            'peer': peer,
            'samples': [list(s) if isinstance(s, tuple) else s
                        for s in peer_samples],
            'target': target}
    with open(path, 'a') as f:
        f.write(json.dumps(line) + '\n')


def record_rows(bench, results, names, rows, targets):
    """record() each of @rows {key: measure} of the rounds() results
    @results {name: [{key: (wall, cpu)}]}, the two firmwares @names
    (virtboot first), with @targets {key: ratio}."""
    ours, peer = names
    for key, measure in rows.items():
        record(bench, measure, [r[key] for r in results[ours]], peer,
               [r[key] for r in results[peer]], targets.get(key))


def log_run(label, res):
    print(f'{label}: ' + ' '.join(f'{k}={w:.3f}s/{c:.2f}cpu'
                                  for k, (w, c) in res.items()),
          file=sys.stderr, flush=True)


# The warm 64 MiB read is timed over this many reads (one is too short)
READ64_N = 32


def virtio_read_rows(fw, res, name, crc, addr, clear_ends):
    """Time the virtio-blk rows on @fw's one 64 MiB disk (zlib CRC @crc)
    into @res: scan, read64c (the first whole-disk read), read64
    (READ64_N more, per read), read1x4k (4096 one-block reads in a nested shell loop).
    @addr is where the reads go, as the shell writes it; @clear_ends is
    the command that zeroes both ends of that area between the first
    read and the others, so that the CRC proves those reads too. @name
    names the firmware in errors."""
    hexd = '0 1 2 3 4 5 6 7 8 9 a b c d e f'
    loop = (f'for a in {hexd}; do for b in {hexd}; do for c in {hexd}; do '
            f'virtio read {addr} $a$b$c 1; done; done; done')
    read64 = f'virtio read {addr} 0 20000'

    def check_crc():
        _, _, out = fw.cmd(f'crc32 {addr} 4000000')
        if f'{crc:08x}' not in out:
            raise RuntimeError(f'{name}: wrong data: {out!r}, '
                               f'want {crc:08x}')

    def check_reads(out, n):
        if out.count('131072 blocks read: OK') != n:
            raise RuntimeError(f'{name}: read failed: {out!r}')

    w, c, _ = fw.cmd('virtio scan')
    res['scan'] = (w, c)
    w, c, out = fw.cmd(read64)
    check_reads(out, 1)
    res['read64c'] = (w, c)
    check_crc()
    fw.cmd(clear_ends)
    w, c, out = fw.cmd(f'for i in {" ".join(["x"] * READ64_N)}; '
                       f'do {read64}; done')
    check_reads(out, READ64_N)
    res['read64'] = (w / READ64_N, c / READ64_N)
    check_crc()
    w, c, out = fw.cmd(loop)
    if out.count('1 blocks read: OK') != 4096:
        raise RuntimeError(f'{name}: the loop did not do 4096 reads')
    res['read1x4k'] = (w, c)


def boot_to_init(argv, marker, cmdline):
    """Start QEMU (@argv) and wait for the Linux fixture's init: @marker,
    then the command line it prints, which must be @cmdline (else exit);
    return (wall, cpu) seconds from QEMU's start to the marker."""
    t0 = time.monotonic()
    p = pexpect.spawn(argv[0], argv[1:], encoding='latin-1', timeout=300)
    try:
        p.expect(marker)
        wall = time.monotonic() - t0
        cpu = cpu_seconds(p.pid)
        p.expect(r'cmdline: \[([^\]]*)\]')
        if p.match.group(1) != cmdline:
            sys.exit(f'wrong command line: {p.match.group(1)!r}')
        p.expect(pexpect.EOF, timeout=60)
    finally:
        if p.isalive():
            p.terminate(force=True)
        p.close()
    return wall, cpu


def alternate_boots(ways, runs, once):
    """Run each of @ways {name: argv} through @once(argv) -> (wall, cpu),
    alternating, @runs rounds, printing each; return {name: [(wall, cpu)]}
    and {name: (median wall, median cpu)}."""
    res = {k: [] for k in ways}
    for i in range(runs):
        for name, argv in ways.items():
            wall, cpu = once(argv)
            res[name].append((wall, cpu))
            print(f'run {i + 1} {name:13} wall {wall:6.2f} s  cpu {cpu:6.2f} s',
                  flush=True)
    med = {k: (statistics.median(w for w, _ in v),
               statistics.median(c for _, c in v)) for k, v in res.items()}
    return res, med
