# SPDX-License-Identifier: GPL-2.0-or-later
"""The qemu-s390x boot stub's DEFLATE decoder (lib/inflate.c)
against zlib, on the host: built with ASan and UBSan into a small driver
(s390_inflate_host.c) that runs every case in buffers of exactly the
given sizes.

- Every stream zlib makes must decode to its input: every level, every
  strategy, window sizes 2^9 to 2^15, memory levels, sync and full
  flushes (empty stored blocks) in the middle, on data with long and
  short matches, overlapping copies (distance 1 to 7), stored and fixed
  blocks, the firmware image itself.
- A stream cut short anywhere must be refused; one with a byte too little
  room for its output too.
- Corrupted streams (bit flips, random bytes, overwritten runs) must not
  access memory outside the buffers (ASan) nor hang (the timeout); when
  zlib accepts one, the decoder must give zlib's output.

Runs with a board built with the stub (CONFIG_S390_COMPRESS: qemu-s390x);
it needs no QEMU.
"""

import random
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

pytestmark = pytest.mark.buildconfigspec('s390_compress')

ROOT = Path(__file__).resolve().parents[3]
DRIVER = Path(__file__).resolve().parent / 's390_inflate_host.c'
STRATEGIES = (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY,
              zlib.Z_RLE, zlib.Z_FIXED)


@pytest.fixture(scope='module')
def driver(tmp_path_factory):
    cc = shutil.which('clang') or shutil.which('gcc')
    tmp = tmp_path_factory.mktemp('inflate')
    san = ['-fsanitize=address,undefined', '-fno-sanitize-recover=all',
           '-g', '-O1', '-Wall', '-Werror']
    inc = subprocess.run([cc, '-print-file-name=include'], check=True,
                         capture_output=True, text=True).stdout.strip()
    obj = tmp / 'inflate.o'
    subprocess.run([cc, *san, '-std=gnu11', '-ffreestanding', '-fno-builtin',
                    '-fno-strict-aliasing', '-nostdinc', '-isystem', inc,
                    '-I', str(ROOT / 'include'), '-c', '-o', str(obj),
                    str(ROOT / 'lib' / 'inflate.c')], check=True)
    exe = tmp / 'inflate-host'
    subprocess.run([cc, *san, '-idirafter', str(ROOT / 'include'), '-o',
                    str(exe), str(DRIVER), str(obj)], check=True)
    return exe


def run(driver, cases, timeout=120):
    """[(src, dst_len[, history])] -> [return value or output bytes]."""
    blob = b''
    for src, dst_len, *hist in cases:
        hist = hist[0] if hist else b''
        blob += (struct.pack('>I', len(src)) + src +
                 struct.pack('>II', dst_len, len(hist)) + hist)
    p = subprocess.run([str(driver)], input=blob, capture_output=True,
                       timeout=timeout)
    assert p.returncode == 0, p.stderr.decode(errors='replace')[-3000:]
    out, pos, results = p.stdout, 0, []
    for _ in cases:
        ret, = struct.unpack_from('>q', out, pos)
        pos += 8
        if ret > 0:
            results.append(out[pos:pos + ret])
            pos += ret
        else:
            results.append(ret)
    assert pos == len(out)
    return results


def deflate(data, level=9, strategy=zlib.Z_DEFAULT_STRATEGY, wbits=15,
            mem=8, flush_every=0):
    c = zlib.compressobj(level, zlib.DEFLATED, -wbits, mem, strategy)
    if not flush_every:
        return c.compress(data) + c.flush()
    out = b''
    for i in range(0, len(data), flush_every):
        out += c.compress(data[i:i + flush_every])
        out += c.flush(zlib.Z_FULL_FLUSH if i % 2 else zlib.Z_SYNC_FLUSH)
    return out + c.flush()


def samples():
    rnd = random.Random(1)
    words = [bytes(rnd.choice(b'abcdefghij') for _ in range(rnd.randint(1, 9)))
             for _ in range(300)]
    text = b' '.join(rnd.choice(words) for _ in range(30000))
    runs = b''.join(bytes([rnd.randrange(4)]) * rnd.randint(1, 300)
                    for _ in range(400))
    # periods 1 to 12: copies that overlap their source
    periodic = b''.join(bytes(rnd.randrange(256) for _ in range(p)) *
                        rnd.randint(2, 60) for p in range(1, 13)
                        for _ in range(20))
    noise = rnd.randbytes(40000)
    mixed = b''.join(rnd.choice((text[:5000], noise[:3000], runs[:4000],
                                 periodic[:2000])) for _ in range(12))
    found = {'empty': b'', 'one': b'x', 'text': text, 'runs': runs,
             'periodic': periodic, 'noise': noise, 'mixed': mixed,
             'zeros': bytes(70000)}
    fw = ROOT / 'build' / 'qemu-s390x' / 'payload.z'
    if fw.exists():
        found['firmware'] = zlib.decompress(fw.read_bytes(), -15)
    return found


def deflate_hist(data, hist, level=9, strategy=zlib.Z_DEFAULT_STRATEGY):
    """Raw DEFLATE of @data with @hist as zlib's preset dictionary."""
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 8, strategy, zdict=hist)
    return c.compress(data) + c.flush()


