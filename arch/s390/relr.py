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

import struct
import sys
import subprocess
import tempfile
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

    # .rela.dyn must end what the loaded segment has in the file
    seg = None
    for ph in elf.phdrs:
        if ph[0] == PT_LOAD and ph[3] <= rela[3] < ph[3] + ph[5]:
            seg = ph
    if seg is None or rela[3] + r_size != seg[3] + seg[5]:
        raise SystemExit('relr.py: .rela.dyn is not the last contents of '
                         'its segment (see arch/s390/virtboot.lds)')
    elf.data[r_off:r_off + len(blob)] = blob
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


def deflate(raw):
    """Raw DEFLATE of raw, by zopfli (Debian's zopfli package): its
    encoder searches harder than zlib's level 9 and wrote a stream 3.7%
    smaller for this firmware (59,020 bytes against 61,276), which the
    stub inflates unchanged. The round trip is checked here."""
    # zopfli reads only a regular file (it asks for the size first)
    with tempfile.NamedTemporaryFile(suffix='.bin') as f:
        f.write(raw)
        f.flush()
        try:
            run = subprocess.run(['zopfli', '--deflate', '-c', f.name],
                                 stdout=subprocess.PIPE, check=True)
        except (OSError, subprocess.CalledProcessError) as e:
            raise SystemExit(f'relr.py: zopfli failed ({e}); '
                             'scripts/setup installs it')
    if zlib.decompress(run.stdout, -15) != raw:
        raise SystemExit('relr.py: zopfli wrote a stream that does not '
                         'inflate to the firmware')
    return run.stdout


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


def write_payload(elf, loads, dst):
    """The loaded bytes from address 0, raw DEFLATE; its memory size
    (with .bss) in dst.memsz for the stub's link."""
    clear_dynamic(elf)
    flat = bytearray()
    for ph in sorted(loads, key=lambda ph: ph[3]):
        if ph[5]:
            flat += b'\0' * (ph[3] - len(flat))
            flat += elf.data[ph[2]:ph[2] + ph[5]]
    data = deflate(bytes(flat))
    open(dst, 'wb').write(data)
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
