# SPDX-License-Identifier: GPL-2.0-or-later
#
# libFuzzer targets: each is a harness in test/fuzz/ linked with the
# firmware sources it exercises and test/fuzz/fuzz_support.c (console,
# timer and other board services on top of the host's libc). Sources are
# compiled with the firmware's headers and the sandbox configuration, with
# clang -fsanitize=fuzzer,address,undefined.
#
#   make -f test/fuzz/fuzz.mk [TARGETS="part cli"]   build build/fuzz/<t>/fuzz_<t>
#
# Running them: test/fuzz/run-fuzz.sh (make fuzz, make check).

PYTHON ?= /usr/bin/python3
FO := build/fuzz
CFG := $(FO)/config
AUTOCONF := $(CFG)/include/generated/autoconf.h
CC := clang

# Target name -> firmware sources (a harness test/fuzz/fuzz_<name>.c each)
SRC_part := disk/part.c disk/part_dos.c disk/part_efi.c
SRC_fdt := lib/fdt.c lib/fdt_support.c
SRC_cli := common/cli.c common/cli_hush.c \
	common/command.c common/env.c common/version.c cmd/echo.c cmd/test.c \
	cmd/nvedit.c cmd/help.c cmd/sleep.c cmd/version.c lib/strto.c \
	lib/ctype.c
SRC_vring := drivers/virtio/virtio_ring.c
# every scheme of the loader (boot map, El Torito, ECKD...); not the
# board's memory policy (the harness has its own) nor the jump
SRC_zipl := $(filter-out boot/zipl_mem.c boot/zipl_s390.c,$(wildcard boot/zipl*.c))
SRC_scsi := drivers/scsi/scsi_scan.c drivers/scsi/scsi_probe.c drivers/scsi/scsi_blk.c \
	drivers/scsi/scsi_cmd.c drivers/scsi/scsi-uclass.c \
	drivers/scsi/scsi_lib.c drivers/block/blk-uclass.c \
	drivers/core/device.c drivers/core/device-remove.c \
	drivers/core/uclass.c drivers/core/lists.c drivers/core/root.c \
	disk/part.c disk/part_dos.c disk/part_efi.c lib/strto.c lib/ctype.c \
	lib/errno_str.c
SRC_vscsi := drivers/virtio/virtio_scsi.c drivers/virtio/virtio_ring.c \
	drivers/virtio/virtio-uclass.c drivers/scsi/scsi-uclass.c \
	drivers/core/device.c drivers/core/device-remove.c \
	drivers/core/uclass.c drivers/core/lists.c drivers/core/root.c

# fuzz_cli.c includes the interpreter to reset its state
DEPS_cli := common/cli_hush_exec.c

# The shell's heap is bounded as on the boards (256 KiB here): its
# allocations go through fuzz_support.c's counted heap
CFLAGS_cli := -Dmalloc=fw_malloc -Dcalloc=fw_calloc -Drealloc=fw_realloc \
	-Dfree=fw_free -Dstrdup=fw_strdup -Dstrndup=fw_strndup

# Linked into every target, without coverage: the fuzzer has nothing to
# learn inside a CRC, and would spend its time there
SUPPORT := test/fuzz/fuzz_support.c lib/time.c lib/crc32.c
SUPPORT_OBJS := $(patsubst %.c,$(FO)/obj/%.o,$(SUPPORT))

# Targets whose sources have landed
ALL_TARGETS := part fdt cli vring zipl scsi vscsi
TARGETS ?= $(ALL_TARGETS)

# The firmware's console functions with U-Boot's signatures (putc(c),
# puts() without a newline) are renamed so that the host's are left
# alone; printf() and vprintf() have the C library's, fuzz_support.c
# replaces them.
RENAME := -Dputs=fw_puts -Dputc=fw_putc -Dgetchar=fw_getchar -Dtstc=fw_tstc
FUZZ_CFLAGS := -g -O2 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer -std=gnu11 \
	-Wall -Werror -Wno-unused-parameter -Wno-sign-compare -fno-builtin \
	-fno-strict-aliasing -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-Iinclude -Iarch/sandbox/include -I$(CFG)/include \
	-include include/linux/kconfig.h $(RENAME)

.PHONY: all
all: $(foreach t,$(TARGETS),$(FO)/$(t)/fuzz_$(t))

# The sandbox board's configuration, made the way scripts/build.mk does
$(CFG)/.config: configs/sandbox_defconfig $(shell find . -name Kconfig -not -path "./build/*")
	@mkdir -p $(CFG)
	@KCONFIG_CONFIG=$@ srctree=. $(PYTHON) -m defconfig --kconfig Kconfig configs/sandbox_defconfig >/dev/null

$(AUTOCONF): $(CFG)/.config
	@mkdir -p $(dir $@)
	@KCONFIG_CONFIG=$< srctree=. $(PYTHON) -m genconfig --header-path $@ Kconfig

HEADERS := $(AUTOCONF) $(wildcard include/*.h include/*/*.h) \
	test/fuzz/fuzz_support.h

$(FO)/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	@$(CC) $(FUZZ_CFLAGS) -fsanitize-coverage=0 -c -o $@ $<

define fuzz_target
$(FO)/$(1)/fuzz_$(1): test/fuzz/fuzz_$(1).c $(SUPPORT_OBJS) $(SRC_$(1)) \
		$(DEPS_$(1)) $(HEADERS)
	@mkdir -p $$(dir $$@)
	@echo "  FUZZ    $$@"
	@$(CC) $(FUZZ_CFLAGS) $(CFLAGS_$(1)) -o $$@ test/fuzz/fuzz_$(1).c \
		$(SUPPORT_OBJS) $(SRC_$(1))
endef
$(foreach t,$(ALL_TARGETS),$(eval $(call fuzz_target,$(t))))

.PHONY: list-targets
list-targets:
	@echo $(ALL_TARGETS)
