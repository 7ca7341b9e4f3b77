// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.cstring,iosafe.PosixFd -verify %s
// iosafe.PosixFd and SCM_RIGHTS (unix(7)): sending an fd gives the receiver a
// new descriptor "as though created with dup(2)"; the sender still owns its
// copy and must close it.  The receiver owns every fd it reads out of the
// control data of a successful recvmsg (the first control message; an fd
// never read is not reported: how many arrived is known at run time only).
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static int send_fd(int sock, int fd) {
  char byte = 0;
  struct iovec iov = {.iov_base = &byte, .iov_len = 1};
  union {
    char buf[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
  } u;
  memset(&u, 0, sizeof u);
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1,
                       .msg_control = u.buf, .msg_controllen = sizeof u.buf};
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(c), &fd, sizeof fd);
  return sendmsg(sock, &msg, 0) == 1 ? 0 : -1;
}

int neg_pass_file_and_close(int sock, const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  int r = send_fd(sock, fd);
  close(fd); // no warning: the sender's copy
  return r;
}

int pos_sendmsg_on_closed_socket(const char *path) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0)
    return -1;
  close(sv[0]);
  char byte = 0;
  struct iovec iov = {.iov_base = &byte, .iov_len = 1};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
  sendmsg(sv[0], &msg, 0); // expected-warning{{use after close}}
  return close(sv[1]);
}

int neg_pass_over_socketpair(const char *path) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
    return -1;
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    close(sv[0]);
    close(sv[1]);
    return -1;
  }
  send_fd(sv[0], fd);
  close(fd);
  close(sv[0]);
  return sv[1]; // no warning: returned
}

int neg_receive_fd(int sock) {
  char byte;
  struct iovec iov = {.iov_base = &byte, .iov_len = 1};
  union {
    char buf[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
  } u;
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1,
                       .msg_control = u.buf, .msg_controllen = sizeof u.buf};
  if (recvmsg(sock, &msg, MSG_CMSG_CLOEXEC) != 1)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  if (!c || c->cmsg_type != SCM_RIGHTS)
    return -1;
  int fd;
  memcpy(&fd, CMSG_DATA(c), sizeof fd);
  return fd; // no warning
}

int pos_receive_and_drop(int sock) {
  int fd = neg_receive_fd(sock);
  (void)fd;
  return 0; // expected-warning{{fd leak: the fd acquired by 'recvmsg' is not closed or handed on}}
}

int pos_recvmsg_on_closed_socket(int sock) {
  close(sock);
  char b;
  struct iovec iov = {.iov_base = &b, .iov_len = 1};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
  // [choice, as GCC's sm-fd] a close starts tracking even an fd this
  // function did not acquire: a use after it is a use after close.
  return (int)recvmsg(sock, &msg, 0); // expected-warning{{use after close}}
}

// The sender's own copy: SCM_RIGHTS gives the receiver a new fd "as though
// created with dup(2)"; the one copied into the control buffer is still the
// sender's to close (memcpy into a local buffer does not hand it on).

int pos_pass_file_and_forget(int sock, const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  return send_fd(sock, fd); // expected-warning{{fd leak}}
}

struct pending {
  unsigned char bytes[sizeof(int)];
};

void queue_pending(struct pending *p); // another TU: keeps the bytes

int neg_fd_bytes_copied_to_the_heap(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  struct pending *p = malloc(sizeof *p);
  if (!p) {
    close(fd);
    return -1;
  }
  memcpy(p->bytes, &fd, sizeof fd); // no warning: memory the caller shares
  queue_pending(p);
  return 0;
}

// The receiving side.  One fd per message, in a control buffer aligned by
// a union with struct cmsghdr (cmsg(3)); the payload says what the fd is
// for, and a payload the receiver rejects must not keep the fd.

