// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the FAT driver (fs/fat/fat.c): the filesystem
 * harness (fs_harness.c, which says what the input is and what is
 * checked) with fatinfo's line as the info line. Host mode:
 * FUZZ_FAT_IMAGE, FUZZ_FAT_BLKSZ, FUZZ_FAT_PART.
 */
#include <fat.h>

#define FSH_DRIVER	fat
#define FSH_ENV(x)	"FUZZ_FAT_" x
#define FSH_INFO()	fat_print_info()

#include "fs_harness.c"
