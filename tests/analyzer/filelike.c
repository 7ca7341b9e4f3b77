// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// iosafe.Ownership: include/iosafe/filelike.h on POSIX, where a filelike
// and a socketlike are iosafe_owned_fd: acquisitions, releases and moves
// through the portable names, by their annotations.
#include <iosafe/iosafe.h>

int pos_pipe_end_leaked(void)
{
	iosafe_owned_filelike r = IOSAFE_FILELIKE_NONE, w = IOSAFE_FILELIKE_NONE;
	if (iosafe_pipe_filelike(&r, &w) != 0)
		return -1;
	iosafe_filelike_close(&w); // expected-warning{{fd leak: the fd acquired by 'iosafe_pipe_filelike' is not closed or handed on (out-parameter 1)}}
	return 0;
}

int neg_pipe_closed(void)
{
	iosafe_owned_filelike r = IOSAFE_FILELIKE_NONE, w = IOSAFE_FILELIKE_NONE, m;
	char buf[4];
	if (iosafe_pipe_filelike(&r, &w) != 0)
		return -1;
	(void)iosafe_filelike_write(iosafe_filelike_borrow(&w), "x", 1);
	(void)iosafe_filelike_read(iosafe_filelike_borrow(&r), buf, sizeof buf);
	m = iosafe_filelike_take(&r);
	iosafe_filelike_close(&m);
	iosafe_filelike_drop(&w);
	return 0;
}

int pos_clone_leaked(iosafe_borrowed_filelike b)
{
	iosafe_owned_filelike c = IOSAFE_FILELIKE_NONE;
	if (iosafe_filelike_try_clone(&c, b) != 0)
		return -1;
	return 0; // expected-warning{{fd leak: the fd acquired by 'iosafe_filelike_try_clone' is not closed or handed on}}
}

int neg_socket_clone_closed(iosafe_borrowed_socketlike b)
{
	iosafe_owned_socketlike c = IOSAFE_SOCKETLIKE_NONE;
	if (iosafe_socketlike_try_clone(&c, b) != 0)
		return -1;
	(void)iosafe_socketlike_send(iosafe_socketlike_borrow(&c), "x", 1, 0);
	iosafe_socketlike_close(&c);
	return 0;
}
