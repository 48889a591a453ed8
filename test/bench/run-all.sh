#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# make bench: every side-by-side benchmark of test/bench/, one after the
# other, each printing its table; the host's load average before and after
# each (the numbers mean little on a busy host). The boards and host tools
# must be built (the Makefile's bench target does that).
#
# Every script records its per-run samples in $BENCH_RESULTS (default
# build/bench/results.jsonl, emptied first); at the end plot.py draws them
# into $BENCH_PLOT (default doc/develop/bench.png).
#
# Usage: test/bench/run-all.sh [--runs N]   (default 3)

set -eu
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-/usr/bin/python3}
runs=3
if [ "${1:-}" = "--runs" ] && [ -n "${2:-}" ]; then
	runs=$2
elif [ $# -gt 0 ]; then
	echo "usage: $0 [--runs N]" >&2
	exit 2
fi

# Every script's temporary files (disk images) in one folder, removed at
# the end whatever the scripts leave behind
TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/virtboot-bench.XXXXXX")
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT

BENCH_RESULTS=${BENCH_RESULTS:-build/bench/results.jsonl}
BENCH_PLOT=${BENCH_PLOT:-doc/develop/bench.png}
export BENCH_RESULTS
mkdir -p "$(dirname "$BENCH_RESULTS")"
: >"$BENCH_RESULTS"
loads=""

bench() {
	local script=$1
	shift
	echo
	echo "=== $script${*:+ $*} (runs: $runs)"
	echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
	loads="$loads $(cut -d' ' -f1 /proc/loadavg)"
	"$PYTHON" "test/bench/$script" "$@" --runs "$runs"
	echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
	loads="$loads $(cut -d' ' -f1 /proc/loadavg)"
}

bench bench-qemu-arm64.py
bench bench-qemu-s390x.py
bench bench-virtio-scsi.py --board qemu-arm64
bench bench-virtio-scsi.py --board qemu-s390x
bench bench-zipl-boot.py
bench bench-netboot.py
bench bench-zipl-boot.py --scsi
bench bench-fs-load.py
bench bench-net-tftp.py
bench bench-linux-boot.py

qemu=$(qemu-system-s390x --version | sed -n 's/^QEMU emulator version \([^ ]*\).*/\1/p')
"$PYTHON" test/bench/plot.py "$BENCH_RESULTS" "$BENCH_PLOT" \
	--note "make bench, $runs runs each (32 MiB payload: 11), $(date +%F), QEMU $qemu (TCG), $(nproc) cores shared with other jobs" \
	--load "$loads"
echo
echo "figure: $BENCH_PLOT (from $BENCH_RESULTS)"
