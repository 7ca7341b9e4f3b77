// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership,iosafe.PosixFd -verify %s
// The patterns of a daemon like examples/fd_daemon.c written with raw
// recvmsg(2) in the worker: the daemon accepts a client and
// passes it to a worker with iosafe_send_fds (a borrow: the daemon's copy
// stays the daemon's and must still be closed, unix(7) SCM_RIGHTS); the
// worker owns the descriptor it reads out of recvmsg(2)'s control data
// (CMSG_DATA) and releases it on every path, as a raw int or once adopted
// with iosafe_fd_from_raw.
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <iosafe/iosafe.h>

long echo(iosafe_borrowed_fd conn IOSAFE_USES);

int neg_daemon_hand_off_auto_fd(iosafe_borrowed_fd listener, iosafe_borrowed_fd chan) {
  iosafe_auto_fd conn = IOSAFE_FD_NONE;
  if (iosafe_accept(&conn, listener, 0, 0, 0) < 0)
    return -1;
  iosafe_borrowed_fd pass = iosafe_fd_borrow(&conn);
  ssize_t s = iosafe_send_fds(chan, "c", 1, &pass, 1, 0);
  return s < 0 ? (int)s : 0; // no warning: conn's cleanup closes the daemon's copy
}

int pos_daemon_keeps_its_copy_open(iosafe_borrowed_fd listener, iosafe_borrowed_fd chan) {
  iosafe_owned_fd conn = IOSAFE_FD_NONE;
  if (iosafe_accept(&conn, listener, 0, 0, 0) < 0)
    return -1;
  // Reported where conn is last named (its owner dies there):
  iosafe_borrowed_fd pass = iosafe_fd_borrow(&conn); // expected-warning{{fd leak: the fd acquired by 'iosafe_accept' is not closed or handed on}}
  ssize_t s = iosafe_send_fds(chan, "c", 1, &pass, 1, 0);
  // The worker has its own descriptor now; the daemon's is still open.
  return s < 0 ? (int)s : 0;
}

int pos_daemon_uses_its_copy_after_closing(iosafe_borrowed_fd listener, iosafe_borrowed_fd chan) {
  iosafe_owned_fd conn = IOSAFE_FD_NONE;
  if (iosafe_accept(&conn, listener, 0, 0, 0) < 0)
    return -1;
  iosafe_borrowed_fd pass = iosafe_fd_borrow(&conn);
  ssize_t s = iosafe_send_fds(chan, "c", 1, &pass, 1, 0);
  iosafe_fd_close(&conn);
  if (s < 0)
    return (int)iosafe_write(pass, "busy\n", 5); // expected-warning{{borrow outlives owner}}
  return 0;
}

struct chan_msg {
  struct msghdr msg;
  struct iovec iov;
  char tag;
  union {
    char buf[CMSG_SPACE(4 * sizeof(int))];
    struct cmsghdr align;
  } u;
};

static void chan_msg_init(struct chan_msg *m) {
  memset(m, 0, sizeof *m);
  m->iov.iov_base = &m->tag;
  m->iov.iov_len = 1;
  m->msg.msg_iov = &m->iov;
  m->msg.msg_iovlen = 1;
  m->msg.msg_control = m->u.buf;
  m->msg.msg_controllen = sizeof m->u.buf;
}

// The worker's receive step, with raw recvmsg(2): one
// descriptor kept, every other one and all of them on MSG_CTRUNC closed.
static ssize_t recv_one(iosafe_owned_fd *out IOSAFE_ACQUIRES, iosafe_borrowed_fd chan IOSAFE_USES,
                        char *tag) {
  struct chan_msg m;
  chan_msg_init(&m);
  int refused = 0;
  *out = IOSAFE_FD_NONE;
  ssize_t r = recvmsg(iosafe_fd_raw(chan), &m.msg, MSG_CMSG_CLOEXEC);
  if (r < 0)
    return -errno;
  *tag = m.tag;
  if (m.msg.msg_flags & MSG_CTRUNC)
    refused = 1;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&m.msg); c != NULL; c = CMSG_NXTHDR(&m.msg, c)) {
    if (c->cmsg_len < CMSG_LEN(0))
      break;
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
      continue;
    size_t k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    for (size_t i = 0; i < k; i++) {
      int raw;
      memcpy(&raw, (char *)CMSG_DATA(c) + i * sizeof raw, sizeof raw);
      iosafe_owned_fd got = iosafe_fd_from_raw(raw);
      if (!refused && iosafe_fd_is_none(out)) {
        *out = got;
        continue;
      }
      refused = 1;
      iosafe_fd_drop(&got);
    }
  }
  if (refused) {
    iosafe_fd_drop(out);
    return -EMSGSIZE;
  }
  return r;
}

