// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership -Wignored-attributes -verify %s
// A misplaced annotation is never silently ignored: Clang drops it with
// -Wignored-attributes (iosafe-check makes that an error with
// -Werror=ignored-attributes).  Each position below is one Clang rejects.
#include <iosafe/iosafe.h>

// release_handle / use_handle apply to parameters only.
void pos_releases_on_function(int fd) IOSAFE_RELEASES; // expected-warning{{'release_handle' attribute only applies to parameters}}
void pos_uses_on_function(int fd) IOSAFE_USES; // expected-warning{{'use_handle' attribute only applies to parameters}}

// On a variable, none of them means anything.
void pos_acquires_on_variable(void) {
  int fd IOSAFE_ACQUIRES = -1; // expected-warning{{'acquire_handle' attribute only applies to functions, typedefs, and parameters}}
  (void)fd;
}

// On a struct field neither.
struct pos_field_holder {
  int fd IOSAFE_RELEASES; // expected-warning{{'release_handle' attribute only applies to parameters}}
};

// The accepted positions produce no warning.
int neg_acquires_on_function(void) IOSAFE_ACQUIRES;
int neg_acquires_on_out_param(int *out IOSAFE_ACQUIRES);
void neg_releases_on_param(int fd IOSAFE_RELEASES);
void neg_uses_on_param(int fd IOSAFE_USES);
typedef int neg_owned_int_fd IOSAFE_ACQUIRES;
