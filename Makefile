# SPDX-License-Identifier: GPL-2.0-or-later
#
# virtboot top-level Makefile.
#
#   make [BOARD=sandbox|qemu-s390x|qemu-arm64]   build into build/<board>/
#                                                 (default: sandbox)
#   make BOARD=<board> menuconfig                 edit build/<board>/.config
#   make BOARD=<board> defconfig                  reset it from configs/
#   make qemu [BOARD=...]                         build and run it (default:
#                                                 qemu-s390x, booting Linux)
#   make check                                    build every board, run every test
#   make fuzz [FUZZ_SECONDS=60]                   run each libFuzzer target (test/fuzz/)
#   make bench [BENCH_RUNS=3]                     side-by-side benchmarks (test/bench/)
#
# The real build rules live in scripts/build.mk, run once per board.

PYTHON ?= /usr/bin/python3
BOARD ?= sandbox
# make qemu shows the seed board unless a board is named.
QEMU_BOARD := $(if $(filter command line environment,$(origin BOARD)),$(BOARD),qemu-s390x)
BOARDS := sandbox qemu-arm64 qemu-s390x
export PYTHON

.PHONY: all defconfig menuconfig savedefconfig qemu check unit pytest setup tools \
	uboot-module fuzz bench clean distclean FORCE

all:
	@$(MAKE) --no-print-directory -f scripts/build.mk BOARD=$(BOARD)

defconfig menuconfig savedefconfig:
	@$(MAKE) --no-print-directory -f scripts/build.mk BOARD=$(BOARD) $@

setup:
	@scripts/setup

# Host tools (tools/: mkzipl), built with the host compiler into build/tools/.
tools:
	@$(MAKE) --no-print-directory -C tools O=$(CURDIR)/build/tools

# make qemu: install what is missing, build, and start the board.
qemu:
	@scripts/setup --if-missing
	@$(MAKE) --no-print-directory -f scripts/build.mk BOARD=$(QEMU_BOARD)
	@scripts/run-board $(QEMU_BOARD)

# make check: every board that exists, then every test suite.
check:
	@scripts/setup --if-missing
	@scripts/check $(BOARDS)

# make uboot-module: U-Boot 2023.01 (Debian's source package) for qemu_arm64
# with drivers/virtio/virtio_scsi.c as a U-Boot driver, into build/u-boot/
# (doc/develop/uboot-module.md).
uboot-module:
	@scripts/setup --if-missing
	@scripts/uboot-module

# make fuzz: each fuzz target for FUZZ_SECONDS, one after the other.
FUZZ_SECONDS ?= 60
fuzz:
	@test/fuzz/run-fuzz.sh --seconds $(FUZZ_SECONDS)

# make bench: the QEMU boards and host tools, then every benchmark of
# test/bench/ with BENCH_RUNS alternating runs (doc/develop/benchmarks.md).
# Timing is not a test: make check does not run it.
BENCH_RUNS ?= 3
bench:
	@scripts/setup --if-missing
	@$(MAKE) --no-print-directory -f scripts/build.mk BOARD=qemu-arm64
	@$(MAKE) --no-print-directory -f scripts/build.mk BOARD=qemu-s390x
	@$(MAKE) --no-print-directory -C tools O=$(CURDIR)/build/tools
	@test/bench/run-all.sh --runs $(BENCH_RUNS)

clean:
	rm -rf build/*/obj build/*/virtboot*

distclean:
	rm -rf build
