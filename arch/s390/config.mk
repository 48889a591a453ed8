# SPDX-License-Identifier: GPL-2.0-or-later
# qemu-s390x: -bios ELF linked at 0, relocated by itself (QEMU adds fwbase
# to every segment and applies no relocations).
CROSS_COMPILE := s390x-linux-gnu-
ARCH_CFLAGS := -march=z900 -mtune=z900 -fPIE -msoft-float -mbackchain \
	-fno-asynchronous-unwind-tables
LINK_CMD = $(CC) -nostdlib -static-pie -Wl,--gc-sections -Wl,--build-id=none \
	-Wl,-z,notext -T arch/s390/virtboot.lds -o $@ $(OBJS) -lgcc
LINK_DEPS := arch/s390/virtboot.lds
TARGETS := $(O)/virtboot.elf
$(O)/virtboot.elf: $(O)/virtboot
	@echo "  STRIP   $@"
	@$(CROSS_COMPILE)strip -o $@ $<
