# SPDX-License-Identifier: MIT
# src/cmake/version.cmake: writes iosafeConfigVersion.cmake with CMake's own
# helper, so that find_package(iosafe X.Y) accepts any installed X.* not older
# than X.Y (SameMajorVersion), as the library's soname promises.
#   cmake -DOUT=<file> -DVERSION=<x.y.z> -P src/cmake/version.cmake
# Run by `make install` (src/lib.mk).
include(CMakePackageConfigHelpers)
write_basic_package_version_file("${OUT}" VERSION "${VERSION}"
	COMPATIBILITY SameMajorVersion)
