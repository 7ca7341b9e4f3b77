/* SPDX-License-Identifier: MIT */
/*
 * iosafe/annotations.h: ownership annotations for file descriptors.
 *
 * These macros say, in a function's declaration, what the function does with
 * the descriptors it receives or returns.  On Clang they expand to Clang's
 * handle attributes (acquire_handle, release_handle, use_handle) carrying
 * iosafe's own tag, IOSAFE_HANDLE_TAG; the iosafe analyzer plugin
 * (iosafe.Ownership) reads them.  On every other compiler they expand to
 * nothing, so annotated code still builds anywhere.
 *
 * They work on plain int descriptors in your own APIs as well as on
 * iosafe_owned_fd / iosafe_borrowed_fd and pointers to them; on Windows,
 * on HANDLE and SOCKET values, pointers to them, and the types of
 * <iosafe/win.h> (iosafe_owned_handle, iosafe_owned_socket, ...):
 *   HANDLE my_open_log(const wchar_t *path) IOSAFE_ACQUIRES;
 *   void my_sock_free(SOCKET s IOSAFE_RELEASES);
 * (tests/win/annotations.c checks these with clang
 * --target=x86_64-w64-mingw32).
 *
 * Where each one may be placed (Clang's rules, checked by Clang itself):
 *
 *   IOSAFE_ACQUIRES      after a function's declarator: the return value is a
 *                        descriptor the caller now owns;
 *                          int make_fd(void) IOSAFE_ACQUIRES;
 *                        after an out-parameter (pointer to int or to
 *                        iosafe_owned_fd): on success (return value 0, or a
 *                        non-negative descriptor) the pointee is owned by the
 *                        caller;
 *                          int open_log(int *out IOSAFE_ACQUIRES);
 *                        on a typedef: every function returning that type
 *                        acquires.
 *   IOSAFE_RELEASES      after a parameter only: the function closes the
 *                        descriptor or takes ownership of it (stores it,
 *                        hands it on).  The caller must not use it afterwards.
 *                          void conn_free(int fd IOSAFE_RELEASES);
 *   IOSAFE_USES          after a parameter only: the function uses the
 *                        descriptor during the call and neither closes nor
 *                        keeps it.
 *                          ssize_t send_all(int fd IOSAFE_USES, ...);
 *   IOSAFE_RETURNS_BORROW after a parameter only: the function's return value
 *                        is a borrow of the descriptor that parameter holds;
 *                        it is valid only while that parameter's owner is.
 *                          iosafe_borrowed_fd conn_fd(const struct conn *c
 *                                                     IOSAFE_RETURNS_BORROW);
 *
 * A misplaced annotation (IOSAFE_RELEASES on a function, say) is dropped by
 * Clang with a -Wignored-attributes warning; iosafe-check compiles with
 * -Werror=ignored-attributes, so it is an error there, never silently lost.
 * Add -Werror=ignored-attributes to your own Clang builds for the same.
 *
 * Sources: Clang's attribute reference (acquire_handle, release_handle,
 * use_handle, annotate); Rust's std::os::fd (OwnedFd, BorrowedFd<'fd>).
 */
#ifndef IOSAFE_ANNOTATIONS_H
#define IOSAFE_ANNOTATIONS_H

/** The tag iosafe puts in Clang's handle attributes. */
#define IOSAFE_HANDLE_TAG "iosafe"

#if defined(__clang__) && defined(__has_attribute)
#  if __has_attribute(acquire_handle) && __has_attribute(release_handle) && \
      __has_attribute(use_handle)
#    define IOSAFE_ACQUIRES __attribute__((acquire_handle(IOSAFE_HANDLE_TAG)))
#    define IOSAFE_RELEASES __attribute__((release_handle(IOSAFE_HANDLE_TAG)))
#    define IOSAFE_USES     __attribute__((use_handle(IOSAFE_HANDLE_TAG)))
#  endif
#  if __has_attribute(annotate)
#    define IOSAFE_RETURNS_BORROW __attribute__((annotate("iosafe_returns_borrow")))
#  endif
#endif

#ifndef IOSAFE_ACQUIRES
#  define IOSAFE_ACQUIRES
#  define IOSAFE_RELEASES
#  define IOSAFE_USES
#endif
#ifndef IOSAFE_RETURNS_BORROW
#  define IOSAFE_RETURNS_BORROW
#endif

/**
 * IOSAFE_SUPPRESS(bug_type, reason): written before a statement or a
 * declaration, suppresses the analyzer's reports in it, for a report that
 * is right about the code but wrong about the program:
 *
 *     IOSAFE_SUPPRESS("fd leak", "kept open until exit; the kernel closes it")
 *     int log_fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
 *
 * It is Clang's [[clang::suppress]] (Clang 18 and later; C++11 and later in
 * C++), and nothing on other compilers, so gcc and older Clangs build the
 * code unchanged and without a warning.  Clang's analyzer suppresses every
 * report in that statement, whatever its bug type: @bug_type and @reason
 * are for the reader and for review (both string literals, never
 * evaluated).  Keep the statement small.  docs/bug-types/README.md.
 */
#if defined(__clang__) && __clang_major__ >= 18 && \
    (!defined(__cplusplus) || __cplusplus >= 201103L)
#  define IOSAFE_SUPPRESS(bug_type, reason) [[clang::suppress]]
#else
#  define IOSAFE_SUPPRESS(bug_type, reason)
#endif

#endif /* IOSAFE_ANNOTATIONS_H */
