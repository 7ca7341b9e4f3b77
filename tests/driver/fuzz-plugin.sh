#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tests/driver/fuzz-plugin.sh PLUGIN: a bounded crash run of the iosafe
# analyzer plugin over programs csmith generates (make fuzz; not part of
# make check, which must not depend on a random-program generator).
#
# Each program is csmith's (seeds FUZZ_SEED .. FUZZ_SEED+FUZZ_PROGRAMS-1,
# defaults 1 and 60) with two functions added that hold an fd open across
# a call of csmith's func_1, so that iosafe's checkers track a descriptor
# through the generated code: iosafe_fuzz_fd closes it (a finding there is
# a false positive), iosafe_fuzz_leak does not (the one leak expected; a
# miss is counted, not failed: the analyzer may give up inside func_1).  It is analysed by `clang --analyze` with
# the plugin and both checkers; a crash (a signal, or Clang's "PLEASE
# submit a bug report") or a run past FUZZ_TIMEOUT seconds (default 300) is
# a failure, and the program is kept in build/fuzz/ to reproduce it.
#
# csmith and its headers (Debian csmith, libcsmith-dev) are installed here
# when missing, as root (saying so); otherwise the command to run is printed.
set -euo pipefail

plugin=${1:?usage: fuzz-plugin.sh PLUGIN}
CLANG=${CLANG:-clang-19}
n=${FUZZ_PROGRAMS:-60}
seed=${FUZZ_SEED:-1}
limit=${FUZZ_TIMEOUT:-300}
keep=${FUZZ_KEEP:-build/fuzz}

if ! command -v csmith >/dev/null || [ ! -f /usr/include/csmith/csmith.h ]; then
	cmd="apt-get install -y --no-install-recommends csmith libcsmith-dev"
	if [ "$(id -u)" -ne 0 ]; then
		echo "fuzz: csmith is missing; run as root:  apt-get update && $cmd" >&2
		exit 1
	fi
	echo "fuzz: installing csmith and libcsmith-dev (Debian) for this run"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	$cmd -qq >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/iosafe-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$keep"

programs=0 lines=0 crashes=0 timeouts=0 rejected=0 findings=0 leaks=0
start=$(date +%s)
for ((s = seed; s < seed + n; s++)); do
	src="$work/p$s.c"
	csmith --seed "$s" --max-funcs 6 --max-block-depth 4 -o "$work/gen.c" >/dev/null
	{
		cat "$work/gen.c"
		cat <<'EOF'
#include <fcntl.h>
#include <unistd.h>
int iosafe_fuzz_fd(void)
{
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	(void)func_1();
	return close(fd);
}
int iosafe_fuzz_leak(void)
{
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	(void)func_1();
	return 0;
}
EOF
	} >"$src"
	programs=$((programs + 1))
	lines=$((lines + $(wc -l <"$src")))
	rc=0
	timeout -s KILL "$limit" "$CLANG" --analyze -w -I/usr/include/csmith \
		-Xclang -load -Xclang "$plugin" \
		-Xclang -analyzer-checker=iosafe.Ownership,iosafe.PosixFd \
		-Xclang -analyzer-output=text "$src" -o /dev/null >"$work/out" 2>&1 || rc=$?
	fp=$(grep -c "warning: .*\\[iosafe\\." "$work/out" || true)
	leak=$(grep -c "warning: fd leak: .*\\[iosafe\\.PosixFd\\]" "$work/out" || true)
	leaks=$((leaks + leak))
	findings=$((findings + fp - leak))
	[ "$fp" -gt "$leak" ] && { cp "$src" "$keep/extra-p$s.c"; echo "fuzz: seed $s: unexpected finding (kept $keep/extra-p$s.c)"; }
	if [ "$rc" -eq 137 ]; then
		timeouts=$((timeouts + 1))
		cp "$src" "$keep/timeout-p$s.c"
		echo "fuzz: seed $s: past ${limit} s (kept $keep/timeout-p$s.c)"
	elif [ "$rc" -gt 128 ] || grep -q 'PLEASE submit a bug report' "$work/out"; then
		crashes=$((crashes + 1))
		cp "$src" "$keep/crash-p$s.c"
		cp "$work/out" "$keep/crash-p$s.out"
		echo "fuzz: seed $s: CRASH (kept $keep/crash-p$s.c)"
	elif [ "$rc" -ne 0 ]; then
		rejected=$((rejected + 1))
		echo "fuzz: seed $s: clang rejected the program (exit $rc): $(grep -m1 error: "$work/out" || true)"
	fi
done
took=$(($(date +%s) - start))
echo "fuzz: $programs csmith programs (seeds $seed-$((seed + n - 1)), $lines lines), $took s:" \
	"$crashes crashes, $timeouts timeouts, $rejected rejected by clang;" \
	"seeded leaks found $leaks of $programs, other iosafe findings $findings"
[ "$crashes" -eq 0 ] && [ "$timeouts" -eq 0 ]
