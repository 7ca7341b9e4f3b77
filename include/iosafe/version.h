/* SPDX-License-Identifier: MIT */
/* iosafe/version.h: the library's version (semantic versioning). */
#ifndef IOSAFE_VERSION_H
#define IOSAFE_VERSION_H

#define IOSAFE_VERSION_MAJOR 0
#define IOSAFE_VERSION_MINOR 1
#define IOSAFE_VERSION_PATCH 0
#define IOSAFE_VERSION_STRING "0.1.0"

#endif /* IOSAFE_VERSION_H */
