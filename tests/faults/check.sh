#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tests/faults/check.sh: fault injection.  Each row below runs one iosafe
# wrapper (tests/faults/inject.c) twice: once as it is (it must succeed:
# the control), once under strace with -e inject=SYSCALL:error=ERRNO, which
# makes the system call fail with ERRNO without running it (strace(1),
# "Tampering").  The wrapper must return exactly -ERRNO and keep its other
# promises.  The errno values are chosen outside the lists the man pages
# give (or outside the "common" values iosafe's docs name), as a file
# system, a Linux Security Module or a seccomp filter can return them:
# a contract or a doc that promised a closed list of errors fails here.
#
# Environment: INJECT (the test program), OUT (a build directory),
# STRACE (default strace), V=1 to print every command.
set -uo pipefail

INJECT=${INJECT:?INJECT: the test program}
OUT=${OUT:?OUT: a build directory}
STRACE=${STRACE:-strace}
V=${V:-0}
mkdir -p "$OUT"

if ! command -v "$STRACE" >/dev/null; then
	echo "faults: $STRACE not found (make deps installs it)" >&2
	exit 1
fi
if ! "$STRACE" -f -o /dev/null true 2>"$OUT/strace-probe.log"; then
	echo "faults: strace cannot trace here (ptrace refused?):" >&2
	sed 's/^/  | /' "$OUT/strace-probe.log" >&2
	exit 1
fi

# case  syscall  ERRNO  expected result  [strace when=N: the Nth call only].  0 where the wrapper has an answer
# all the same: EINTR on close (the descriptor is closed); ENOSYS from
# close_range (the /proc-free fallback walk, checked to close or flag
# exactly the range) and ENOSYS or EPERM from kcmp (the fstat + F_GETFL
# fallback, checked to give the right answers).
rows=(
	"close close EPERM -1"
	"close close ENOLINK -67"
	"close close EINTR 0"
	"try_clone fcntl EACCES -13"
	"open openat EPERM -1"
	"openat openat ENOLINK -67"
	"socket socket EPERM -1"
	"accept accept4 EHOSTUNREACH -113"
	"pipe pipe2 EPERM -1"
	"read read EPERM -1"
	"write write ENOLINK -67"
	"dup fcntl EACCES -13"
	"dup_min fcntl EPERM -1"
	"dup_stdout fcntl ENOLINK -67"
	"take_stdin fcntl EACCES -13"
	"get_flags fcntl EACCES -13"
	"set_flags fcntl ENOLINK -67"
	"dup_onto dup3 EPERM -1"
	"dup2_stdin dup3 ENOLINK -67"
	"get_cloexec fcntl EACCES -13"
	"set_cloexec fcntl EACCES -13"
	"set_nonblock fcntl EACCES -13"
	"move_above_stdio fcntl EACCES -13"
	"close_range close_range EPERM -1"
	"close_range close_range ENOSYS 0"
	"close_range_cloexec close_range ENOSYS 0"
	"close_range_unshare close_range ENOSYS -38"
	"close_all_except close_range ENOSYS 0"
	"same kcmp ENOSYS 0"
	"same kcmp EPERM 0"
	"same kcmp ENOLINK -67"
	"get_path readlink EPERM -1"
	"reopen openat ENOLINK -67 when=2"
)
# event.h (tests/faults/inject_event.h)
rows+=(
	"epoll_create epoll_create1 EPERM -1"
	"eventfd eventfd2 ENOLINK -67"
	"timerfd_create timerfd_create EACCES -13"
	"signalfd signalfd4 EPERM -1"
	"inotify_init inotify_init1 ENOLINK -67"
	"fanotify_init fanotify_init ENOLINK -67"
	"epoll_wait epoll_wait EIO -5"
	"poll poll EACCES -13"
	"eventfd_read read ENOLINK -67"
	"signalfd_read read EPERM -1"
)

pass=0
fail=0
for row in "${rows[@]}"; do
	read -r name sys err expect inject_arg <<<"$row"
	spec="$sys:error=$err${inject_arg:+:$inject_arg}"
	[ "$V" = 1 ] && echo "$INJECT $name 0; $STRACE -f -e trace=$sys -e inject=$spec $INJECT $name $expect"
	if ! "$INJECT" "$name" 0; then
		fail=$((fail + 1))
		echo "faults: FAIL: $name without injection did not succeed" >&2
		continue
	fi
	log="$OUT/$name-$sys-$err.log"
	if "$STRACE" -f -o "$log" -e trace="$sys" -e inject="$spec" "$INJECT" "$name" "$expect"; then
		if grep -q "(INJECTED)" "$log"; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "faults: FAIL: $name: strace injected nothing into $sys (see $log)" >&2
		fi
	else
		fail=$((fail + 1))
		echo "faults: FAIL: $name with $sys failing $err: the result was not $expect, or an out-parameter or owner was wrong (strace log: $log)" >&2
		sed 's/^/  | /' "$log" | tail -n 5 >&2
	fi
done
echo "faults: ${#rows[@]} injected failures: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