struct fd_msg {
  struct msghdr msg;
  struct iovec iov;
  unsigned char kind;
  union {
    char buf[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
  } u;
};

static void fd_msg_init(struct fd_msg *m) {
  m->iov.iov_base = &m->kind;
  m->iov.iov_len = 1;
  memset(&m->msg, 0, sizeof m->msg);
  m->msg.msg_iov = &m->iov;
  m->msg.msg_iovlen = 1;
  m->msg.msg_control = m->u.buf;
  m->msg.msg_controllen = sizeof m->u.buf;
}

int pos_received_fd_leaks_when_payload_rejected(int sock) {
  struct fd_msg m;
  fd_msg_init(&m);
  if (recvmsg(sock, &m.msg, MSG_CMSG_CLOEXEC) != 1)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&m.msg);
  if (!c || c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
    return -1; // no warning: no fd was read
  int fd = *(int *)CMSG_DATA(c);
  if (m.kind != 'F')
    return -1; // expected-warning{{fd leak: the fd acquired by 'recvmsg' is not closed or handed on}}
  struct stat st;
  int r = fstat(fd, &st);
  close(fd);
  return r;
}

int neg_received_fd_closed_when_payload_rejected(int sock) {
  struct fd_msg m;
  fd_msg_init(&m);
  if (recvmsg(sock, &m.msg, MSG_CMSG_CLOEXEC) != 1)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&m.msg);
  if (!c || c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
    return -1;
  int fd = *(int *)CMSG_DATA(c);
  if (m.kind != 'F') {
    close(fd);
    return -1;
  }
  return fd; // no warning: returned
}

int pos_received_fd_closed_twice(int sock) {
  struct fd_msg m;
  fd_msg_init(&m);
  if (recvmsg(sock, &m.msg, 0) < 0)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&m.msg);
  if (!c || c->cmsg_type != SCM_RIGHTS)
    return -1;
  int fd = *(int *)CMSG_DATA(c);
  close(fd);
  return close(fd); // expected-warning{{double close}}
}

struct peer {
  int fd;
  int kind;
};

int neg_received_fd_stored_in_caller_struct(int sock, struct peer *p) {
  struct fd_msg m;
  fd_msg_init(&m);
  if (recvmsg(sock, &m.msg, 0) <= 0)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&m.msg);
  if (!c || c->cmsg_type != SCM_RIGHTS)
    return -1;
  p->fd = *(int *)CMSG_DATA(c); // no warning: handed on to the caller
  p->kind = m.kind;
  return 0;
}

void adopt_fd(int fd); // another TU

int neg_received_fd_passed_on(int sock) {
  struct fd_msg m;
  fd_msg_init(&m);
  if (recvmsg(sock, &m.msg, 0) <= 0)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&m.msg);
  if (!c || c->cmsg_type != SCM_RIGHTS)
    return -1;
  adopt_fd(*(int *)CMSG_DATA(c)); // no warning: handed on
  return 0;
}

int neg_recvmsg_failed_nothing_received(int sock) {
  struct fd_msg m;
  fd_msg_init(&m);
  ssize_t n = recvmsg(sock, &m.msg, 0);
  if (n < 0)
    return -1; // no warning
  return (int)n; // no warning: no fd read
}

// Several fds in one message, read one by one with memcpy (CMSG_DATA need
// not be aligned for int); each one the receiver cannot queue must still be
// closed, and so must every one after it.

#define MAX_FDS 4

struct fd_queue {
  int fds[8];
  unsigned n;
};

static int queue_fd(struct fd_queue *q, int fd) {
  if (q->n == 8)
    return -1;
  q->fds[q->n++] = fd;
  return 0;
}

int pos_unqueued_fd_leaks(int sock, struct fd_queue *q) {
  char byte;
  struct iovec iov = {.iov_base = &byte, .iov_len = 1};
  char cbuf[CMSG_SPACE(MAX_FDS * sizeof(int))];
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1,
                       .msg_control = cbuf, .msg_controllen = sizeof cbuf};
  if (recvmsg(sock, &msg, MSG_CMSG_CLOEXEC) <= 0)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  if (!c || c->cmsg_type != SCM_RIGHTS)
    return 0;
  size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
  for (size_t i = 0; i < count; i++) {
    int fd;
    memcpy(&fd, (char *)CMSG_DATA(c) + i * sizeof fd, sizeof fd);
    if (queue_fd(q, fd) != 0)
      return -1; // expected-warning{{fd leak: the fd acquired by 'recvmsg' is not closed or handed on}}
  }
  return 0;
}

int neg_unqueued_fds_closed(int sock, struct fd_queue *q) {
  char byte;
  struct iovec iov = {.iov_base = &byte, .iov_len = 1};
  char cbuf[CMSG_SPACE(MAX_FDS * sizeof(int))];
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1,
                       .msg_control = cbuf, .msg_controllen = sizeof cbuf};
  if (recvmsg(sock, &msg, MSG_CMSG_CLOEXEC) <= 0)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  if (!c || c->cmsg_type != SCM_RIGHTS)
    return 0;
  size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
  for (size_t i = 0; i < count; i++) {
    int fd;
    memcpy(&fd, (char *)CMSG_DATA(c) + i * sizeof fd, sizeof fd);
    if (queue_fd(q, fd) != 0) {
      for (; i < count; i++) {
        memcpy(&fd, (char *)CMSG_DATA(c) + i * sizeof fd, sizeof fd);
        close(fd);
      }
      return -1; // no warning
    }
  }
  return 0;
}

