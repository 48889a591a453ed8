#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Build the shell fuzz target with clang's libFuzzer, ASan and UBSan,
# seed it with scripts, and run it.
#
#   test/fuzz/run-fuzz-hush.sh [SECONDS]     (default 60)
#
# Crashes are left in build/fuzz/hush/ as crash-* files: reproduce one
# with build/fuzz/hush/fuzz_hush FILE.
set -e
cd "$(dirname "$0")/../.."
secs=${1:-60}
out=build/fuzz/hush
mkdir -p "$out/include/generated" "$out/corpus"
cat > "$out/include/generated/autoconf.h" <<EOH
#define CONFIG_HUSH_PARSER 1
#define CONFIG_SYS_PROMPT "=> "
#define CONFIG_ENV_SIZE 0x2000
#define CONFIG_VERSION_VARIABLE 1
#define CONFIG_SYS_ARCH "fuzz"
#define CONFIG_SYS_BOARD "fuzz"
#define CONFIG_SYS_LOAD_ADDR 0x1000000
#define CONFIG_BOOTDELAY 2
#define CONFIG_BOOTCOMMAND "echo boot"
#define CONFIG_CMD_ECHO 1
#define CONFIG_CMD_RUN 1
EOH

clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-std=gnu11 -Wall -Werror -Wno-unused-parameter -fno-builtin \
	-nostdinc -isystem "$(clang -print-file-name=include)" -Iinclude \
	-I"$out/include" -include include/linux/kconfig.h \
	test/fuzz/fuzz_hush.c common/cli_hush.c common/cli_hush_exec.c \
	common/command.c common/env.c common/version.c common/cli.c \
	common/cli_readline.c cmd/echo.c cmd/test.c cmd/nvedit.c cmd/help.c \
	lib/string.c lib/strto.c lib/vsprintf.c lib/ctype.c \
	-o "$out/fuzz_hush"

# Seeds: the constructs the shell knows
i=0
for s in \
	'setenv a 1; if test $a = 1; then echo yes; else echo no; fi' \
	'false || echo ok && true; echo $?' \
	"echo 'a b' \"c \$d\" e\\ f \${g:-h} \${i:=j} # k" \
	'for x in 1 2 3; do echo $x; done' \
	'setenv n x; while test $n != xxx; do setenv n ${n}x; done' \
	'until true; do echo; done; ! false' \
	'a=1; showvar a; printenv; env default -a; env delete a' \
	'setenv s "run s"; run s' \
	'if a; then b; elif c; then d; else e; fi' \
	'help; help echo; test 1 -lt 2 -a ! x = y -o -z ""' \
	'setenv s "echo a; exit 2; echo b"; run s || exit'
do
	printf '%s' "$s" > "$out/corpus/seed-$i"
	i=$((i + 1))
done

cd "$out"
./fuzz_hush -max_total_time="$secs" -max_len=4096 -timeout=10 \
	-print_final_stats=1 corpus >/dev/null
