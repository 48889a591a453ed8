# SPDX-License-Identifier: GPL-2.0-or-later
"""Make the qemu-s390x -bios image from the linked static PIEs.

QEMU loads only the PT_LOAD segments of the -bios ELF and applies no
relocations, so start.S relocates the image itself. Its R_390_RELATIVE
relocations (24 bytes each in .rela.dyn) are packed here into the RELR
format (one 64-bit word per run of up to 63 pointers), written where
.rela.dyn was, the last contents of the loaded segment; the image file is
cut after them. The output ELF has the program headers QEMU reads and no
section headers (build/qemu-s390x/virtboot keeps everything for gdb).

RELR (as in ELF gABI proposals and glibc): an even word is the link
address of a pointer to relocate, the next pointer goes 8 bytes further;
an odd word is a bitmap for the 63 pointers that follow: bit i set means
relocate the pointer at where + (i - 1) * 8, then where advances by
63 * 8. A 0 word ends the table. Relocating adds the load base to the
pointer, so each relocation's addend is stored in place first.

Checks that fail the build: a dynamic relocation other than
R_390_RELATIVE, contents after .rela.dyn in the loaded segment, an image
(with .bss) larger than QEMU's BIOS_MAX_SIZE (2 MiB), a compressed image
(stub mode) whose file is over its 64 KiB target.

With CONFIG_S390_COMPRESS the firmware itself is the payload of a boot
stub (arch/s390/stub/): "payload" mode writes its loaded bytes, relocation
table included, as raw DEFLATE (the dynamic linker's tables zeroed: no
one reads them), and "stub" mode makes the -bios ELF from
the linked stub, which must have no relocation at all.

usage: relr.py elf|payload|stub IN_ELF OUT [IMAGE_MAX]
"""

import ctypes
import struct
import sys
import zlib

R_390_RELATIVE = 12
PT_LOAD = 1
SHT_RELA = 4
SHT_NOBITS = 8
BIOS_MAX_SIZE = 2 << 20
STUB_IMAGE_MAX = 96 << 10	# the compressed image's limit, unless given


class Elf:
    def __init__(self, data):
        self.data = bytearray(data)
        if data[:4] != b'\x7fELF' or data[4] != 2 or data[5] != 2:
            raise SystemExit('relr.py: not a 64-bit big-endian ELF')
        (self.e_phoff, self.e_shoff, _, _, self.e_phentsize, self.e_phnum,
         self.e_shentsize, self.e_shnum, self.e_shstrndx) = \
            struct.unpack_from('>QQIHHHHHH', data, 32)
        self.phdrs = [list(struct.unpack_from('>IIQQQQQQ', data,
                                              self.e_phoff + i * 56))
                      for i in range(self.e_phnum)]
        self.shdrs = [struct.unpack_from('>IIQQQQIIQQ', data,
                                         self.e_shoff + i * 64)
                      for i in range(self.e_shnum)]
        strtab = self.shdrs[self.e_shstrndx]
        self.names = []
        for sh in self.shdrs:
            end = data.index(b'\0', strtab[4] + sh[0])
            self.names.append(data[strtab[4] + sh[0]:end].decode())

    def section(self, name):
        return self.shdrs[self.names.index(name)]

    def file_offset(self, addr):
        for ph in self.phdrs:
            if ph[0] == PT_LOAD and ph[3] <= addr < ph[3] + ph[6]:
                return ph[2] + addr - ph[3]
        raise SystemExit(f'relr.py: address {addr:#x} is not in the file')


