// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: a unit that declares its own O_RDONLY, O_WRONLY, O_RDWR
// and O_ACCMODE as file-scope enumerators (other numbers than Linux's, and
// no <fcntl.h>) has open's constant flags decoded with them.
int open(const char *, int flags, ...);
int close(int fd);
long read(int fd, void *buf, unsigned long n);
long write(int fd, const void *buf, unsigned long n);

enum {
  O_RDONLY = 0x10,
  O_WRONLY = 0x20,
  O_RDWR = 0x40,
  O_ACCMODE = 0xf0,
  O_EXTRA = 0x100 // outside the access mode
};

void pos_read_on_write_only(const char *p, char *b) {
  int fd = open(p, O_WRONLY | O_EXTRA);
  if (fd < 0)
    return;
  read(fd, b, 1); // expected-warning{{access mode mismatch}}
  close(fd);
}

void pos_write_on_read_only(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  write(fd, "x", 1); // expected-warning{{access mode mismatch}}
  close(fd);
}

void neg_read_write(const char *p, char *b) {
  int fd = open(p, O_RDWR);
  if (fd < 0)
    return;
  read(fd, b, 1);
  write(fd, "x", 1);
  close(fd);
}

// Linux's numbers mean nothing here: 1 is no O_WRONLY of this unit.
void neg_linux_number_is_no_mode_here(const char *p, char *b) {
  int fd = open(p, 1);
  if (fd < 0)
    return;
  read(fd, b, 1);
  close(fd);
}
