#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tests/unit/valgrind-fds.sh LOGDIR: judge the logs of one valgrind run of
# the unit tests (one log per process, --log-file=LOGDIR/vg.%p.log).
#
# Fails when
#  - any process has memcheck errors ("ERROR SUMMARY: N errors", N > 0);
#  - any process exits with a descriptor open that was created by the
#    project's code: a "Open file descriptor N:" record of --track-fds=yes
#    whose creation stack has a frame in tests/unit/, src/ or include/iosafe/
#    (the inline functions; valgrind is
#    run with --fullpath-after=<source root>/, so those frames are printed
#    as tests/unit/x.c:LINE and src/x.c:LINE).
#
# Why not --error-exitcode alone: valgrind 3.19 prints --track-fds records
# as a report at exit but does not count them as errors (they became
# errors only in valgrind 3.22, with --track-fds=bad).  And not every open
# descriptor at exit is a leak: Criterion runs each test in a forked worker
# (BoxFort), which inherits Criterion's own pipes, eventfds and shared-memory
# arena and exits with them open; their records are "<inherited from parent>"
# or created by libcriterion only, and are not ours to judge.
set -euo pipefail

logdir=${1:?usage: valgrind-fds.sh LOGDIR}
shopt -s nullglob
logs=("$logdir"/vg.*.log)
if [ ${#logs[@]} -eq 0 ]; then
	echo "valgrind: no logs in $logdir" >&2
	exit 1
fi

status=0
errors=0
leaks=0
for log in "${logs[@]}"; do
	# Memcheck errors.
	n=$(sed -n 's/.*ERROR SUMMARY: \([0-9][0-9]*\) errors.*/\1/p' "$log" | tail -n 1)
	if [ -n "$n" ] && [ "$n" -gt 0 ]; then
		echo "valgrind: $n memcheck error(s) in $log:" >&2
		sed -n '/^==[0-9]*== [A-Z].*/,/^==[0-9]*== $/p' "$log" | head -n 40 >&2
		errors=$((errors + n))
		status=1
	fi
	# Descriptor records: one block from "Open file descriptor" to the
	# next blank valgrind line; ours when a frame is in tests/unit/ or src/.
	found=$(awk '
		/== Open (file descriptor|[A-Za-z0-9_-]+ socket)/ { flush(); block = $0 "\n"; inblock = 1; next }
		inblock && /^==[0-9]+== *$/ { flush(); next }
		inblock { block = block $0 "\n"; if ($0 ~ /\((tests\/unit|src|include\/iosafe)\/[^:()]*:[0-9]+\)/) ours = 1 }
		function flush() { if (inblock && ours) printf "%s", block; inblock = 0; ours = 0; block = "" }
		END { flush() }
	' "$log")
	if [ -n "$found" ]; then
		echo "valgrind: descriptor leak in $log:" >&2
		printf '%s\n' "$found" >&2
		leaks=$((leaks + $(grep -c 'Open ' <<<"$found")))
		status=1
	fi
done

echo "valgrind: ${#logs[@]} processes, $errors memcheck errors, $leaks leaked descriptors"
exit $status