def test_inflate_history(driver):
    """inflate_hist(): streams made with a preset dictionary (what the
    stub's cold code is) decode to their data, matches reaching as far
    back as the history allows; the history is read, never written; a
    history one byte too short is refused, never read before."""
    data = samples()
    cases, want = [], []
    for name in ('text', 'periodic', 'mixed'):
        body = data[name][:9000]
        for hist in (data['text'][-32768:], data['mixed'][:5000], body[:300]):
            for v in (dict(level=9), dict(level=1, strategy=zlib.Z_FIXED),
                      dict(level=6, strategy=zlib.Z_RLE)):
                cases.append((deflate_hist(body, hist, **v), len(body), hist))
                want.append(body)
    # the same data as its own history: matches everywhere in it
    body = data['mixed'][:20000]
    z = deflate_hist(body, body)
    cases.append((z, len(body), body))
    want.append(body)
    assert run(driver, cases) == want
    # a stream whose match reaches to the history's start: the shortest
    # history zlib decodes it with is the shortest the decoder takes
    hist = random.Random(3).randbytes(2048)
    z = deflate_hist(hist[:258], hist)
    assert len(z) < 16                  # a match from the history's start
    need = min(k for k in range(1, len(hist) + 1)
               if zlib_result(z, 258, hist[-k:]) == hist[:258])
    assert need > 2000
    far = run(driver, [(z, 258, hist[-need:]), (z, 258, hist[1 - need:])])
    assert far == [hist[:258], -1]


def test_inflate_firmware_cold_code():
    """The image's cold stream (build/qemu-s390x/payload.z.cold) is the
    cold code with the end of the first stream as its history, as the
    stub expands it (arch/s390/relr.py, stub_expand_cold())."""
    fw = ROOT / 'build' / 'qemu-s390x' / 'payload.z'
    first = zlib.decompress(fw.read_bytes(), -15)
    cold_z = Path(str(fw) + '.cold').read_bytes()
    assert cold_z, 'no cold stream: every function is in hot.txt?'
    d = zlib.decompressobj(-15, zdict=first[-32768:])
    cold = d.decompress(cold_z)
    assert d.eof and len(cold) > 64 << 10
    # without its history the stream is refused
    with pytest.raises(zlib.error):
        zlib.decompress(cold_z, -15)


def test_inflate_every_zlib_stream(driver):
    """Each level x strategy, window sizes, memory levels, flushes."""
    cases, want = [], []
    for name, data in samples().items():
        variants = [dict(level=lv, strategy=st) for lv in range(10)
                    for st in STRATEGIES]
        variants += [dict(wbits=w) for w in range(9, 15)]
        variants += [dict(mem=1), dict(mem=9, level=1),
                     dict(flush_every=777), dict(flush_every=5000, level=0)]
        for v in variants:
            cases.append((deflate(data, **v), len(data)))
            want.append((name, v, data))
    results = run(driver, cases, timeout=300)
    bad = [(name, v) for (name, v, data), got in zip(want, results)
           if got != (data if data else 0)]
    assert not bad, bad[:10]


def test_inflate_refuses_short_streams_and_room(driver):
    """Cut anywhere: refused. One byte too little room: refused."""
    data = samples()['mixed'][:20000]
    cases = []
    for v in (dict(level=9), dict(level=1, strategy=zlib.Z_FIXED),
              dict(level=0), dict(flush_every=3000)):
        z = deflate(data, **v)
        for cut in sorted({0, 1, 2, 3, 4, 5, len(z) // 2, len(z) - 2,
                           len(z) - 1}
                          | set(range(0, len(z), max(1, len(z) // 40)))):
            if cut < len(z):
                cases.append((z[:cut], len(data)))
        cases.append((z, len(data) - 1))
        cases.append((z + b'\xff' * 9, len(data)))
    results = run(driver, cases)
    assert results[:-1:1] != []
    for (src, room), got in zip(cases, results):
        if room == len(data) and src.endswith(b'\xff' * 9):
            assert got == data           # bytes after the stream: ignored
        else:
            assert got == -1, (len(src), room)


def zlib_result(src, room, hist=b''):
    """zlib's output for @src (made with preset dictionary @hist) if it
    decodes it whole within @room."""
    d = zlib.decompressobj(-15, zdict=hist) if hist else \
        zlib.decompressobj(-15)
    try:
        out = d.decompress(src, room + 1)
    except zlib.error:
        return None
    return out if d.eof and len(out) <= room else None


def test_inflate_corrupted_streams(driver):
    """Flipped bits, overwritten bytes, random input: no access outside
    the buffers, no hang; what zlib accepts decodes as zlib decodes it."""
    rnd = random.Random(7)
    data = samples()
    bases = [deflate(data['mixed'][:12000], level=9),
             deflate(data['periodic'][:8000], level=6, strategy=zlib.Z_RLE),
             deflate(data['text'][:6000], level=1, strategy=zlib.Z_FIXED),
             deflate(data['runs'][:5000], flush_every=1000)]
    cases = []
    for z in bases:
        for _ in range(600):
            b = bytearray(z)
            how = rnd.randrange(3)
            if how == 0:
                for _ in range(rnd.randint(1, 4)):
                    pos = rnd.randrange(len(b))
                    b[pos] ^= 1 << rnd.randrange(8)
            elif how == 1:
                pos = rnd.randrange(len(b))
                b[pos:pos + 8] = rnd.randbytes(8)
            else:
                pos = rnd.randrange(min(len(b), 40))
                b[pos] = rnd.randrange(256)
            cases.append((bytes(b), rnd.choice((12000, 4096, 100000))))
    for _ in range(400):
        cases.append((rnd.randbytes(rnd.randint(0, 3000)),
                      rnd.choice((0, 1, 5000, 100000))))
    results = run(driver, cases, timeout=300)
    accepted = 0
    for (src, room), got in zip(cases, results):
        assert got == -1 or got == 0 or len(got) <= room
        want = zlib_result(src, room)
        if want is not None:
            accepted += 1
            assert got == (want if want else 0), len(src)
    assert accepted > 10   # the comparison did happen
