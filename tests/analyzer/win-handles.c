// RUN: %clang_analyze_win -analyzer-checker=core,iosafe.WinHandle -verify %s
// RUN: %clang_analyze_win -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.Ownership,iosafe.PosixFd,iosafe.WinHandle -verify %s
// iosafe.WinHandle: kernel object handles from the Win32 acquirers, closed
// with CloseHandle: leaks, double closes, uses after close, and the
// out-parameters of CreatePipe and DuplicateHandle.
#include <windows.h>

void keep(HANDLE h);

int pos_create_file_leak(const wchar_t *path)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	return 0; // expected-warning{{fd leak: the handle acquired by 'CreateFileW' is not closed with CloseHandle or handed on}}
}

int neg_create_file_closed(const wchar_t *path)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	CloseHandle(h);
	return 0;
}

int pos_create_file_a_unchecked_leak(const char *path)
{
	HANDLE h = CreateFileA(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	(void)h;
	return 0; // expected-warning{{fd leak: the handle acquired by 'CreateFileA'}}
}

void neg_create_file_handed_on(const wchar_t *path)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	if (h != INVALID_HANDLE_VALUE)
		keep(h); // no body: the handle is handed on
}

HANDLE neg_create_file_returned(const wchar_t *path)
{
	return CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
}

int pos_event_leak_on_error_path(int fail)
{
	HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
	if (!e)
		return -1;
	if (fail)
		return -1; // expected-warning{{fd leak: the handle acquired by 'CreateEventW'}}
	CloseHandle(e);
	return 0;
}

int neg_event_failure_not_a_leak(void)
{
	HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
	if (e == NULL)
		return -1; // NULL: nothing was acquired
	SetEvent(e);
	CloseHandle(e);
	return 0;
}

int pos_mutex_double_close(void)
{
	HANDLE m = CreateMutexW(NULL, FALSE, NULL);
	if (!m)
		return -1;
	CloseHandle(m);
	CloseHandle(m); // expected-warning{{double close: the handle was already closed with 'CloseHandle'}}
	return 0;
}

int pos_mapping_use_after_close(HANDLE file)
{
	HANDLE map = CreateFileMappingW(file, NULL, PAGE_READONLY, 0, 0, NULL);
	if (!map)
		return -1;
	CloseHandle(map);
	void *p = MapViewOfFile(map, FILE_MAP_READ, 0, 0, 0); // expected-warning{{use after close: the handle was already closed with 'CloseHandle'}}
	return p != NULL;
}

int pos_open_process_leak(DWORD pid, DWORD *code)
{
	HANDLE p = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);
	if (p == NULL)
		return -1;
	if (!GetExitCodeProcess(p, code))
		return -1; // expected-warning{{fd leak: the handle acquired by 'OpenProcess'}}
	CloseHandle(p);
	return 0;
}

int pos_open_thread_wait_after_close(DWORD tid)
{
	HANDLE t = OpenThread(SYNCHRONIZE, FALSE, tid);
	if (t == NULL)
		return -1;
	CloseHandle(t);
	return WaitForSingleObject(t, INFINITE); // expected-warning{{use after close}}
}

static DWORD WINAPI worker(LPVOID arg)
{
	(void)arg;
	return 0;
}

int pos_create_thread_leak(void)
{
	HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
	if (t == NULL)
		return -1;
	WaitForSingleObject(t, INFINITE);
	return 0; // expected-warning{{fd leak: the handle acquired by 'CreateThread'}}
}

int neg_create_thread_joined(void)
{
	HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
	if (t == NULL)
		return -1;
	WaitForSingleObject(t, INFINITE);
	CloseHandle(t);
	return 0;
}

int pos_pipe_write_end_leak(void)
{
	HANDLE r, w;
	if (!CreatePipe(&r, &w, NULL, 0))
		return -1;
	CloseHandle(r); // expected-warning{{fd leak: the handle acquired by 'CreatePipe'}}
	return 0;
}

int neg_pipe_failure_holds_nothing(void)
{
	HANDLE r, w;
	if (!CreatePipe(&r, &w, NULL, 0))
		return -1; // the two out-parameters hold nothing
	CloseHandle(r);
	CloseHandle(w);
	return 0;
}

int pos_pipe_status_kept(void)
{
	HANDLE r, w;
	// r is never read again: its leak is found where it dies.
	BOOL ok = CreatePipe(&r, &w, NULL, 0); // expected-warning{{fd leak: the handle acquired by 'CreatePipe'}}
	if (ok == FALSE)
		return -1;
	CloseHandle(w);
	return 0;
}

int pos_duplicate_leak(HANDLE src)
{
	HANDLE copy;
	if (!DuplicateHandle(GetCurrentProcess(), src, GetCurrentProcess(), &copy, 0,
			     FALSE, DUPLICATE_SAME_ACCESS))
		return -1;
	return 0; // expected-warning{{fd leak: the handle acquired by 'DuplicateHandle'}}
}

int neg_duplicate_into_another_process(HANDLE child, HANDLE src, HANDLE *out)
{
	HANDLE copy;
	// The copy is valid in the child only: not this process's to close.
	if (!DuplicateHandle(GetCurrentProcess(), src, child, &copy, 0, FALSE,
			     DUPLICATE_SAME_ACCESS))
		return -1;
	*out = copy;
	return 0;
}

int pos_duplicate_close_source_then_close(HANDLE *copy)
{
	HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
	if (!e)
		return -1;
	// DUPLICATE_CLOSE_SOURCE closes e, whatever the result.
	DuplicateHandle(GetCurrentProcess(), e, GetCurrentProcess(), copy, 0, FALSE,
			DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE);
	CloseHandle(e); // expected-warning{{double close: the handle was already closed with 'DuplicateHandle'}}
	return 0;
}

void neg_close_parameter_once(HANDLE h)
{
	CloseHandle(h);
}

void pos_close_parameter_twice(HANDLE h)
{
	CloseHandle(h);
	CloseHandle(h); // expected-warning{{double close}}
}

struct job {
	HANDLE ev;
};

int neg_stored_in_callers_struct(struct job *j)
{
	HANDLE e = CreateEventW(NULL, FALSE, FALSE, NULL);
	if (!e)
		return -1;
	j->ev = e; // the caller's memory: handed on
	return 0;
}

int pos_local_struct_leak(void)
{
	struct job j;
	j.ev = CreateEventW(NULL, FALSE, FALSE, NULL);
	if (!j.ev)
		return -1;
	return 0; // expected-warning{{fd leak: the handle acquired by 'CreateEventW'}}
}