def relr_encode(addrs):
    words = []
    addrs = sorted(addrs)
    i = 0
    while i < len(addrs):
        where = addrs[i]
        words.append(where)
        where += 8
        i += 1
        while True:
            bitmap = 0
            while i < len(addrs) and where <= addrs[i] < where + 63 * 8 and \
                    (addrs[i] - where) % 8 == 0:
                bitmap |= 1 << ((addrs[i] - where) // 8 + 1)
                i += 1
            if not bitmap:
                break
            words.append(bitmap | 1)
            where += 63 * 8
    words.append(0)
    return words


def pack_relocations(elf):
    """Pack .rela.dyn into RELR in place; return the PT_LOAD headers."""
    rela = elf.section('.rela.dyn')
    r_off, r_size = rela[4], rela[5]
    addrs = []
    for pos in range(r_off, r_off + r_size, 24):
        offset, info, addend = struct.unpack_from('>QQq', elf.data, pos)
        if info & 0xffffffff != R_390_RELATIVE:
            raise SystemExit(f'relr.py: relocation type {info & 0xffffffff} '
                             f'at {offset:#x}: start.S applies only '
                             'R_390_RELATIVE')
        if offset % 8:
            raise SystemExit(f'relr.py: unaligned pointer at {offset:#x}')
        struct.pack_into('>Q', elf.data, elf.file_offset(offset), addend)
        addrs.append(offset)
    blob = b''.join(struct.pack('>Q', w) for w in relr_encode(addrs))
    if len(blob) > r_size:
        raise SystemExit('relr.py: the packed table does not fit')

    seg = None
    for ph in elf.phdrs:
        if ph[0] == PT_LOAD and ph[3] <= rela[3] < ph[3] + ph[5]:
            seg = ph
    if seg is None:
        raise SystemExit('relr.py: .rela.dyn is not loaded')
    elf.data[r_off:r_off + r_size] = blob + bytes(r_size - len(blob))
    elf.reloc_addrs = addrs
    # The file ends with the table when nothing follows it (no code split)
    if rela[3] + r_size == seg[3] + seg[5]:
        seg[5] = rela[3] + len(blob) - seg[3]
    return [ph for ph in elf.phdrs if ph[0] == PT_LOAD]


def check_size(loads):
    top = max(ph[3] + ph[6] for ph in loads)
    if top > BIOS_MAX_SIZE:
        raise SystemExit(f'relr.py: the image needs {top:#x} bytes, QEMU '
                         f'gives {BIOS_MAX_SIZE:#x}')
    return top


def write_elf(elf, loads, dst, max_size=0):
    """A new file: ELF header, the PT_LOAD headers, their contents;
    refused if it is over @max_size bytes (0: no limit)."""
    out = bytearray(elf.data[:64])
    phoff = 64
    pos = phoff + 56 * len(loads)
    contents = []
    for ph in loads:
        align = 256
        if not ph[5]:
            # nothing in the file (.bss): any congruent offset will do,
            # and one that pads the file is 256 bytes of image size
            ph[2] = ph[3] % align
            continue
        pos += (ph[2] - pos) % align	# keep the offset congruent
        contents.append((pos, elf.data[ph[2]:ph[2] + ph[5]]))
        ph[2] = pos
        pos += ph[5]
    struct.pack_into('>QQ', out, 32, phoff, 0)		# e_phoff, e_shoff
    struct.pack_into('>HHHHH', out, 54, 56, len(loads), 64, 0, 0)
    for ph in loads:
        out += struct.pack('>IIQQQQQQ', *ph)
    for pos, data in contents:
        out += b'\0' * (pos - len(out))
        out += data
    if max_size and len(out) > max_size:
        raise SystemExit(f'relr.py: {dst} is {len(out)} bytes, over the '
                         f'{max_size} bytes allowed '
                         '(doc/develop/benchmarks.md)')
    open(dst, 'wb').write(out)


def deflate(raw, hist=0):
    """Raw DEFLATE of raw[hist:], with raw[:hist] as its history (zlib's
    preset dictionary, at most 32 KiB), by zopfli's library (Debian's
    libzopfli1, which the zopfli package brings): its encoder searches
    harder than zlib's level 9 and wrote a stream 3.7% smaller for this
    firmware (59,020 bytes against 61,276), which the stub inflates
    unchanged. The round trip is checked here."""
    try:
        lib = ctypes.CDLL('libzopfli.so.1')
    except OSError as e:
        raise SystemExit(f'relr.py: no zopfli library ({e}); '
                         'scripts/setup installs it')
    options = ctypes.create_string_buffer(64)	# ZopfliOptions: 6 ints
    lib.ZopfliInitOptions(options)
    bit = ctypes.c_ubyte(0)
    out = ctypes.POINTER(ctypes.c_ubyte)()
    size = ctypes.c_size_t(0)
    # ZopfliDeflatePart(options, btype 2 (dynamic codes, or what is
    # smaller), final, in, instart, inend, &bit, &out, &outsize)
    lib.ZopfliDeflatePart(options, 2, 1, ctypes.c_char_p(bytes(raw)),
                          ctypes.c_size_t(hist), ctypes.c_size_t(len(raw)),
                          ctypes.byref(bit), ctypes.byref(out),
                          ctypes.byref(size))
    data = ctypes.string_at(out, size.value)
    ctypes.CDLL(None).free(out)
    d = zlib.decompressobj(-15, zdict=bytes(raw[:hist])) if hist else \
        zlib.decompressobj(-15)
    if d.decompress(data) != raw[hist:] or not d.eof:
        raise SystemExit('relr.py: zopfli wrote a stream that does not '
                         'inflate to the firmware')
    return data


# What a dynamic linker reads; the static PIE relocates itself from the
# packed table, so nothing in the firmware does
DYNAMIC_SECTIONS = ('.dynsym', '.dynstr', '.hash', '.gnu.hash', '.dynamic')


def clear_dynamic(elf):
    """Zero the dynamic linker's tables: 1.4 KiB of symbols and strings
    that cost 270 bytes of the compressed image and nothing reads."""
    for name in DYNAMIC_SECTIONS:
        if name in elf.names:
            sh = elf.section(name)
            elf.data[sh[4]:sh[4] + sh[5]] = bytes(sh[5])


def cut_dynamic(elf, loads):
    """The stub: its dynamic linker's tables end its loaded segment
    (stub.lds); leave them out of the file (QEMU zero-fills the rest of
    the segment's memory), 270 bytes of the image."""
    cut = min((elf.section(n)[3] for n in DYNAMIC_SECTIONS
               if n in elf.names and elf.section(n)[5]), default=None)
    if cut is None:
        return
    for ph in loads:
        if ph[3] <= cut < ph[3] + ph[5]:
            for name, sh in zip(elf.names, elf.shdrs):
                if sh[3] >= cut and sh[3] < ph[3] + ph[5] and sh[5] and \
                        sh[1] != SHT_NOBITS and name not in DYNAMIC_SECTIONS:
                    raise SystemExit(f'relr.py: {name} follows the dynamic '
                                     'tables (see arch/s390/stub/stub.lds)')
            ph[5] = cut - ph[3]


def cold_text(elf, flat):
    """The cold code's [start, end) and the history of its stream: the
    hot code right before it, at most DEFLATE's 32 KiB (virtboot.lds)."""
    if '.text' not in elf.names:
        return len(flat), len(flat), 0
    text = elf.section('.text')
    start, end = text[3], text[3] + text[5]
    hot = elf.section('.hot')[3] if '.hot' in elf.names else start
    if end != len(flat):
        raise SystemExit('relr.py: .text does not end the loaded image '
                         '(see arch/s390/virtboot.lds)')
    hist = min(start - hot, 32 << 10)
    # start.S relocates before the cold code is there, and its stream
    # needs its history as linked: no relocation in either
    for addr in elf.reloc_addrs:
        if start - hist <= addr < end:
            raise SystemExit(f'relr.py: a relocation at {addr:#x}, in the '
                             'code (or is .text not last?)')
    return start, end, hist


def write_payload(elf, loads, dst):
    """The loaded bytes from address 0 up to the cold code, raw DEFLATE,
    in dst; the cold code in dst.cold, raw DEFLATE with the hot code
    before it as history; the memory size (with .bss) in dst.memsz for
    the stub's link."""
    clear_dynamic(elf)
    flat = bytearray()
    for ph in sorted(loads, key=lambda ph: ph[3]):
        if ph[5]:
            flat += b'\0' * (ph[3] - len(flat))
            flat += elf.data[ph[2]:ph[2] + ph[5]]
    start, end, hist = cold_text(elf, flat)
    open(dst, 'wb').write(deflate(flat[:start]))
    open(dst + '.cold', 'wb').write(deflate(flat[start - hist:end], hist)
                                    if end > start else b'')
    open(dst + '.memsz', 'w').write(f'{check_size(loads):#x}\n')


def main(mode, src, dst, image_max=None):
    elf = Elf(open(src, 'rb').read())
    if mode == 'stub':
        # the stub runs unrelocated: it must not need a relocation
        if '.rela.dyn' in elf.names and elf.section('.rela.dyn')[5]:
            raise SystemExit('relr.py: the boot stub has relocations')
        loads = [ph for ph in elf.phdrs if ph[0] == PT_LOAD]
        cut_dynamic(elf, loads)
        check_size(loads)
        write_elf(elf, loads, dst,
                  int(image_max, 0) if image_max else STUB_IMAGE_MAX)
        return
    loads = pack_relocations(elf)
    if mode == 'payload':
        write_payload(elf, loads, dst)
    else:
        check_size(loads)
        write_elf(elf, loads, dst)


if __name__ == '__main__':
    if len(sys.argv) not in (4, 5) or \
            sys.argv[1] not in ('elf', 'payload', 'stub'):
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
