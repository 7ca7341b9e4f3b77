// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify=expected,plain %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify=expected,stdc %s
// iosafe.PosixFd on the shapes of network daemons: accept loops, getaddrinfo
// loops, per-connection handlers, connection tables.
#define _GNU_SOURCE
#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

void handle_elsewhere(int fd); // defined in another translation unit

// ---- accept loops ------------------------------------------------------------

void neg_accept_loop_closes(int listener) {
  char buf[256];
  for (;;) {
    int c = accept(listener, NULL, NULL);
    if (c < 0) {
      if (errno == EINTR)
        continue;
      return;
    }
    ssize_t n = recv(c, buf, sizeof buf, 0);
    if (n > 0)
      send(c, buf, (size_t)n, 0);
    close(c); // no warning
  }
}

void pos_accept_loop_leaks_on_short_read(int listener) {
  char buf[256];
  for (;;) {
    int c = accept(listener, NULL, NULL); // expected-warning{{fd leak}}
    if (c < 0)
      continue;
    ssize_t n = recv(c, buf, sizeof buf, 0);
    if (n <= 0)
      continue;
    send(c, buf, (size_t)n, 0);
    close(c);
  }
}

void neg_accept_loop_hands_to_unknown(int listener) {
  for (;;) {
    int c = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
    if (c < 0)
      continue;
    handle_elsewhere(c); // no warning: handed on (not seen, not annotated)
  }
}

static void serve_and_close(int c) {
  char b[64];
  ssize_t n = recv(c, b, sizeof b, 0);
  if (n > 0)
    send(c, b, (size_t)n, 0);
  close(c);
}

void neg_accept_loop_inlined_handler(int listener) {
  for (;;) {
    int c = accept(listener, NULL, NULL);
    if (c < 0)
      return;
    serve_and_close(c); // no warning: the inlined body closes it
  }
}

static void serve_forgets(int c) {
  char b[64];
  recv(c, b, sizeof b, 0);
}

void pos_accept_loop_inlined_handler_leaks(int listener) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return;
  serve_forgets(c);
} // expected-warning{{fd leak}}

void pos_accept_loop_double_close(int listener) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return;
  serve_and_close(c);
  close(c); // expected-warning{{double close}}
}

#define MAX_CONNS 1024
struct conn { int fd; int used; };
static struct conn table[MAX_CONNS];

void neg_accept_into_global_table(int listener) {
  int c = accept(listener, NULL, NULL);
  if (c < 0 || c >= MAX_CONNS) {
    if (c >= 0)
      close(c);
    return;
  }
  table[c].fd = c; // no warning: stored where the analysis loses track
  table[c].used = 1;
}

int neg_accept_into_heap(int listener, struct conn **out) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return -1;
  struct conn *k = malloc(sizeof *k);
  if (!k) {
    close(c);
    return -1;
  }
  k->fd = c;
  k->used = 1;
  *out = k; // no warning: reachable by the caller
  return 0;
}

int pos_accept_heap_failure_leaks(int listener, struct conn **out) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return -1;
  struct conn *k = malloc(sizeof *k);
  if (!k)
    return -1; // expected-warning{{fd leak}}
  k->fd = c;
  *out = k;
  return 0;
}

// ---- getaddrinfo loops -----------------------------------------------------

int neg_connect_first_address(const char *host, const char *port) {
  struct addrinfo hints, *res, *rp;
  memset(&hints, 0, sizeof hints);
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(host, port, &hints, &res) != 0)
    return -1;
  int fd = -1;
  for (rp = res; rp; rp = rp->ai_next) {
    fd = socket(rp->ai_family, rp->ai_socktype, rp->ai_protocol);
    if (fd == -1)
      continue;
    if (connect(fd, rp->ai_addr, rp->ai_addrlen) == 0)
      break;
    close(fd);
    fd = -1;
  }
  freeaddrinfo(res);
  return fd; // no warning: returned, or -1
}

int pos_connect_loop_forgets_close(const char *host, const char *port) {
  struct addrinfo hints, *res, *rp;
  memset(&hints, 0, sizeof hints);
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(host, port, &hints, &res) != 0)
    return -1;
  int fd = -1;
  for (rp = res; rp; rp = rp->ai_next) { // expected-warning{{fd leak}}
    fd = socket(rp->ai_family, rp->ai_socktype, rp->ai_protocol);
    if (fd == -1)
      continue;
    if (connect(fd, rp->ai_addr, rp->ai_addrlen) == 0)
      break;
    // missing close(fd): two leak points, two reports: the next
    // iteration's socket() overwrites fd (reported at the loop), and after
    // the last address the loop ends and -1 is returned (at the return)
  }
  freeaddrinfo(res);
  return rp ? fd : -1; // expected-warning{{fd leak}}
}

int pos_bind_loop_leaks_on_listen_failure(const char *port) {
  struct addrinfo hints, *res, *rp;
  memset(&hints, 0, sizeof hints);
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  if (getaddrinfo(NULL, port, &hints, &res) != 0)
    return -1;
  for (rp = res; rp; rp = rp->ai_next) {
    int s = socket(rp->ai_family, rp->ai_socktype, rp->ai_protocol);
    if (s < 0)
      continue;
    if (bind(s, rp->ai_addr, rp->ai_addrlen) != 0) {
      close(s);
      continue;
    }
    if (listen(s, 64) != 0) {
      freeaddrinfo(res); // expected-warning{{fd leak}}
      return -1;
    }
    freeaddrinfo(res);
    return s;
  }
  freeaddrinfo(res);
  return -1;
}

int neg_bind_all_addresses(const char *port, int *socks, int max) {
  struct addrinfo hints, *res, *rp;
  int n = 0;
  memset(&hints, 0, sizeof hints);
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  if (getaddrinfo(NULL, port, &hints, &res) != 0)
    return -1;
  for (rp = res; rp && n < max; rp = rp->ai_next) {
    int s = socket(rp->ai_family, rp->ai_socktype, rp->ai_protocol);
    if (s < 0)
      continue;
    if (bind(s, rp->ai_addr, rp->ai_addrlen) != 0 || listen(s, 64) != 0) {
      close(s);
      continue;
    }
    socks[n++] = s; // no warning: stored in the caller's array
  }
  freeaddrinfo(res);
  return n;
}
