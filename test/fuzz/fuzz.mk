# SPDX-License-Identifier: GPL-2.0-or-later
#
# libFuzzer targets: each is a harness in test/fuzz/ linked with the
# firmware sources it exercises and test/fuzz/fuzz_support.c (console,
# timer and other board services on top of the host's libc). Sources are
# compiled with the firmware's headers and the sandbox configuration, with
# clang -fsanitize=fuzzer,address,undefined.
#
#   make -f test/fuzz/fuzz.mk [TARGETS="part cli"]   build build/fuzz/<t>/fuzz_<t>
#   make -f test/fuzz/fuzz.mk show-sources           what each target links
#   make -f test/fuzz/fuzz.mk list-targets           the targets (an error if
#                                                    there are none)
#
# A target is a harness test/fuzz/fuzz_<t>.c and a FUZZ_<t> line below.
# Running them: test/fuzz/run-fuzz.sh (make fuzz, make check).

PYTHON ?= /usr/bin/python3
FO := build/fuzz
CFG := $(FO)/config
AUTOCONF := $(CFG)/include/generated/autoconf.h
CC := clang

# --- what each target links, from the build's own lists ------------------
#
# The objects of the sandbox configuration come from the Kbuild-style
# Makefiles scripts/build.mk walks (obj-y, obj-$(CONFIG_FOO), subfolders),
# filed by what adds them, so that a target names features, not files:
#   CONFIG_FOO		the objects obj-$(CONFIG_FOO) adds, in any folder
#   dir:CONFIG_FOO	those of one folder (dir:y: its obj-y objects)
#   dir/file.o		one object of the build (a harness made for that file)
# A new or moved file joins the targets that select its feature. NOT_<t>
# lists the objects the harness of <t> stands in for itself. (The
# Makefiles may test a symbol with ifdef, not with ifeq ($(CONFIG_FOO),y).)

# The folders of firmware a harness can link (not arch/, board/, test/)
FW_DIRS := common cmd lib drivers disk fs net boot
# Left to the host's C library and fuzz_support.c in every target
FW_HOSTED := lib/string.o lib/vsprintf.o lib/heap.o lib/malloc.o

# A symbol set to y becomes its own name while the Makefiles are read, so
# that obj-$(CONFIG_FOO) += a.o lands in obj-CONFIG_FOO
FW_SYMS = $(foreach v,$(filter CONFIG_%,$(.VARIABLES)),$(if $(filter y,$($(v))),$(v)))
# (a folder's key is dir@COND: a colon would read as a target-specific
# variable)
fw_file = $(eval FW_$(2) += $(3))$(eval FW_$(1)@$(2) += $(3))$(eval FW_ALL += $(3))
# fw_walk(dir): read dir/Makefile, file its objects, walk its subfolders
fw_walk = $(eval obj-y :=)$(foreach c,$(FW_YSYMS),$(eval obj-$(c) :=))$(eval \
	include $(1)/Makefile)$(foreach c,y $(FW_YSYMS),$(call fw_file,$(1),$(c),$(addprefix \
	$(1)/,$(filter %.o,$(obj-$(c))))))$(foreach d,$(patsubst %/,%,$(filter %/,$(obj-y) \
	$(foreach c,$(FW_YSYMS),$(obj-$(c))))),$(call fw_walk,$(1)/$(d)))

ifeq ($(filter list-targets,$(MAKECMDGOALS)),)
include $(CFG)/.config
FW_YSYMS := $(FW_SYMS)
$(foreach c,$(FW_YSYMS),$(eval $(c) := $(c)))
$(foreach d,$(FW_DIRS),$(call fw_walk,$(d)))
endif

# fw_select(target): the sources its selectors name, less FW_HOSTED, the
# support files and the objects its harness stands in for
fw_select = $(patsubst %.o,%.c,$(filter-out $(FW_HOSTED) $(SUPPORT_OBJ_NAMES) \
	$(NOT_$(1)),$(sort $(foreach s,$(FUZZ_$(1)),$(call fw_sel,$(1),$(s))))))
