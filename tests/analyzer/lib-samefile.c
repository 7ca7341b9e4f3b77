// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -verify %s
// samefile.h: an iosafe_same_file_handle owns its fd (h.fd.raw): a handle
// not closed is a leak; iosafe_same_file_close, _drop and
// iosafe_auto_same_file_handle release it.  iosafe_is_same_file keeps
// nothing open.
#include <iosafe/iosafe.h>
#include <stdbool.h>
#include <unistd.h>

int pos_handle_leaked(const char *path) {
  iosafe_same_file_handle h = IOSAFE_SAME_FILE_HANDLE_NONE;
  if (iosafe_same_file_open(&h, iosafe_cwd(), path) != 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_stdin_handle_leaked(void) {
  iosafe_same_file_handle h = IOSAFE_SAME_FILE_HANDLE_NONE;
  if (iosafe_same_file_stdin(&h) != 0)
    return -1;
  return 0; // expected-warning{{fd leak}}
}

int pos_one_of_two_leaked(const char *a, const char *b) {
  iosafe_same_file_handle ha = IOSAFE_SAME_FILE_HANDLE_NONE;
  iosafe_same_file_handle hb = IOSAFE_SAME_FILE_HANDLE_NONE;
  bool same;
  if (iosafe_same_file_open(&ha, iosafe_cwd(), a) != 0)
    return -1;
  if (iosafe_same_file_open(&hb, iosafe_cwd(), b) != 0)
    return -1; // expected-warning{{fd leak}}
  same = iosafe_same_file_equal(&ha, &hb);
  iosafe_same_file_close(&ha);
  iosafe_same_file_close(&hb);
  return same;
}

int pos_double_close(const char *path) {
  iosafe_same_file_handle h = IOSAFE_SAME_FILE_HANDLE_NONE;
  int raw;
  if (iosafe_same_file_open(&h, iosafe_cwd(), path) != 0)
    return -1;
  raw = h.fd.raw;
  iosafe_same_file_close(&h);
  return close(raw); // expected-warning{{double close}}
}

int neg_handles_closed(const char *a, const char *b) {
  iosafe_same_file_handle ha = IOSAFE_SAME_FILE_HANDLE_NONE;
  iosafe_same_file_handle hb = IOSAFE_SAME_FILE_HANDLE_NONE;
  bool same;
  if (iosafe_same_file_open(&ha, iosafe_cwd(), a) != 0)
    return -1;
  if (iosafe_same_file_open(&hb, iosafe_cwd(), b) != 0) {
    iosafe_same_file_drop(&ha);
    return -1;
  }
  same = iosafe_same_file_equal(&ha, &hb);
  iosafe_same_file_drop(&ha);
  iosafe_same_file_close(&hb);
  return same;
}

int neg_auto_handle(const char *path) {
  iosafe_auto_same_file_handle h = IOSAFE_SAME_FILE_HANDLE_NONE;
  if (iosafe_same_file_open(&h, iosafe_cwd(), path) != 0)
    return -1;
  return 0;
}

int pos_handle_overwritten(const char *path) {
  iosafe_same_file_handle h = IOSAFE_SAME_FILE_HANDLE_NONE;
  if (iosafe_same_file_stdout(&h) != 0)
    return -1;
  // The second open overwrites the first handle's fd without closing it:
  // reported on the first path that ends without it.
  if (iosafe_same_file_open(&h, iosafe_cwd(), path) != 0)
    return -1; // expected-warning{{fd leak: the fd acquired by 'iosafe_same_file_stdout' is not closed or handed on}}
  return iosafe_same_file_close(&h);
}

int neg_is_same_file(const char *a, const char *b) {
  bool same = false;
  if (iosafe_is_same_file(a, b, &same) != 0)
    return -1;
  return same;
}