int neg_worker_releases_on_every_path(iosafe_borrowed_fd chan) {
  iosafe_owned_fd conn;
  char tag = 0;
  ssize_t r = recv_one(&conn, chan, &tag);
  if (r < 0)
    return (int)r; // failed: conn is none
  if (tag == 'c' && !iosafe_fd_is_none(&conn))
    echo(iosafe_fd_borrow(&conn));
  iosafe_fd_drop(&conn);
  return r == 0 ? 0 : 1;
}

int neg_worker_auto_fd_after_take(iosafe_borrowed_fd chan) {
  iosafe_owned_fd got;
  char tag = 0;
  if (recv_one(&got, chan, &tag) < 0)
    return -1;
  iosafe_auto_fd conn = iosafe_fd_take(&got);
  if (tag != 'c')
    return -EPROTO; // no warning: conn's cleanup closes it
  echo(iosafe_fd_borrow(&conn));
  return 0;
}

int pos_worker_returns_on_a_bad_tag(iosafe_borrowed_fd chan) {
  struct chan_msg m;
  chan_msg_init(&m);
  if (recvmsg(iosafe_fd_raw(chan), &m.msg, MSG_CMSG_CLOEXEC) <= 0)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&m.msg);
  if (!c || c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
    return -1; // no warning: no fd was read
  int raw;
  memcpy(&raw, CMSG_DATA(c), sizeof raw);
  if (m.tag != 'c')
    return -EPROTO; // expected-warning{{fd leak: the fd acquired by 'recvmsg' is not closed or handed on}}
  iosafe_auto_fd conn = iosafe_fd_from_raw(raw);
  echo(iosafe_fd_borrow(&conn));
  return 1;
}

int pos_worker_adopts_then_returns_on_a_bad_tag(iosafe_borrowed_fd chan) {
  struct chan_msg m;
  chan_msg_init(&m);
  if (recvmsg(iosafe_fd_raw(chan), &m.msg, MSG_CMSG_CLOEXEC) <= 0)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&m.msg);
  if (!c || c->cmsg_type != SCM_RIGHTS)
    return -1;
  iosafe_owned_fd conn = iosafe_fd_from_raw(*(int *)CMSG_DATA(c));
  if (m.tag != 'c')
    return -EPROTO; // expected-warning{{fd leak: the fd acquired by 'recvmsg' is not closed or handed on}}
  echo(iosafe_fd_borrow(&conn));
  iosafe_fd_drop(&conn);
  return 1;
}

int pos_worker_keeps_the_first_and_drops_the_second(iosafe_borrowed_fd chan, iosafe_owned_fd *out) {
  struct chan_msg m;
  chan_msg_init(&m);
  if (recvmsg(iosafe_fd_raw(chan), &m.msg, MSG_CMSG_CLOEXEC) <= 0)
    return -1;
  struct cmsghdr *c = CMSG_FIRSTHDR(&m.msg);
  if (!c || c->cmsg_type != SCM_RIGHTS || c->cmsg_len < CMSG_LEN(2 * sizeof(int)))
    return -1;
  int *fds = (int *)CMSG_DATA(c);
  *out = iosafe_fd_from_raw(fds[0]);
  int second = fds[1]; // read, then neither closed nor kept
  (void)second;
  return 0; // expected-warning{{fd leak: the fd acquired by 'recvmsg' is not closed or handed on}}
}