# fw_sel(target, selector): its objects; one that names nothing is an error
fw_sel = $(or $(if $(filter %.o,$(2)),$(filter $(2),$(FW_ALL)),$(FW_$(subst \
	:,@,$(2)))),$(error fuzz target $(1): '$(2)' selects nothing in the \
	sandbox build))

FUZZ_part := CONFIG_PARTITIONS CONFIG_DOS_PARTITION CONFIG_EFI_PARTITION \
	CONFIG_ISO_PARTITION
# the filesystem with the byte reads under it, and every partition type
# (an ISO image can be a hybrid with an MBR or GPT)
FUZZ_iso := fs/iso9660:y fs/fs_dev.o CONFIG_PARTITIONS \
	CONFIG_DOS_PARTITION CONFIG_EFI_PARTITION CONFIG_ISO_PARTITION
FUZZ_fdt := CONFIG_OF_LIBFDT
# what the boot paths read from disk: extlinux.conf, BLS entries, the
# arm64 Image header, legacy image headers (the harness plays RAM, lmb)
FUZZ_boot := boot/pxe_parse.o boot/bls.o boot/image_arm64.o \
	boot/image_legacy.o boot/image_fit.o lib/md5.o lib/lmb.o lib/strto.o \
	lib/ctype.o CONFIG_GZIP CONFIG_OF_LIBFDT
# what a network boot reads: pxelinux.cfg files, .INS files
FUZZ_netboot := boot/pxe_parse.o boot/ins.o lib/strto.o lib/ctype.o
# the shell and the commands that cannot leave it (not boot, reset...)
FUZZ_cli := common:y cmd:y cmd:CONFIG_CMD_ECHO cmd:CONFIG_CMD_SLEEP \
	cmd:CONFIG_HUSH_PARSER lib:y
NOT_cli := common/board_r.o common/console.o common/main.o \
	common/cli_readline.o common/cli_hush_exec.o cmd/boot.o lib/lmb.o
FUZZ_vring := drivers/virtio/virtio_ring.o
# every scheme of the loader (boot map, El Torito, ECKD...); not the
# board's memory policy (the harness has its own)
FUZZ_zipl := CONFIG_ZIPL CONFIG_ZIPL_ELTORITO CONFIG_ZIPL_ECKD
NOT_zipl := boot/zipl_mem.o
FUZZ_scsi := drivers/scsi:CONFIG_SCSI drivers/block:CONFIG_BLK CONFIG_BLOCK_CACHE CONFIG_DM \
	CONFIG_PARTITIONS CONFIG_DOS_PARTITION CONFIG_EFI_PARTITION lib:y \
	CONFIG_OF_CONTROL CONFIG_OF_LIBFDT
NOT_scsi := lib/lmb.o
# the driver, the virtio core and the SCSI uclass (dm_init_and_scan() reads
# the FDT: ofnode, libfdt); the harness plays the
# device and the scan
FUZZ_vscsi := drivers/virtio:CONFIG_VIRTIO CONFIG_VIRTIO_SCSI \
	drivers/scsi/scsi-uclass.o CONFIG_DM CONFIG_OF_CONTROL CONFIG_OF_LIBFDT

# the FAT driver over the byte-level partition reads (the harness plays
# the block layer; the writer is linked for the driver's table, unused)
FUZZ_fat := fs/fs_dev.o fs/fat:y fs/fat:CONFIG_FAT_WRITE
DEPS_fat := test/fuzz/fs_harness.c
# the ext4 driver, in the same harness
FUZZ_ext4 := fs/fs_dev.o fs/ext4:y
DEPS_ext4 := test/fuzz/fs_harness.c

# lwIP's input path and our DHCP, TFTP, HTTP, DNS and ping handling: the
# port (net/lwip/), the protocols' command-side work, the environment;
# the harness is the Ethernet device. lwIP itself is built from its
# fetched tree (scripts/lwip-tree.mk) as EXTRA_net, with asserts that
# abort.
FUZZ_net := net/lwip:y CONFIG_CMD_TFTPBOOT CONFIG_CMD_DHCP CONFIG_CMD_WGET \
	CONFIG_CMD_PING common/env.o common/env_data.o common/version.o \
	lib/strto.o lib/ctype.o \
	lib/lmb.o
