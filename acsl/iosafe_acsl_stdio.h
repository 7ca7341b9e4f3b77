/* SPDX-License-Identifier: MIT */
/*
 * iosafe_acsl_stdio.h: the ghost link between a FILE or DIR stream and the
 * descriptor it reads and writes through, for the contracts of
 * include/iosafe/stdio.h (which includes this file under __FRAMAC__) and
 * the trusted contracts of fdopen, fileno, fclose and fdopendir
 * (acsl/iosafe_posix_stdio.h).  Read by Frama-C only.
 *
 * iosafe_file_fd(f): the descriptor of stream f (fileno(3)), or a negative
 * value for a stream with none (fmemopen(3)).  A stream owns its
 * descriptor: fclose(3) closes it.  Abstract: a function of the pointer
 * only, since a stream keeps its descriptor for its whole life.
 */
#ifndef IOSAFE_ACSL_STDIO_H
#define IOSAFE_ACSL_STDIO_H

/*@
  axiomatic iosafe_streams {
    logic integer iosafe_file_fd(FILE *f);
    logic integer iosafe_dir_fd(DIR *d);
  }
*/

#endif /* IOSAFE_ACSL_STDIO_H */
