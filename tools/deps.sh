#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tools/deps.sh: install the Debian bookworm packages iosafe needs, when
# missing.  Quick and silent when everything is there.  As root it runs
# apt-get; otherwise it prints the exact command and fails.
set -euo pipefail

PACKAGES=(
	make gcc g++ pkg-config                  # the library; g++: C++ header checks
	clang-19 llvm-19-dev libclang-19-dev     # the analyzer plugin
	clang-tools-19                           # analyze-build, scan-build
	libcriterion-dev valgrind                # tests
	strace                                   # tests/faults: fault injection
	frama-c-base why3 z3 cvc4 cvc5           # proofs
	python3                                  # iosafe-check, SARIF checks
	clang-format-19                          # make format-plugin (analyzer-plugin/.clang-format)
	cmake meson ninja-build                  # the CMake package; CMake and meson consumers
	bear python3-yaml                        # the CI templates' test (tests/ci/)
	gcc-mingw-w64-x86-64 wine64              # the Windows library (src/win/), its tests under wine
	nodejs                                   # the SARIF validator (tools/sarif/, npm)
)

missing=()
for p in "${PACKAGES[@]}"; do
	if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
		missing+=("$p")
	fi
done
# npm: Debian's own package, unless the nodejs installed already brings it
# (NodeSource's nodejs ships npm and conflicts with Debian's npm).
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing Debian packages: ${missing[*]}" >&2
	echo "deps: run as root:  apt-get update && $cmd" >&2
	exit 1
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# apt-get update once: a fresh machine's package lists may be empty or old.
apt-get update -qq
$cmd -qq
