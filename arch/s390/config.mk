# SPDX-License-Identifier: GPL-2.0-or-later
# qemu-s390x: -bios ELF linked at 0, relocated by itself (QEMU adds fwbase
# to every segment and applies no relocations). The link is checked: the
# only dynamic relocation start.S knows is R_390_RELATIVE, and QEMU 7.2
# reserves 2 MiB (BIOS_MAX_SIZE) for the whole loaded image, .bss included.
CROSS_COMPILE := s390x-linux-gnu-
ARCH_CFLAGS := -march=z10 -mtune=z10 -fPIE -msoft-float -mbackchain \
	-fno-asynchronous-unwind-tables -fno-unwind-tables
LINK_CMD = $(CC) -nostdlib -static-pie -Wl,--gc-sections -Wl,--build-id=none \
	-Wl,-z,norelro -Wl,--no-dynamic-linker -Wl,-z,max-page-size=256 \
	-Wl,--hash-style=sysv -Wl,--no-warn-rwx-segments \
	-T arch/s390/virtboot.lds -o $@ $(OBJS) -lgcc && \
	scripts_s390_check=$$($(CROSS_COMPILE)readelf -rW $@ | \
		awk '/^ *[0-9a-f]+ +[0-9a-f]+ R_390/ && $$3 != "R_390_RELATIVE"') && \
	if [ -n "$$scripts_s390_check" ]; then \
		echo "$@: relocations start.S cannot apply:"; \
		echo "$$scripts_s390_check"; rm -f $@; exit 1; fi && \
	end=$$($(CROSS_COMPILE)nm $@ | awk '$$3 == "__image_end" { print $$1 }') && \
	if [ $$((0x$$end)) -gt $$((0x200000)) ]; then \
		echo "$@: image needs 0x$$end bytes, QEMU gives 2 MiB"; rm -f $@; exit 1; fi
LINK_DEPS := arch/s390/virtboot.lds
TARGETS := $(O)/virtboot.elf
$(O)/virtboot.elf: $(O)/virtboot
	@echo "  STRIP   $@"
	@$(CROSS_COMPILE)strip -R .comment -o $@ $<
