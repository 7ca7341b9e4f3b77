// RUN: %clang_analyze_win -analyzer-checker=core,iosafe.Ownership,iosafe.WinHandle -verify %s
// RUN: %clang_analyze_win -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.WinHandle -verify %s
// iosafe.WinHandle: libiosafe's Windows owners (include/iosafe/win.h), the
// one-field structs iosafe_owned_handle and iosafe_owned_socket: its
// acquisitions (0 or a negative errno, the owner none on failure), close
// and drop (which leave the owner none), the static inline moves and
// borrows (inlined), HandleOrInvalid / HandleOrNull.
#include <winsock2.h>
#include <windows.h>
#include <iosafe/win.h>

int pos_open_process_leak(DWORD pid, int fail)
{
	iosafe_owned_handle h;
	if (iosafe_open_process(&h, PROCESS_QUERY_LIMITED_INFORMATION, pid) != 0)
		return -1;
	if (fail)
		return -1; // expected-warning{{fd leak: the handle acquired by 'iosafe_open_process' is not closed with CloseHandle or handed on}}
	iosafe_handle_close(&h);
	return 0;
}

int neg_create_file_closed(const wchar_t *path)
{
	iosafe_owned_handle h;
	int rc = iosafe_create_file_w(&h, path, GENERIC_READ, FILE_SHARE_READ, NULL,
				      OPEN_EXISTING, 0);
	if (rc < 0)
		return rc; // h is none
	iosafe_handle_close(&h);
	iosafe_handle_close(&h); // none by now: nothing happens
	iosafe_handle_drop(&h);
	return 0;
}

int pos_raw_close_twice(const wchar_t *path)
{
	iosafe_owned_handle h;
	if (iosafe_create_file_w(&h, path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0))
		return -1;
	HANDLE raw = iosafe_handle_into_raw(&h);
	CloseHandle(raw);
	CloseHandle(raw); // expected-warning{{double close: the handle was already closed with 'CloseHandle'}}
	return 0;
}

int neg_from_raw_then_close(void)
{
	HANDLE e = CreateEventW(NULL, FALSE, FALSE, NULL);
	if (!e)
		return -1;
	iosafe_owned_handle h = iosafe_handle_from_raw(e);
	iosafe_handle_close(&h);
	return 0;
}

int pos_take_leaks(void)
{
	HANDLE e = CreateEventW(NULL, FALSE, FALSE, NULL);
	if (!e)
		return -1;
	iosafe_owned_handle h = iosafe_handle_from_raw(e);
	iosafe_owned_handle moved = iosafe_handle_take(&h);
	iosafe_handle_close(&h); // h is none: the handle is in moved
	(void)moved;
	return 0; // expected-warning{{fd leak: the handle acquired by 'CreateEventW'}}
}

int pos_pipe_win_read_end_leak(void)
{
	iosafe_owned_handle r, w;
	if (iosafe_pipe_win(&r, &w) != 0)
		return -1;
	iosafe_handle_close(&w); // expected-warning{{fd leak: the handle acquired by 'iosafe_pipe_win'}}
	return 0;
}

int pos_try_clone_leak(iosafe_borrowed_handle b)
{
	iosafe_owned_handle c;
	if (iosafe_handle_try_clone(&c, b) < 0)
		return -1;
	return 0; // expected-warning{{fd leak: the handle acquired by 'iosafe_handle_try_clone'}}
}

int neg_from_invalid_checked(const wchar_t *path)
{
	iosafe_handle_or_invalid r = {CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL)};
	iosafe_owned_handle h;
	if (iosafe_handle_from_invalid(&h, r) < 0)
		return -1; // INVALID_HANDLE_VALUE: nothing acquired
	iosafe_handle_close(&h);
	return 0;
}

int pos_from_invalid_leak(const wchar_t *path)
{
	iosafe_handle_or_invalid r = {CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL)};
	iosafe_owned_handle h;
	if (iosafe_handle_from_invalid(&h, r) < 0)
		return -1;
	return 0; // expected-warning{{fd leak: the handle acquired by 'CreateFileW'}}
}

int pos_from_null_leak(DWORD pid)
{
	iosafe_handle_or_null r = {OpenProcess(SYNCHRONIZE, FALSE, pid)};
	iosafe_owned_handle h;
	if (iosafe_handle_from_null(&h, r) < 0)
		return -1;
	return 0; // expected-warning{{fd leak: the handle acquired by 'OpenProcess'}}
}

int pos_owner_tested_against_invalid(DWORD pid)
{
	iosafe_owned_handle h;
	iosafe_open_process(&h, SYNCHRONIZE, pid);
	// libiosafe leaves the owner none (NULL) on failure, never
	// INVALID_HANDLE_VALUE.
	if (h.raw == INVALID_HANDLE_VALUE) // expected-warning{{wrong handle sentinel: 'iosafe_open_process' fails with NULL, not INVALID_HANDLE_VALUE}}
		return -1;
	iosafe_handle_close(&h);
	return 0;
}

