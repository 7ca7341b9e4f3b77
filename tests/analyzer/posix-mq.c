// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// mq_open(3) returns a descriptor on Linux (mq_overview(7)); mq_close(3)
// and close(2) release it; the other mq_* calls use it.
#include <fcntl.h>
#include <mqueue.h>
#include <unistd.h>

int flag(void);

int pos_mq_open_leaks(const char *name) {
  mqd_t q = mq_open(name, O_RDONLY);
  if (q == (mqd_t)-1)
    return -1;
  if (flag())
    return -1; // expected-warning{{fd leak: the fd acquired by 'mq_open' is not closed or handed on}}
  return mq_close(q);
}

int pos_mq_open_create_leaks(const char *name) {
  mqd_t q = mq_open(name, O_RDWR | O_CREAT, 0600, 0);
  if (q < 0)
    return -1;
  mq_send(q, "x", 1, 0);
  return 0; // expected-warning{{fd leak}}
}

void pos_mq_use_after_close(const char *name) {
  char buf[64];
  mqd_t q = mq_open(name, O_RDONLY);
  if (q == (mqd_t)-1)
    return;
  mq_close(q);
  mq_receive(q, buf, sizeof(buf), 0); // expected-warning{{use after close}}
}

void pos_mq_double_close(const char *name) {
  mqd_t q = mq_open(name, O_RDONLY);
  if (q == (mqd_t)-1)
    return;
  mq_close(q);
  close(q); // expected-warning{{double close}}
}

int neg_mq_closed_with_close(const char *name) {
  struct mq_attr a;
  mqd_t q = mq_open(name, O_RDONLY);
  if (q == (mqd_t)-1)
    return -1;
  mq_getattr(q, &a);
  return close(q); // no warning: an mqd_t is an fd on Linux
}

int neg_mq_failed(const char *name) {
  mqd_t q = mq_open(name, O_RDONLY);
  if (q == (mqd_t)-1)
    return -1; // no warning: nothing was acquired
  return mq_close(q);
}