int pos_rest_closed_through_a_stale_copy(int sock, struct fd_queue *q) {
  char byte;
  struct iovec iov = {.iov_base = &byte, .iov_len = 1};
  char cbuf[CMSG_SPACE(MAX_FDS * sizeof(int))];
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1,
                       .msg_control = cbuf, .msg_controllen = sizeof cbuf};
  if (recvmsg(sock, &msg, MSG_CMSG_CLOEXEC) <= 0)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  if (!c || c->cmsg_type != SCM_RIGHTS)
    return 0;
  size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
  for (size_t i = 0; i < count; i++) {
    int fd;
    memcpy(&fd, (char *)CMSG_DATA(c) + i * sizeof fd, sizeof fd);
    if (queue_fd(q, fd) != 0) {
      // The rest are never read: the one that failed is closed again and
      // again instead.
      for (; i < count; i++)
        close(fd); // expected-warning{{double close}}
      return -1;
    }
  }
  return 0;
}

// The same through the int array itself: the first fd is kept, the others
// are looked at and dropped.

int pos_extra_fds_dropped(int sock, struct peer *p) {
  char byte;
  struct iovec iov = {.iov_base = &byte, .iov_len = 1};
  union {
    char buf[CMSG_SPACE(MAX_FDS * sizeof(int))];
    struct cmsghdr align;
  } u;
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1,
                       .msg_control = u.buf, .msg_controllen = sizeof u.buf};
  if (recvmsg(sock, &msg, 0) <= 0)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  if (!c || c->cmsg_type != SCM_RIGHTS || c->cmsg_len < CMSG_LEN(sizeof(int)))
    return -1;
  int *fds = (int *)CMSG_DATA(c);
  size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
  p->fd = fds[0];
  for (size_t i = 1; i < n && i < MAX_FDS; i++) // expected-warning{{fd leak: the fd acquired by 'recvmsg' is not closed or handed on}}
    if (fds[i] < 0)
      return -1;
  return 0; // expected-warning{{fd leak: the fd acquired by 'recvmsg' is not closed or handed on}}
}

int neg_extra_fds_closed(int sock, struct peer *p) {
  char byte;
  struct iovec iov = {.iov_base = &byte, .iov_len = 1};
  union {
    char buf[CMSG_SPACE(MAX_FDS * sizeof(int))];
    struct cmsghdr align;
  } u;
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1,
                       .msg_control = u.buf, .msg_controllen = sizeof u.buf};
  if (recvmsg(sock, &msg, 0) <= 0)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  if (!c || c->cmsg_type != SCM_RIGHTS || c->cmsg_len < CMSG_LEN(sizeof(int)))
    return -1;
  int *fds = (int *)CMSG_DATA(c);
  size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
  p->fd = fds[0];
  for (size_t i = 1; i < n && i < MAX_FDS; i++)
    close(fds[i]);
  return 0; // no warning
}

// MSG_CTRUNC: the control data did not fit; the fds that did arrive are
// the receiver's all the same (unix(7)), and closing them is the fix.

int pos_truncated_message_keeps_fd(int sock) {
  struct fd_msg m;
  fd_msg_init(&m);
  if (recvmsg(sock, &m.msg, MSG_CMSG_CLOEXEC) <= 0)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&m.msg);
  if (!c || c->cmsg_type != SCM_RIGHTS)
    return -1;
  int fd;
  memcpy(&fd, CMSG_DATA(c), sizeof fd);
  if (m.msg.msg_flags & MSG_CTRUNC)
    return -1; // expected-warning{{fd leak: the fd acquired by 'recvmsg' is not closed or handed on}}
  return fd;
}

int neg_truncated_message_closes_fd(int sock) {
  struct fd_msg m;
  fd_msg_init(&m);
  if (recvmsg(sock, &m.msg, MSG_CMSG_CLOEXEC) <= 0)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&m.msg);
  if (!c || c->cmsg_type != SCM_RIGHTS)
    return -1;
  int fd;
  memcpy(&fd, CMSG_DATA(c), sizeof fd);
  if (m.msg.msg_flags & MSG_CTRUNC) {
    close(fd);
    return -1;
  }
  return fd; // no warning
}
