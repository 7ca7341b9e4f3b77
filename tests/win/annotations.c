/* SPDX-License-Identifier: MIT */
/*
 * tests/win/annotations.c: the IOSAFE_* annotations on Windows types, under
 * clang --target=x86_64-w64-mingw32 with the mingw-w64 headers, checked by
 * clang -verify (tests/win/win.mk): every annotated declaration of
 * <iosafe/iosafe.h> (which includes win.h there) and the user declarations
 * below compile with -Werror=ignored-attributes, and each misplaced
 * annotation gives exactly the diagnostic written beside it.
 */
#include <iosafe/iosafe.h>

/* A user's own API on raw HANDLE and SOCKET values. */
HANDLE my_open_log(const wchar_t *path) IOSAFE_ACQUIRES;
int my_open_pair(HANDLE *read_end IOSAFE_ACQUIRES, HANDLE *write_end IOSAFE_ACQUIRES);
void my_close(HANDLE h IOSAFE_RELEASES);
DWORD my_write(HANDLE h IOSAFE_USES, const void *buf, DWORD n);
SOCKET my_listen(unsigned short port) IOSAFE_ACQUIRES;
int my_accept(SOCKET *out IOSAFE_ACQUIRES, SOCKET listener IOSAFE_USES);
void my_sock_free(SOCKET s IOSAFE_RELEASES);
HANDLE my_conn_handle(const iosafe_owned_handle *h IOSAFE_RETURNS_BORROW);

/* ...and on the iosafe types. */
iosafe_owned_handle my_make(void) IOSAFE_ACQUIRES;
int my_make_out(iosafe_owned_handle *out IOSAFE_ACQUIRES);
void my_give(iosafe_owned_handle h IOSAFE_RELEASES);
int my_use(iosafe_borrowed_handle h IOSAFE_USES);
int my_sock_out(iosafe_owned_socket *out IOSAFE_ACQUIRES);
void my_sock_give(iosafe_owned_socket s IOSAFE_RELEASES);
void my_sock_use(iosafe_borrowed_socket s IOSAFE_USES);

/* Misplaced: release and use belong to parameters, not to functions. */
void bad_release(HANDLE h) IOSAFE_RELEASES; /* expected-error {{'release_handle' attribute only applies to parameters}} */
void bad_use(SOCKET s) IOSAFE_USES; /* expected-error {{'use_handle' attribute only applies to parameters}} */

/* The annotations expand to Clang's handle attributes here (not to nothing). */
#if !__has_attribute(acquire_handle)
#  error "clang without acquire_handle"
#endif
_Static_assert(sizeof(IOSAFE_HANDLE_TAG) == sizeof("iosafe"), "the iosafe tag");
