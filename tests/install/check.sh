#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tests/install/check.sh: install into a DESTDIR, build a program against it
# with pkg-config, CMake's find_package (also after moving the tree) and
# meson's dependency() (shared and static each), check the soname and that
# both libraries export every function the installed headers declare (those
# whose body is in a header too: include/iosafe/inline.h), uninstall, and
# check that nothing install wrote is left.  Run twice: with PREFIX=/usr,
# and with PREFIX, libdir and includedir all given, to see they are honoured.
#
# pkg-config is pointed at the DESTDIR only (PKG_CONFIG_LIBDIR, so no
# system-wide iosafe.pc can answer) and PKG_CONFIG_SYSROOT_DIR prefixes
# the -I/-L paths with it (pkg-config(1)); iosafe.pc itself must name the
# real prefix, never the DESTDIR.
#
# Environment: MAKE, CC, VERSION_MAJOR, V=1 to print commands.
set -euo pipefail

MAKE=${MAKE:-make}
CC=${CC:-cc}
MAJOR=${VERSION_MAJOR:?VERSION_MAJOR}
V=${V:-0}

dest=$(mktemp -d "${TMPDIR:-/tmp}/iosafe-install.XXXXXX")
trap 'rm -rf "$dest"' EXIT
checks=0

fail() {
	echo "install: FAIL: $*" >&2
	exit 1
}
ok() {
	checks=$((checks + 1))
	[ "$V" = 1 ] && echo "install: ok: $*"
	return 0
}

