// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership,iosafe.PosixFd -verify %s
// IOSAFE_SUPPRESS (annotations.h): Clang's [[clang::suppress]] hides the
// reports of the statement or declaration it stands before, and only those.
#include <fcntl.h>
#include <unistd.h>
#include <iosafe/iosafe.h>

int neg_suppressed_leak_at_declaration(const char *path) {
  IOSAFE_SUPPRESS("fd leak", "kept open until exit")
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  return fd < 0 ? -1 : 0;
}

int neg_suppressed_double_close(int fd IOSAFE_RELEASES) {
  close(fd);
  IOSAFE_SUPPRESS("double close", "the statement under test")
  return close(fd);
}

int pos_suppression_is_per_statement(const char *path) {
  IOSAFE_SUPPRESS("fd leak", "suppresses the first open only")
  int a = open(path, O_RDONLY | O_CLOEXEC);
  int b = open(path, O_RDONLY | O_CLOEXEC);
  return a < 0 || b < 0 ? -1 : 0; // expected-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}
}

int pos_unsuppressed_double_close(int fd IOSAFE_RELEASES) {
  close(fd);
  return close(fd); // expected-warning{{double close}}
}
