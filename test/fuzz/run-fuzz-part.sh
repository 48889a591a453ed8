#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Fuzz the partition table parsers for SECONDS (default 60): kept for the
# old name; every target is run by test/fuzz/run-fuzz.sh.
exec "$(dirname "$0")/run-fuzz.sh" --seconds "${1:-60}" part
