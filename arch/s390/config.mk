# SPDX-License-Identifier: GPL-2.0-or-later
# qemu-s390x: -bios ELF linked at 0 as a static PIE, relocated by itself
# (QEMU adds fwbase to every segment and applies no relocations).
# arch/s390/relr.py packs the relocations for start.S and checks them
# (R_390_RELATIVE only, 2 MiB). With CONFIG_S390_COMPRESS the firmware is
# compressed into a boot stub (arch/s390/stub/), which is virtboot.elf;
# otherwise virtboot.elf is the firmware's loaded segments.
# Link-time optimisation and zEC12 code (tuned for z13: smaller) keep it
# small; zEC12 is the oldest CPU model it runs on.
CROSS_COMPILE := s390x-linux-gnu-
ARCH_CFLAGS := -fno-jump-tables -flto -flto-partition=one -march=zEC12 \
	-mtune=z13 -fPIE -msoft-float -fno-asynchronous-unwind-tables \
	-fno-unwind-tables
S390_LDFLAGS = $(CFLAGS) -nostdlib -static-pie -Wl,--gc-sections \
	-Wl,--build-id=none -Wl,-z,norelro -Wl,--no-dynamic-linker \
	-Wl,-z,max-page-size=256 -Wl,--hash-style=sysv \
	-Wl,--no-warn-rwx-segments
LINK_CMD = $(CC) $(S390_LDFLAGS) -T arch/s390/virtboot.lds -L$(O) \
	-Wl,-Map=$(O)/virtboot.map -o $@ $(OBJS) -lgcc
LINK_DEPS := arch/s390/virtboot.lds $(O)/hot.lds

# The IPL's functions first (virtboot.lds): one input-section pattern per
# name in hot.txt, with the suffixes GCC adds to its clones
$(O)/hot.lds: arch/s390/hot.txt
	@mkdir -p $(dir $@)
	@echo "  HOT     $@"
	@sed -e 's/#.*//' -e '/^[[:space:]]*$$/d' \
		-e 's/^[[:space:]]*\([^[:space:]]*\).*/\t*(.text.\1 .text.\1.*)/' \
		$< > $@
TARGETS := $(O)/virtboot.elf

ifeq ($(CONFIG_S390_COMPRESS),y)
# lib/inflate.c: the decoder the firmware's unzip and booti use too
STUB_OBJS := $(addprefix $(O)/obj/arch/s390/stub/,start.o stub.o payload.o) \
	$(O)/obj/lib/inflate.o

$(O)/payload.z: $(O)/virtboot arch/s390/relr.py
	@echo "  DEFLATE $@"
	@$(PYTHON) arch/s390/relr.py payload $< $@

$(O)/obj/arch/s390/stub/payload.o: arch/s390/stub/payload.S $(O)/payload.z
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CC) $(AFLAGS) -DPAYLOAD='"$(O)/payload.z"' \
		-DPAYLOAD_COLD='"$(O)/payload.z.cold"' -c -o $@ $<

$(O)/virtboot-stub: $(STUB_OBJS) arch/s390/stub/stub.lds
	@echo "  LD      $@"
	@$(CC) $(S390_LDFLAGS) -T arch/s390/stub/stub.lds \
		-Wl,--defsym=PAYLOAD_MEMSZ=$$(cat $(O)/payload.z.memsz) \
		-o $@ $(STUB_OBJS) -lgcc

$(O)/virtboot.elf: $(O)/virtboot-stub arch/s390/relr.py
	@echo "  STUB    $@"
	@$(PYTHON) arch/s390/relr.py stub $< $@ $(CONFIG_S390_IMAGE_MAX)
else
$(O)/virtboot.elf: $(O)/virtboot arch/s390/relr.py
	@echo "  RELR    $@"
	@$(PYTHON) arch/s390/relr.py elf $< $@
endif
