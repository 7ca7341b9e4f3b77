// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// A file-scope static that no function of the unit writes and whose
// address is not taken holds its initializer on every path
// (analyzer-plugin/TopFrame.cpp): `if (!configured)` on such a flag is no
// path of its own, so no leak is reported there.  A static written
// anywhere, or whose address is taken, stays unknown.
#include <fcntl.h>
#include <unistd.h>

static int configured = 1;
static int mode = 1;
static int exposed = 1;
static const char *const names[] = {"a"};

void set_mode(int m) { mode = m; }
int *expose(void) { return &exposed; }

void neg_constant_static_flag(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  if (!configured)
    return; // no warning: configured is always 1
  close(fd);
}

void pos_written_static_flag(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  if (!mode)
    return; // expected-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}
  close(fd);
}

void pos_address_taken_static_flag(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  if (!exposed)
    return; // expected-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}
  close(fd);
}

int neg_static_array_untouched(void) { return names[0] != 0; }
