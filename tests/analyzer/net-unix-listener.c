// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// net_unix.h: an iosafe_unix_listener owns its fd (l.fd.raw): a listener
// not closed is a leak; iosafe_unix_listener_close, _drop and
// iosafe_auto_unix_listener release it.  iosafe_unix_connect acquires.
#include <iosafe/iosafe.h>
#include <sys/socket.h>

int pos_listener_leaked(const char *path) {
  iosafe_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;
  if (iosafe_unix_listen(&l, path, SOCK_STREAM, 16, 0700, 0600, 0) != 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int neg_listener_closed(const char *path) {
  iosafe_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;
  if (iosafe_unix_listen(&l, path, SOCK_STREAM, 16, 0700, 0600,
                         IOSAFE_UNIX_REMOVE_STALE) != 0)
    return -1;
  return iosafe_unix_listener_close(&l);
}

int neg_listener_dropped(const char *path) {
  iosafe_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;
  if (iosafe_unix_listen(&l, path, SOCK_STREAM, 16, 0700, 0600, 0) != 0)
    return -1;
  iosafe_unix_listener_drop(&l);
  return 0;
}

int neg_auto_listener(const char *path) {
  iosafe_auto_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;
  if (iosafe_unix_listen(&l, path, SOCK_STREAM, 16, 0700, 0600, 0) != 0)
    return -1;
  return 0;
}

int pos_abstract_listener_leaked(void) {
  iosafe_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;
  if (iosafe_unix_listen_abstract(&l, "name", 4, SOCK_STREAM, 16) != 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_unix_connect_leaked(const char *path) {
  iosafe_owned_fd c = IOSAFE_FD_NONE;
  if (iosafe_unix_connect(&c, path, SOCK_STREAM) != 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int neg_accepted_connection_closed(const char *path) {
  iosafe_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;
  iosafe_owned_fd c = IOSAFE_FD_NONE;
  if (iosafe_unix_listen(&l, path, SOCK_STREAM, 16, 0700, 0600, 0) != 0)
    return -1;
  if (iosafe_accept(&c, iosafe_fd_borrow(&l.fd), NULL, NULL, 0) == 0)
    iosafe_fd_close(&c);
  return iosafe_unix_listener_close(&l);
}
