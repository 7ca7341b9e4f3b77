// RUN: %clang_analyze_win -analyzer-checker=core,iosafe.Ownership,iosafe.WinHandle -verify %s
// iosafe.WinHandle: include/iosafe/filelike.h on a Windows target, where a
// filelike is an iosafe_owned_handle and a socketlike an
// iosafe_owned_socket: iosafe_pipe_filelike and the try_clones acquire,
// close and drop release, take and borrow are field copies.
#include <iosafe/iosafe.h>

int pos_pipe_end_leaked(void)
{
	iosafe_owned_filelike r = IOSAFE_FILELIKE_NONE, w = IOSAFE_FILELIKE_NONE;
	if (iosafe_pipe_filelike(&r, &w) != 0)
		return -1;
	iosafe_filelike_close(&w); // expected-warning{{fd leak: the handle acquired by 'iosafe_pipe_filelike' is not closed with CloseHandle or handed on}}
	return 0;
}

int neg_pipe_closed(void)
{
	iosafe_owned_filelike r = IOSAFE_FILELIKE_NONE, w = IOSAFE_FILELIKE_NONE, m;
	char buf[4];
	if (iosafe_pipe_filelike(&r, &w) != 0)
		return -1; // both none
	(void)iosafe_filelike_write(iosafe_filelike_borrow(&w), "x", 1);
	(void)iosafe_filelike_read(iosafe_filelike_borrow(&r), buf, sizeof buf);
	m = iosafe_filelike_take(&r);
	iosafe_filelike_close(&m);
	iosafe_filelike_drop(&w);
	iosafe_filelike_close(&r); // none after the take: nothing happens
	return 0;
}

int pos_moved_out_leaked(void)
{
	iosafe_owned_filelike r = IOSAFE_FILELIKE_NONE, w = IOSAFE_FILELIKE_NONE, m;
	if (iosafe_pipe_filelike(&r, &w) != 0)
		return -1;
	m = iosafe_filelike_take(&r);
	(void)m;
	iosafe_filelike_close(&r); // expected-warning{{fd leak: the handle acquired by 'iosafe_pipe_filelike' is not closed with CloseHandle or handed on}}
	iosafe_filelike_close(&w);
	return 0;
}

void pos_raw_double_close(void)
{
	iosafe_owned_filelike r = IOSAFE_FILELIKE_NONE, w = IOSAFE_FILELIKE_NONE;
	HANDLE raw;
	if (iosafe_pipe_filelike(&r, &w) != 0)
		return;
	raw = r.raw;
	iosafe_filelike_close(&r);
	iosafe_filelike_close(&w);
	CloseHandle(raw); // expected-warning{{double close: the handle was already closed with 'iosafe_filelike_close'}}
}

int pos_clone_leaked(iosafe_borrowed_filelike b)
{
	iosafe_owned_filelike c = IOSAFE_FILELIKE_NONE;
	if (iosafe_filelike_try_clone(&c, b) != 0)
		return -1;
	return 0; // expected-warning{{fd leak: the handle acquired by 'iosafe_filelike_try_clone' is not closed with CloseHandle or handed on}}
}

int pos_socket_clone_leaked(iosafe_borrowed_socketlike b)
{
	iosafe_owned_socketlike c = IOSAFE_SOCKETLIKE_NONE;
	if (iosafe_socketlike_try_clone(&c, b) != 0)
		return -1;
	return 0; // expected-warning{{fd leak: the socket acquired by 'iosafe_socketlike_try_clone' is not closed with closesocket or handed on}}
}

int neg_socket_clone_closed(iosafe_borrowed_socketlike b)
{
	iosafe_owned_socketlike c = IOSAFE_SOCKETLIKE_NONE;
	char buf[4];
	if (iosafe_socketlike_try_clone(&c, b) != 0)
		return -1;
	(void)iosafe_socketlike_send(iosafe_socketlike_borrow(&c), "x", 1, 0);
	(void)iosafe_socketlike_recv(iosafe_socketlike_borrow(&c), buf, sizeof buf, 0);
	iosafe_socketlike_close(&c);
	iosafe_socketlike_drop(&c);
	return 0;
}
