# SPDX-License-Identifier: GPL-2.0-or-later
# qemu-s390x: -bios ELF linked at 0 as a static PIE, relocated by itself
# (QEMU adds fwbase to every segment and applies no relocations).
# arch/s390/relr.py makes virtboot.elf: relocations packed for start.S,
# only the loaded segments, and the checks (R_390_RELATIVE only, 2 MiB).
# Link-time optimisation and zEC12 code keep the image small.
CROSS_COMPILE := s390x-linux-gnu-
ARCH_CFLAGS := -fno-delete-null-pointer-checks -fno-jump-tables -flto -flto-partition=one -march=zEC12 -mtune=zEC12 -fPIE \
	-msoft-float -fno-asynchronous-unwind-tables -fno-unwind-tables
LINK_CMD = $(CC) $(CFLAGS) -nostdlib -static-pie -Wl,--gc-sections \
	-Wl,--build-id=none -Wl,-z,norelro -Wl,--no-dynamic-linker \
	-Wl,-z,max-page-size=256 -Wl,--hash-style=sysv \
	-Wl,--no-warn-rwx-segments -T arch/s390/virtboot.lds -o $@ $(OBJS) -lgcc
LINK_DEPS := arch/s390/virtboot.lds
TARGETS := $(O)/virtboot.elf
$(O)/virtboot.elf: $(O)/virtboot arch/s390/relr.py
	@echo "  RELR    $@"
	@$(PYTHON) arch/s390/relr.py $< $@