CFLAGS_net = $(LWIP_INCLUDES) -DVIRTBOOT_LWIP_ASSERT
EXTRA_net = $(addprefix $(FO)/lwip/,$(LWIP_SRCS:.c=.o))

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
SUPPORT_OBJ_NAMES := $(SUPPORT:.c=.o)

# A target for each harness test/fuzz/fuzz_<t>.c
ALL_TARGETS := $(filter-out support,$(patsubst test/fuzz/fuzz_%.c,%,$(wildcard \
	test/fuzz/fuzz_*.c)))
TARGETS ?= $(ALL_TARGETS)
ifeq ($(strip $(ALL_TARGETS)),)
$(error no fuzz targets: no test/fuzz/fuzz_<target>.c)
endif

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
	-include include/linux/kconfig.h $(RENAME) \
	-DVRING_POLLS_PER_CLOCK=16

.PHONY: all
all: $(foreach t,$(TARGETS),$(FO)/$(t)/fuzz_$(t))

# (once the configuration exists and is newer than every Kconfig: the
# first pass makes it, then make starts again)
CFG_STALE = $(shell find . \( -name Kconfig -o -path ./configs/sandbox_defconfig \) -not -path \
	'./build/*' -newer $(CFG)/.config 2>/dev/null | head -1)
ifeq ($(filter list-targets,$(MAKECMDGOALS)),)
ifdef CONFIG_SANDBOX
ifeq ($(CFG_STALE),)
$(foreach t,$(ALL_TARGETS),$(if $(FUZZ_$(t)),,$(error fuzz target $(t): \
	no FUZZ_$(t) in test/fuzz/fuzz.mk says what it links)))
$(foreach t,$(ALL_TARGETS),$(eval SRC_$(t) := $(call fw_select,$(t))))
endif
endif
endif

# make -f test/fuzz/fuzz.mk show-sources: what each target links
.PHONY: show-sources
show-sources:
	@$(foreach t,$(ALL_TARGETS),echo "$(t): $(SRC_$(t))";)

# The sandbox board's configuration, made the way scripts/build.mk does
$(CFG)/.config: configs/sandbox_defconfig $(shell find . -name Kconfig -not -path "./build/*")
	@mkdir -p $(CFG)
	@KCONFIG_CONFIG=$@ srctree=. $(PYTHON) -m defconfig --kconfig Kconfig configs/sandbox_defconfig >/dev/null
	@touch $@

$(AUTOCONF): $(CFG)/.config
	@mkdir -p $(dir $@)
	@KCONFIG_CONFIG=$< srctree=. $(PYTHON) -m genconfig --header-path $@ Kconfig

include scripts/lwip-tree.mk

$(FO)/lwip/%.o: $(LWIP_STAMP) $(AUTOCONF)
	@mkdir -p $(dir $@)
	@$(CC) $(FUZZ_CFLAGS) $(CFLAGS_net) $(LWIP_CFLAGS) -c -o $@ $(LWIP_TREE)/src/$*.c

HEADERS := $(AUTOCONF) $(wildcard include/*.h include/*/*.h) \
	test/fuzz/fuzz_support.h

$(FO)/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	@$(CC) $(FUZZ_CFLAGS) -fsanitize-coverage=0 -c -o $@ $<

define fuzz_target
$(FO)/$(1)/fuzz_$(1): test/fuzz/fuzz_$(1).c $(SUPPORT_OBJS) $(SRC_$(1)) \
		$(DEPS_$(1)) $(EXTRA_$(1)) $(HEADERS)
	@mkdir -p $$(dir $$@)
	@echo "  FUZZ    $$@"
	@$(CC) $(FUZZ_CFLAGS) $(CFLAGS_$(1)) -o $$@ test/fuzz/fuzz_$(1).c \
		$(SUPPORT_OBJS) $(SRC_$(1)) $(EXTRA_$(1))
endef
$(foreach t,$(ALL_TARGETS),$(eval $(call fuzz_target,$(t))))

.PHONY: list-targets
list-targets:
	@echo $(ALL_TARGETS)
