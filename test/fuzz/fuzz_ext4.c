// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the ext2/3/4 driver (fs/ext4/ext4.c): the
 * filesystem harness (fs_harness.c, which says what the input is and what
 * is checked). Host mode: FUZZ_EXT4_IMAGE, FUZZ_EXT4_BLKSZ,
 * FUZZ_EXT4_PART.
 */
#define FSH_DRIVER	ext4
#define FSH_ENV(x)	"FUZZ_EXT4_" x

#include "fs_harness.c"
