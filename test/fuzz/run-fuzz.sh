#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Build and run the libFuzzer targets (test/fuzz/fuzz_<target>.c).
#
#   test/fuzz/run-fuzz.sh [--check] [--seconds N] [--runs N] [target...]
#
# Default: every target in turn fuzzes for $FUZZ_SECONDS (60) seconds,
# or --runs N executions, starting from its committed corpus
# (test/fuzz/corpus/<target>/) and what earlier runs found
# (build/fuzz/<target>/corpus/). The log is build/fuzz/<target>/fuzz-*.log,
# a crash is left as build/fuzz/<target>/crash-* (reproduce it with
# build/fuzz/<target>/fuzz_<target> FILE).
#
# --check (make check): replay every committed corpus file, then fuzz
# for $FUZZ_CHECK_SECONDS (3) seconds from that corpus alone.
#
# Prints one line per target: "fuzz <target>: N executions in S s, ...".
# Exit status: 0 if no target found anything.

set -u
cd "$(dirname "$0")/../.."
check=0
secs=${FUZZ_SECONDS:-60}
runs=-1
targets=()
while [ $# -gt 0 ]; do
	case $1 in
	--check) check=1; secs=${FUZZ_CHECK_SECONDS:-3} ;;
	--seconds) secs=$2; shift ;;
	--runs) runs=$2; secs=0; shift ;;
	-*) echo "usage: $0 [--check] [--seconds N] [--runs N] [target...]" >&2
	    exit 2 ;;
	*) targets+=("$1") ;;
	esac
	shift
done
[ ${#targets[@]} -gt 0 ] ||
	targets=($(make -s -f test/fuzz/fuzz.mk list-targets))
if [ ${#targets[@]} -eq 0 ]; then
	echo "fuzz: no targets (make -f test/fuzz/fuzz.mk list-targets)" >&2
	exit 1
fi

make -s -f test/fuzz/fuzz.mk TARGETS="${targets[*]}" || exit 1

# Inputs a target reads: its harness says how it uses them
max_len() {
	case $1 in
	part) echo 24577 ;;	# a flag byte + a disk of up to 6 4096-byte blocks
	cli) echo 1024 ;;
	zipl) echo 81921 ;;	# a flag byte + 40 2048-byte sectors: an ISO's head
	iso) echo 16384 ;;	# a flag byte + chunks of sectors (mkseeds_iso.py)
	fdt) echo 4096 ;;	# small trees walk fast; the QEMU seed is replayed whole
	vscsi) echo 2048 ;;
	fat) echo 8192 ;;	# a flag byte + sparse records: FAT32 in 2.3 KiB	# 38 bytes of device, then commands and answers
	*) echo 4096 ;;
	esac
}

status=0
for t in "${targets[@]}"; do
	dir=build/fuzz/$t
	bin=$dir/fuzz_$t
	seeds=test/fuzz/corpus/$t
	mkdir -p "$dir/corpus" "$seeds"
	opts=(-max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=1024
	      -print_final_stats=1 -close_fd_mask=1 -artifact_prefix="$dir/")
	log=$dir/fuzz-$(date -u +%Y%m%d-%H%M%S).log
	if [ $check -eq 1 ]; then
		files=("$seeds"/*)
		if [ -e "${files[0]}" ] &&
		   ! "$bin" "${opts[@]}" "${files[@]}" > "$log" 2>&1; then
			echo "fuzz $t: a committed corpus file fails (see $log)"
			grep -E "^SUMMARY|^==.*ERROR|Test unit written" "$log"
			status=1
			continue
		fi
		work=$(mktemp -d) || exit 1
		corpus=$work
	else
		corpus=$dir/corpus
	fi
	# libFuzzer writes what it finds into its corpus folder: never hand
	# it the committed one, copy the seeds over instead
	cp -n "$seeds"/* "$corpus"/ 2>/dev/null
	start=$(date +%s)
	"$bin" "${opts[@]}" -max_total_time="$secs" -runs="$runs" \
		"$corpus" >> "$log" 2>&1
	st=$?
	[ $check -eq 1 ] && rm -rf "$work"
	n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	if [ $st -ne 0 ]; then
		echo "fuzz $t: FINDING after ${n:-?} executions (see $log)"
		grep -E "^SUMMARY|^==.*ERROR|Test unit written|timeout" "$log" |
			head -5
		status=1
	else
		echo "fuzz $t: ${n:-?} executions in $(( $(date +%s) - start )) s, no finding"
	fi
done
exit $status
