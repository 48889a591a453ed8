# SPDX-License-Identifier: GPL-2.0-or-later
#
# Build one board: configure from configs/$(BOARD)_defconfig, generate
# autoconf.h, collect objects from the Kbuild-style folder Makefiles
# (obj-$(CONFIG_FOO) += foo.o, obj-y += subdir/) and link.
#
# SAN=1 (sandbox only) builds with clang, AddressSanitizer and UBSan into
# build/$(BOARD)-san/.

PYTHON ?= /usr/bin/python3
BOARD ?= sandbox
ifeq ($(SAN),1)
O ?= build/$(BOARD)-san
else
O ?= build/$(BOARD)
endif

KCONFIG_ENV := KCONFIG_CONFIG=$(O)/.config srctree=.
DEFCONFIG := configs/$(BOARD)_defconfig
KCONFIGS := $(shell find . -name Kconfig -not -path './build/*')
AUTOCONF := $(O)/include/generated/autoconf.h

ifeq ($(wildcard $(DEFCONFIG)),)
$(error no such board '$(BOARD)': configs/$(BOARD)_defconfig is missing)
endif

.PHONY: all defconfig menuconfig savedefconfig FORCE
all:

# --- configuration -------------------------------------------------------

# A .config older than its defconfig is made again from it: the defconfig
# is the board's truth, menuconfig edits are for the build folder at hand.
$(O)/.config: $(DEFCONFIG) $(KCONFIGS)
	@mkdir -p $(O)
	@if [ ! -f $@ ] || [ $(DEFCONFIG) -nt $@ ]; then \
		echo "  DEFCONFIG $(DEFCONFIG)"; \
		$(KCONFIG_ENV) $(PYTHON) -m defconfig --kconfig Kconfig $(DEFCONFIG) >/dev/null; \
	else \
		echo "  OLDCONFIG $@"; \
		$(KCONFIG_ENV) $(PYTHON) -m olddefconfig Kconfig >/dev/null; \
	fi
	@touch $@

$(AUTOCONF): $(O)/.config
	@mkdir -p $(dir $@)
	@$(KCONFIG_ENV) $(PYTHON) -m genconfig --header-path $@ Kconfig

# include/autoconf.mk, as U-Boot's build leaves it: the resolved symbols as
# make assignments. U-Boot's test/py reads it (with .config) for its
# buildconfigspec gates (doc/develop/uboot-testpy.md).
AUTOCONF_MK := $(O)/include/autoconf.mk
$(AUTOCONF_MK): $(O)/.config
	@mkdir -p $(dir $@)
	@grep '^CONFIG_' $< > $@.tmp && mv $@.tmp $@

defconfig:
	@mkdir -p $(O)
	$(KCONFIG_ENV) $(PYTHON) -m defconfig --kconfig Kconfig $(DEFCONFIG)

menuconfig:
	@mkdir -p $(O)
	@[ -f $(O)/.config ] || $(KCONFIG_ENV) $(PYTHON) -m defconfig --kconfig Kconfig $(DEFCONFIG)
	$(KCONFIG_ENV) $(PYTHON) -m menuconfig Kconfig

savedefconfig:
	$(KCONFIG_ENV) $(PYTHON) -m savedefconfig --kconfig Kconfig --out $(O)/defconfig

ifeq ($(filter defconfig menuconfig savedefconfig,$(MAKECMDGOALS)),)
include $(O)/.config

# The first pass has no .config yet: make creates it and starts again.
ifdef CONFIG_SYS_ARCH
# --- toolchain: arch/<arch>/config.mk sets CROSS_COMPILE, flags, link ----

ARCH := $(patsubst "%",%,$(CONFIG_SYS_ARCH))
BOARDDIR := $(patsubst "%",%,$(CONFIG_SYS_BOARD))
include arch/$(ARCH)/config.mk

CC := $(CROSS_COMPILE)gcc
LD := $(CROSS_COMPILE)ld
OBJCOPY := $(CROSS_COMPILE)objcopy
ifeq ($(SAN),1)
CC := clang
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
endif

GCC_INC := $(shell $(CC) -print-file-name=include)
WARNINGS := -Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare \
	-Wno-missing-field-initializers -Wstrict-prototypes -Wno-format-zero-length
BASE_CFLAGS := -std=gnu11 -g -Os $(WARNINGS) -fno-common -ffunction-sections \
	-fdata-sections -ffreestanding -fno-builtin -fno-strict-aliasing \
	-fno-stack-protector $(ARCH_CFLAGS) $(SAN_FLAGS)
CFLAGS := $(BASE_CFLAGS) -nostdinc -isystem $(GCC_INC) -Iinclude \
	-Iarch/$(ARCH)/include -I$(O)/include -include include/linux/kconfig.h
# Files listed in host-y (arch/sandbox only) see the host's libc headers.
HOST_CFLAGS := -std=gnu11 -g -O2 $(WARNINGS) $(SAN_FLAGS) -D_GNU_SOURCE \
	-Iarch/$(ARCH)/include/host
AFLAGS := $(CFLAGS) -D__ASSEMBLY__

# --- objects: walk the Kbuild-style Makefiles --------------------------

# collect(dir): objects of dir/Makefile, recursing into its obj-y subdirs.
collect = $(eval obj-y :=)$(eval host-y :=)$(eval include $(1)/Makefile)$(eval \
	HOSTOBJS += $(addprefix $(1)/,$(host-y)))$(eval _o := $(obj-y))$(addprefix \
	$(1)/,$(filter %.o,$(_o))) $(foreach d,$(patsubst %/,%,$(filter %/,$(_o))),$(call \
	collect,$(1)/$(d)))

HOSTOBJS :=
TOPDIRS := arch/$(ARCH) board/$(BOARDDIR) common cmd lib drivers disk fs net boot test
SRCOBJS := $(strip $(foreach d,$(TOPDIRS),$(call collect,$(d))))
OBJS := $(addprefix $(O)/obj/,$(SRCOBJS))
HOSTOBJ_PATHS := $(addprefix $(O)/obj/,$(HOSTOBJS))

# lwIP (Debian's source, fetched at build time): scripts/lwip.mk
ifeq ($(CONFIG_NET_LWIP),y)
include scripts/lwip.mk
endif

$(HOSTOBJ_PATHS): FILE_CFLAGS = $(HOST_CFLAGS)
FILE_CFLAGS ?= $(CFLAGS)

$(O)/obj/%.o: %.c $(AUTOCONF)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(FILE_CFLAGS) -MMD -MP -c -o $@ $<

$(O)/obj/%.o: %.S $(AUTOCONF)
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CC) $(AFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJS:.o=.d)

$(O)/virtboot: $(OBJS) $(LINK_DEPS)
	@echo "  LD      $@"
	@$(LINK_CMD)

all: $(O)/virtboot $(TARGETS) $(AUTOCONF_MK)

endif
endif