int neg_owner_is_none(DWORD pid)
{
	iosafe_owned_handle h;
	iosafe_open_process(&h, SYNCHRONIZE, pid);
	if (iosafe_handle_is_none(&h))
		return -1;
	iosafe_handle_close(&h);
	return 0;
}

int pos_sock_open_leak(int fail)
{
	iosafe_owned_socket s;
	if (iosafe_sock_open(&s, AF_INET, SOCK_STREAM, 0) != 0)
		return -1;
	if (fail)
		return -1; // expected-warning{{fd leak: the socket acquired by 'iosafe_sock_open' is not closed with closesocket or handed on}}
	iosafe_sock_close(&s);
	return 0;
}

int neg_sock_accept_closed(iosafe_borrowed_socket listener)
{
	iosafe_owned_socket c;
	if (iosafe_sock_accept(&c, listener, NULL, NULL) < 0)
		return -1;
	send(iosafe_sock_raw(iosafe_sock_borrow(&c)), "x", 1, 0);
	iosafe_sock_close(&c);
	return 0;
}

int pos_sock_raw_closed_then_owner_dropped(void)
{
	iosafe_owned_socket s;
	if (iosafe_sock_open(&s, AF_INET, SOCK_DGRAM, 0) != 0)
		return -1;
	closesocket(s.raw);
	iosafe_sock_drop(&s); // expected-warning{{double close: the socket was already closed with 'closesocket'}}
	return 0;
}

int neg_replace_closes_the_old(void)
{
	iosafe_owned_handle a, b;
	if (iosafe_open_process(&a, SYNCHRONIZE, 1) != 0)
		return -1;
	if (iosafe_open_process(&b, SYNCHRONIZE, 2) != 0) {
		iosafe_handle_close(&a);
		return -1;
	}
	iosafe_handle_replace(&a, b); // closes a's handle, a now holds b's
	iosafe_handle_close(&a);
	return 0;
}

int neg_from_null_of_null(DWORD pid)
{
	iosafe_handle_or_null r = {OpenProcess(SYNCHRONIZE, FALSE, pid)};
	iosafe_owned_handle h;
	if (r.raw != NULL) {
		CloseHandle(r.raw);
		return 0;
	}
	// NULL: the conversion can only fail, and h is none.
	if (iosafe_handle_from_null(&h, r) == 0)
		iosafe_handle_close(&h);
	return -1;
}

int neg_auto_handle_closes(void)
{
	iosafe_auto_handle h = IOSAFE_HANDLE_NONE;
	if (iosafe_open_process(&h, SYNCHRONIZE, 4) != 0)
		return -1;
	return WaitForSingleObject(h.raw, 0) == WAIT_OBJECT_0;
}

int neg_auto_sock_closes(void)
{
	iosafe_auto_sock s = IOSAFE_SOCK_NONE;
	if (iosafe_sock_open(&s, AF_INET, SOCK_STREAM, 0) != 0)
		return -1;
	return send(s.raw, "x", 1, 0);
}

int pos_auto_handle_moved_out_leaks(void)
{
	iosafe_auto_handle h = IOSAFE_HANDLE_NONE;
	if (iosafe_open_process(&h, SYNCHRONIZE, 4) != 0)
		return -1;
	HANDLE raw = iosafe_handle_into_raw(&h); // h is none: its cleanup closes nothing
	return WaitForSingleObject(raw, 0) == WAIT_OBJECT_0; // expected-warning{{fd leak: the handle acquired by 'iosafe_open_process'}}
}

// A borrow passed by value to a row's use (the one-field struct is an
// indirect escape for the analyzer): the owner still holds the handle, so
// dropping it afterwards is a leak, and closing it is not.
int pos_leak_after_borrowed_use(const wchar_t *path)
{
	iosafe_owned_handle h;
	if (iosafe_create_file_w(&h, path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0) != 0)
		return -1;
	iosafe_handle_set_inheritable(iosafe_handle_borrow(&h), false);
	return 0; // expected-warning{{fd leak: the handle acquired by 'iosafe_create_file_w' is not closed with CloseHandle or handed on}}
}

int neg_closed_after_borrowed_use(const wchar_t *path)
{
	iosafe_owned_handle h;
	if (iosafe_create_file_w(&h, path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0) != 0)
		return -1;
	iosafe_borrowed_handle b = iosafe_handle_borrow(&h);
	int r = iosafe_handle_set_inheritable(b, false);
	iosafe_handle_close(&h);
	return r;
}

int pos_use_after_close_through_borrow(const wchar_t *path)
{
	iosafe_owned_handle h;
	if (iosafe_create_file_w(&h, path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0) != 0)
		return -1;
	iosafe_borrowed_handle b = iosafe_handle_borrow(&h);
	iosafe_handle_close(&h);
	return iosafe_handle_set_inheritable(b, false); // expected-warning{{use after close}}
}
