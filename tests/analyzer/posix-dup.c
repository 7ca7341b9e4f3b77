// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: the dup family and the rows chosen by a constant argument.
//   fcntl(fd, F_DUPFD | F_DUPFD_CLOEXEC, min) acquires a copy (fcntl(2));
//   other fcntl commands only use the fd.
//   signalfd(-1, ...) creates a signalfd; signalfd(fd, ...) with an existing
//   fd changes its mask and returns that same fd (signalfd(2)).
//   dup2/dup3 onto a target: "the file descriptor newfd is adjusted so that
//   it now refers to the same open file description as oldfd" (closing what
//   it referred to); on failure "newfd is not closed" (dup(2)).
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

int pos_fcntl_dupfd_leaks(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  int hi = fcntl(fd, F_DUPFD, 10);
  close(fd);
  if (hi < 0)
    return -1;
  return 0; // expected-warning{{fd leak: the fd acquired by 'fcntl'}}
}

int pos_fcntl_dupfd_cloexec_unchecked(int src, char *buf) {
  int hi = fcntl(src, F_DUPFD_CLOEXEC, 3);
  read(hi, buf, 1); // expected-warning{{unchecked fd}}
  return close(hi);
}

int pos_fcntl_dupfd_of_closed(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  close(fd);
  return fcntl(fd, F_DUPFD, 0); // expected-warning{{use after close}}
}

int pos_signalfd_creating_leaks(const sigset_t *mask) {
  int sfd = signalfd(-1, mask, SFD_CLOEXEC | SFD_NONBLOCK);
  if (sfd < 0)
    return -1;
  return 0; // expected-warning{{fd leak: the fd acquired by 'signalfd'}}
}

int pos_signalfd_update_after_close(const sigset_t *mask) {
  int sfd = signalfd(-1, mask, 0);
  if (sfd < 0)
    return -1;
  close(sfd);
  return signalfd(sfd, mask, 0); // expected-warning{{use after close}}
}

int pos_dup3_onto_closed_is_owned_again(const char *a, const char *b) {
  int x = open(a, O_RDONLY);
  if (x < 0)
    return -1;
  int y = open(b, O_RDONLY);
  if (y < 0) {
    close(x);
    return -1;
  }
  close(y);
  if (dup3(x, y, O_CLOEXEC) < 0) {
    close(x);
    return -1;
  }
  return close(x); // expected-warning{{fd leak}}
}

int pos_dup2_result_used_after_close(const char *a, const char *b, char *buf) {
  int x = open(a, O_RDONLY);
  if (x < 0)
    return -1;
  int y = open(b, O_RDONLY);
  if (y < 0) {
    close(x);
    return -1;
  }
  if (dup2(x, y) < 0) {
    close(x);
    close(y);
    return -1;
  }
  close(x);
  close(y);
  return (int)read(y, buf, 1); // expected-warning{{use after close}}
}

// --- negatives ---

int neg_fcntl_dupfd_closed(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  int hi = fcntl(fd, F_DUPFD_CLOEXEC, 10);
  close(fd);
  if (hi < 0)
    return -1;
  return close(hi); // no warning
}

int neg_fcntl_other_commands_acquire_nothing(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  int fl = fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFD, FD_CLOEXEC);
  fcntl(fd, F_SETFL, fl | O_NONBLOCK);
  return close(fd); // no warning: F_GETFL's result is not an fd
}

int neg_signalfd_created_and_closed(const sigset_t *mask) {
  int sfd = signalfd(-1, mask, 0);
  if (sfd < 0)
    return -1;
  signalfd(sfd, mask, 0); // updates the mask: no second fd
  return close(sfd);      // no warning
}

int neg_dup2_onto_closed_number_is_not_double_close(const char *a,
                                                     const char *b) {
  int x = open(a, O_RDONLY);
  if (x < 0)
    return -1;
  int y = open(b, O_RDONLY);
  if (y < 0) {
    close(x);
    return -1;
  }
  close(y);
  // dup2 onto a closed number is legal and makes y an open fd again.
  if (dup2(x, y) < 0) {
    close(x);
    return -1; // no warning: on failure y stays closed
  }
  close(x);
  return close(y); // no warning
}

int neg_dup2_onto_stdio_in_child(const char *path) {
  int fd = open(path, O_RDWR);
  if (fd < 0)
    return -1;
  dup2(fd, STDIN_FILENO);
  dup2(fd, STDOUT_FILENO);
  if (fd > STDERR_FILENO)
    close(fd);
  return 0; // no warning: the standard streams are not owned here
}

int neg_dup_closed_both(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  int d = dup(fd);
  if (d < 0) {
    close(fd);
    return -1;
  }
  close(fd);
  return close(d); // no warning
}
