#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Fuzz the shell for SECONDS (default 60): kept for the old name; the
# shell's target is now test/fuzz/fuzz_cli.c, run by test/fuzz/run-fuzz.sh.
exec "$(dirname "$0")/run-fuzz.sh" --seconds "${1:-60}" cli
