#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Build the partition-table fuzz target with clang's libFuzzer, ASan and
# UBSan, seed it with images made by sgdisk and sfdisk, and run it.
#
#   test/fuzz/run-fuzz-part.sh [SECONDS]     (default 60)
#
# Crashes are left in build/fuzz/part/ as crash-* files: reproduce one
# with build/fuzz/part/fuzz_part FILE.
set -e
cd "$(dirname "$0")/../.."
secs=${1:-60}
out=build/fuzz/part
mkdir -p "$out/include/generated" "$out/corpus"
cat > "$out/include/generated/autoconf.h" <<EOH
#define CONFIG_PARTITIONS 1
#define CONFIG_DOS_PARTITION 1
#define CONFIG_EFI_PARTITION 1
EOH

clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-std=gnu11 -Wall -Werror -Wno-unused-parameter -fno-builtin \
	-nostdinc -isystem "$(clang -print-file-name=include)" -Iinclude \
	-I"$out/include" -include include/linux/kconfig.h \
	test/fuzz/fuzz_part.c disk/part.c disk/part_dos.c disk/part_efi.c \
	lib/crc32.c -o "$out/fuzz_part"

# Seeds: a GPT and an MBR disk with an extended partition (first byte 0:
# 512-byte blocks; 2: the same with GPT CRCs fixed up)
sgdisk=$(command -v sgdisk || echo /usr/sbin/sgdisk)
sfdisk=$(command -v sfdisk || echo /usr/sbin/sfdisk)
tmp=$(mktemp -d)
truncate -s 128K "$tmp/gpt"
"$sgdisk" -n 1:40:+20K -c 1:boot -t 1:ef00 -n 2:0:0 -c 2:root "$tmp/gpt" >/dev/null
truncate -s 128K "$tmp/mbr"
printf 'label: dos\nstart=4, size=20, type=83, bootable\nstart=32, size=200, type=5\nstart=40, size=20\nstart=80, size=20\n' |
	"$sfdisk" -q "$tmp/mbr"
for f in gpt mbr; do
	{ printf '\000'; cat "$tmp/$f"; } > "$out/corpus/seed-$f"
	{ printf '\002'; cat "$tmp/$f"; } > "$out/corpus/seed-$f-fixcrc"
done
rm -rf "$tmp"

cd "$out"
./fuzz_part -max_total_time="$secs" -max_len=262144 -print_final_stats=1 \
	corpus >/dev/null
