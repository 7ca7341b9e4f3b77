// RUN: %clang_analyze_win -analyzer-checker=core,iosafe.Ownership,iosafe.WinHandle -verify %s
// iosafe.WinHandle: iosafe's annotations on a program's own functions whose
// parameters and results are Windows handles (HANDLE, SOCKET, HKEY,
// iosafe_owned_handle): IOSAFE_ACQUIRES, IOSAFE_RELEASES, IOSAFE_USES.
// Functions that mix fds and handles stay with the engine.
#include <winsock2.h>
#include <windows.h>
#include <iosafe/win.h>

HANDLE open_log(const wchar_t *path) IOSAFE_ACQUIRES;
void close_log(HANDLE h IOSAFE_RELEASES);
int write_log(HANDLE h IOSAFE_USES, const char *msg);
int make_event(HANDLE *out IOSAFE_ACQUIRES);
SOCKET connect_to(const char *host) IOSAFE_ACQUIRES;
void hang_up(SOCKET s IOSAFE_RELEASES);
void keep_handle(iosafe_owned_handle h IOSAFE_RELEASES);

int pos_user_acquirer_leak(const wchar_t *path, int fail)
{
	HANDLE h = open_log(path);
	if (h == NULL || h == INVALID_HANDLE_VALUE)
		return -1;
	if (fail)
		return -1; // expected-warning{{fd leak: the handle acquired by 'open_log' is not closed with CloseHandle or handed on}}
	close_log(h);
	return 0;
}

int neg_user_acquirer_released(const wchar_t *path)
{
	HANDLE h = open_log(path);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	write_log(h, "x");
	close_log(h);
	return 0;
}

int pos_user_release_twice(const wchar_t *path)
{
	HANDLE h = open_log(path);
	if (!h)
		return -1;
	close_log(h);
	CloseHandle(h); // expected-warning{{double close: the handle was already closed with 'close_log'}}
	return 0;
}

int pos_user_use_after_release(const wchar_t *path)
{
	HANDLE h = open_log(path);
	if (!h)
		return -1;
	close_log(h);
	return write_log(h, "late"); // expected-warning{{use after close: the handle was already closed with 'close_log'}}
}

int pos_user_out_acquirer_leak(void)
{
	HANDLE e;
	if (make_event(&e) != 0)
		return -1;
	return 0; // expected-warning{{fd leak: the handle acquired by 'make_event'}}
}

int neg_user_out_acquirer_failed(void)
{
	HANDLE e;
	if (make_event(&e) < 0)
		return -1; // nothing acquired
	CloseHandle(e);
	return 0;
}

int pos_user_socket_leak(int fail)
{
	SOCKET s = connect_to("example.org");
	if (s == INVALID_SOCKET)
		return -1;
	if (fail)
		return -1; // expected-warning{{fd leak: the socket acquired by 'connect_to' is not closed with closesocket or handed on}}
	hang_up(s);
	return 0;
}

int pos_user_socket_sentinel(void)
{
	SOCKET s = connect_to("example.org");
	if (s < 0) // expected-warning{{wrong handle sentinel: 'connect_to' fails with INVALID_SOCKET, a SOCKET is unsigned: it is never < 0}}
		return -1;
	hang_up(s);
	return 0;
}

int neg_owner_moved_into_callee(DWORD pid)
{
	iosafe_owned_handle h;
	if (iosafe_open_process(&h, SYNCHRONIZE, pid) != 0)
		return -1;
	keep_handle(h); // IOSAFE_RELEASES: the callee owns it now
	return 0;
}