round() { # name, prefix, then make variables
	local name=$1 prefix=$2
	shift 2
	local d="$dest/$name"
	mkdir -p "$d"

	"$MAKE" --no-print-directory -s install DESTDIR="$d" "$@" >/dev/null ||
		fail "$name: make install $*"
	local installed
	installed=$(cd "$d" && find . \( -type f -o -type l \) | sort)
	[ -n "$installed" ] || fail "$name: make install wrote nothing"
	ok "$name: installed $(wc -l <<<"$installed") files"

	local pcdir libdir
	pcdir=$(cd "$d" && find . -name iosafe.pc -printf '%h\n' | sed 's|^\.||')
	[ -n "$pcdir" ] || fail "$name: no iosafe.pc installed"
	libdir=$(cd "$d" && find . -name "libiosafe.so.$MAJOR" -printf '%h\n' | sed 's|^\.||')
	[ -n "$libdir" ] || fail "$name: no libiosafe.so.$MAJOR installed"

	# The .pc names the real prefix, not the staging directory.
	if grep -q "$d" "$d$pcdir/iosafe.pc"; then
		fail "$name: iosafe.pc names the DESTDIR: $(cat "$d$pcdir/iosafe.pc")"
	fi
	ok "$name: iosafe.pc has no DESTDIR in it"

	local pc=(env PKG_CONFIG_LIBDIR="$d$pcdir" PKG_CONFIG_PATH= PKG_CONFIG_SYSROOT_DIR="$d" pkg-config)
	local cflags libs libs_l libs_L
	cflags=$("${pc[@]}" --cflags iosafe) || fail "$name: pkg-config --cflags iosafe"
	libs=$("${pc[@]}" --libs iosafe) || fail "$name: pkg-config --libs iosafe"
	libs_L=$("${pc[@]}" --libs-only-L iosafe)
	libs_l=$("${pc[@]}" --libs-only-l iosafe)
	[ "$V" = 1 ] && echo "install: $name: cflags: $cflags; libs: $libs"
	[[ "$cflags" == *"$d"* && "$libs" == *"$d$libdir"* ]] ||
		fail "$name: pkg-config does not point into the DESTDIR: $cflags $libs"

	# Shared: links to libiosafe.so.MAJOR, runs only with the library found.
	# shellcheck disable=SC2086 # word splitting of pkg-config output is intended
	$CC -std=c11 -Wall -Wextra -Werror $cflags tests/install/prog.c $libs -o "$d/prog-shared" ||
		fail "$name: shared build"
	readelf -d "$d/prog-shared" | grep "NEEDED.*\[libiosafe\.so\.$MAJOR\]" >/dev/null ||
		fail "$name: prog-shared does not need libiosafe.so.$MAJOR"
	ok "$name: prog-shared needs libiosafe.so.$MAJOR"
	LD_LIBRARY_PATH="$d$libdir" "$d/prog-shared" >"$d/out" || fail "$name: prog-shared failed"
	LD_LIBRARY_PATH="$d$libdir" ldd "$d/prog-shared" | grep "libiosafe.so.$MAJOR => $d$libdir/" >/dev/null ||
		fail "$name: prog-shared did not load the installed library"
	ok "$name: prog-shared ran: $(cat "$d/out")"

	# Static: -Bstatic picks libiosafe.a; nothing of iosafe is needed at run time.
	# shellcheck disable=SC2086
	$CC -std=c11 -Wall -Wextra -Werror $cflags tests/install/prog.c $libs_L \
		-Wl,-Bstatic $libs_l -Wl,-Bdynamic -o "$d/prog-static" || fail "$name: static build"
	if readelf -d "$d/prog-static" | grep 'NEEDED.*libiosafe' >/dev/null; then
		fail "$name: prog-static still needs libiosafe"
	fi
	"$d/prog-static" >/dev/null || fail "$name: prog-static failed"
	ok "$name: prog-static ran"

	# CMake: find_package(iosafe) through CMAKE_PREFIX_PATH, both imported
	# targets.  The shared program runs through the build RPATH CMake
	# records for an imported library, with no LD_LIBRARY_PATH.
	# Under $prefix/lib, CMAKE_PREFIX_PATH finds it; a libdir such as lib64
	# is not searched on a multiarch system (cmake-packages(7)), and users
	# point iosafe_DIR at the folder instead.
	local link needs_so cmdir hint
	cmdir=$(cd "$d" && find . -name iosafeConfig.cmake -printf '%h\n' | sed 's|^\.||')
	[ -n "$cmdir" ] || fail "$name: no iosafeConfig.cmake installed"
	case "$cmdir" in
	"$prefix/lib/cmake/iosafe") hint=CMAKE_PREFIX_PATH="$prefix" ;;
	*) hint=iosafe_DIR="$cmdir" ;;
	esac
	for link in shared static; do
		cmake -S tests/install/cmake -B "$d/cmake-$link" -DCMAKE_C_COMPILER="$(command -v "$CC")" \
			-D"${hint%%=*}=$d${hint#*=}" -DIOSAFE_LINK=$link >"$d/cmake.log" 2>&1 &&
			cmake --build "$d/cmake-$link" >>"$d/cmake.log" 2>&1 ||
			fail "$name: CMake consumer ($link): $(tail -n 20 "$d/cmake.log")"
		"$d/cmake-$link/prog" >/dev/null || fail "$name: CMake consumer ($link) failed"
		needs_so=no
		readelf -d "$d/cmake-$link/prog" | grep -q "NEEDED.*\[libiosafe\.so\.$MAJOR\]" && needs_so=yes
		[ "$link/$needs_so" = shared/yes ] || [ "$link/$needs_so" = static/no ] ||
			fail "$name: CMake consumer ($link) needs libiosafe.so: $needs_so"
		ok "$name: CMake consumer ($link) built and ran"
	done
	# The package is relocatable: moved elsewhere, CMake still finds it.
	mv "$d" "$d.moved"
	cmake -S tests/install/cmake -B "$d.moved/cmake-moved" -DCMAKE_C_COMPILER="$(command -v "$CC")" \
		-D"${hint%%=*}=$d.moved${hint#*=}" >"$d.moved/cmake.log" 2>&1 &&
		cmake --build "$d.moved/cmake-moved" >>"$d.moved/cmake.log" 2>&1 &&
		"$d.moved/cmake-moved/prog" >/dev/null ||
		fail "$name: CMake consumer of a moved install: $(tail -n 20 "$d.moved/cmake.log")"
	rm -rf "$d.moved/cmake-moved" "$d.moved/cmake-shared" "$d.moved/cmake-static" "$d.moved/cmake.log"
	mv "$d.moved" "$d"
	ok "$name: CMake consumer of a moved install"

	# meson: dependency('iosafe') through the same pkg-config set-up.
	if command -v meson >/dev/null; then
		for link in shared static; do
			env PKG_CONFIG_LIBDIR="$d$pcdir" PKG_CONFIG_PATH= PKG_CONFIG_SYSROOT_DIR="$d" CC="$CC" \
				meson setup "$d/meson-$link" tests/install/meson -Dlink=$link >"$d/meson.log" 2>&1 &&
				meson compile -C "$d/meson-$link" >>"$d/meson.log" 2>&1 ||
				fail "$name: meson consumer ($link): $(tail -n 20 "$d/meson.log")"
			LD_LIBRARY_PATH="$d$libdir" "$d/meson-$link/prog" >/dev/null ||
				fail "$name: meson consumer ($link) failed"
			needs_so=no
			readelf -d "$d/meson-$link/prog" | grep -q "NEEDED.*\[libiosafe\.so\.$MAJOR\]" && needs_so=yes
			[ "$link/$needs_so" = shared/yes ] || [ "$link/$needs_so" = static/no ] ||
				fail "$name: meson consumer ($link) needs libiosafe.so: $needs_so"
			ok "$name: meson consumer ($link) built and ran"
		done
	else
		fail "$name: meson is missing (tools/deps.sh installs it)"
	fi
	rm -rf "$d"/cmake-* "$d"/meson-* "$d/cmake.log" "$d/meson.log"

	# Every function the installed headers declare (all but the static
	# inline ones) is a symbol of both libraries: for other languages, for
	# its address, for units that do not inline it.
	local fns missing=""
	# (iosafe_acsl.h, iosafe_posix.h and libc/ are Frama-C's model,
	# installed beside them: declarations without symbols; win.h, the
	# *_win.h headers and the _WIN32 halves of the portable headers are
	# the Windows library's, src/win/: the awk drops what a unit without
	# _WIN32 does not see.)
	fns=$(cd "$d" && find . -path '*/iosafe/*.h' ! -name 'iosafe_*.h' ! -name win.h ! -name '*_win.h' ! -path '*/libc/*' \
		-exec awk '
			function win(  i) { for (i = 1; i <= n; i++) if (st[i] == "W") return 1; return 0 }
			/^#[ \t]*ifdef[ \t]+_WIN32/ { st[++n] = "W"; next }
			/^#[ \t]*ifndef[ \t]+_WIN32/ { st[++n] = "P"; next }
			/^#[ \t]*if/ { st[++n] = "O"; next }
			/^#[ \t]*else/ { if (st[n] == "W") st[n] = "P"; else if (st[n] == "P") st[n] = "W"; next }
			/^#[ \t]*endif/ { n--; next }
			!win() { print }' {} \; |
		grep -o '^[a-z][a-z_ ]*[ *]iosafe_[a-z0-9_]*(' |
		grep -v '^static' | sed 's/.*[ *]\(iosafe_[a-z0-9_]*\)(/\1/' | sort -u)
	[ "$(wc -l <<<"$fns")" -ge 11 ] || fail "$name: found only $(wc -l <<<"$fns") functions in the installed headers"
	for f in $fns; do
		nm -D --defined-only "$d$libdir/libiosafe.so" | grep " T $f\$" >/dev/null || missing="$missing $f(.so)"
		nm --defined-only "$d$libdir/libiosafe.a" | grep " T $f\$" >/dev/null || missing="$missing $f(.a)"
	done
	[ -z "$missing" ] || fail "$name: not exported:$missing"
	ok "$name: libiosafe.so and libiosafe.a export all $(wc -l <<<"$fns") functions of the headers"

	# The soname and the symlink chain.
	readelf -d "$d$libdir/libiosafe.so" | grep "SONAME.*\[libiosafe\.so\.$MAJOR\]" >/dev/null ||
		fail "$name: soname is not libiosafe.so.$MAJOR"
	[ "$(readlink "$d$libdir/libiosafe.so")" = "libiosafe.so.$MAJOR" ] ||
		fail "$name: libiosafe.so -> $(readlink "$d$libdir/libiosafe.so")"
	ok "$name: soname libiosafe.so.$MAJOR"

	# Uninstall with the same variables: every file and link goes.
	rm -f "$d/prog-shared" "$d/prog-static" "$d/out"
	"$MAKE" --no-print-directory -s uninstall DESTDIR="$d" "$@" >/dev/null ||
		fail "$name: make uninstall $*"
	local left
	left=$(cd "$d" && find . \( -type f -o -type l \) | sort)
	[ -z "$left" ] || fail "$name: make uninstall left files behind:
$left"
	ok "$name: uninstall removed all $(wc -l <<<"$installed") files"
	echo "install: $name ($*): ok: $(wc -l <<<"$installed") files installed, built shared and static with pkg-config, CMake and meson, soname libiosafe.so.$MAJOR, all removed by uninstall"
}

round usr /usr PREFIX=/usr
round opt /opt/iosafe PREFIX=/opt/iosafe libdir=/opt/iosafe/lib64 includedir=/opt/iosafe/inc
echo "install: $checks passed, 0 failed"
