# SPDX-License-Identifier: GPL-2.0-or-later
# qemu-arm64: bare metal, -bios image in the first flash bank at 0.
CROSS_COMPILE := aarch64-linux-gnu-
ARCH_CFLAGS := -fno-delete-null-pointer-checks -mgeneral-regs-only -mstrict-align -fno-pic -fno-pie \
	-mcmodel=small
LINK_CMD = $(CC) -nostdlib -static -no-pie -Wl,--gc-sections -Wl,--build-id=none \
	-T arch/arm64/virtboot.lds -o $@ $(OBJS) -lgcc
LINK_DEPS := arch/arm64/virtboot.lds
TARGETS := $(O)/virtboot.bin
$(O)/virtboot.bin: $(O)/virtboot
	@echo "  OBJCOPY $@"
	@$(OBJCOPY) -O binary $< $@
