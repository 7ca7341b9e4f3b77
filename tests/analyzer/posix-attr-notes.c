// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -analyzer-output=text -verify %s
// iosafe.PosixFd: the path notes of the attribute reports say where the mode
// or the phase came from ("fd opened read-only here", "socket created here",
// "socket bound here"); the other reports keep the engine's notes.
#define _GNU_SOURCE
#include <fcntl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int pos_note_read_only(const char *path) {
  int fd = open(path, O_RDONLY); // expected-note{{fd opened read-only here}}
  if (fd < 0)                    // expected-note{{Assuming 'fd' is >= 0}} expected-note{{Taking false branch}}
    return -1;
  write(fd, "x", 1); // expected-warning{{access mode mismatch}} expected-note{{access mode mismatch}}
  return close(fd);
}

int pos_note_pipe_end(char *buf) {
  int p[2];
  if (pipe(p) != 0) // expected-note{{write end of a pipe created here}} expected-note{{Assuming the condition is false}} expected-note{{Taking false branch}}
    return -1;
  read(p[1], buf, 1); // expected-warning{{access mode mismatch}} expected-note{{access mode mismatch}}
  close(p[0]);
  return close(p[1]);
}

int pos_note_socket_bound(const struct sockaddr_in *a) {
  int s = socket(AF_INET, SOCK_STREAM, 0); // expected-note{{socket created here}}
  if (s < 0)                               // expected-note{{Assuming 's' is >= 0}} expected-note{{Taking false branch}}
    return -1;
  bind(s, (const struct sockaddr *)a, sizeof *a); // expected-note{{socket bound here}}
  int c = accept(s, NULL, NULL); // expected-warning{{socket phase mismatch}} expected-note{{socket phase mismatch}}
  if (c >= 0)
    close(c);
  return close(s);
}

int pos_note_leak_keeps_engine_note(const char *path) {
  int fd = open(path, O_RDONLY); // expected-note{{fd opened here}}
  if (fd < 0)                    // expected-note{{Assuming 'fd' is >= 0}} expected-note{{Taking false branch}}
    return -1;
  return 0; // expected-warning{{fd leak}} expected-note{{fd leak}}
}

int pos_note_mismatched_release(const char *path) {
  int fd = open(path, O_RDONLY); // expected-note{{fd opened here}}
  if (fd < 0)                    // expected-note{{Assuming 'fd' is >= 0}} expected-note{{Taking false branch}}
    return -1;
  return fclose((FILE *)(intptr_t)fd); // expected-warning{{mismatched release}} expected-note{{mismatched release}}
}
