/* SPDX-License-Identifier: MIT */
/*
 * iosafe/inline.h: one body per function, inlined into the caller and
 * exported by the library.
 *
 * The system-call wrappers are a few instructions around one call (a none
 * check, the call, -errno on failure).  Called out of line they cost a call,
 * a return and the argument moves on top of that; inlined they compile to
 * what the same code with bare ints compiles to (`make bench`).  Yet
 * libiosafe.so and libiosafe.a must still export every function, for other
 * languages, for code that takes a function's address, for -O0 builds and
 * for compilers that cannot inline them.  So each such function has one
 * body, in its header, that means two things:
 *
 *   in a user's translation unit  a definition for inlining only: the
 *                                 compiler may inline it and never emits a
 *                                 symbol for it; a call it does not inline,
 *                                 and &function, name the library's symbol;
 *   in src/inline.c (the one      an ordinary external definition: the
 *   library unit that defines     library's symbol.
 *   IOSAFE_INLINE_EMIT)
 *
 * The user side is GNU C's "extern inline" (the gnu_inline attribute, GCC
 * manual "An Inline Function is As Fast As a Macro"; glibc's __extern_inline
 * in <sys/cdefs.h> is the same).  It means the same in every dialect GCC and
 * Clang accept: C89/gnu89 (and -fgnu89-inline), C99 to C2x, and C++, where
 * an inline definition would otherwise be emitted as a weak copy in every
 * object.  ISO C99's own `inline` (an "inline definition", C11 6.7.4p7)
 * would do the same in C99 and later, but it means the opposite under
 * gnu89 (a definition in every unit: duplicate symbols with libiosafe.a),
 * and it requires `inline` on every declaration of the function, the
 * annotated prototype included.  Compilers without the attribute get the
 * declarations only: every call goes to the library, as it always may.
 *
 * IOSAFE_INLINE_BODIES is 0 (declarations only, the library's symbols
 * called) also
 *   - under Frama-C (__FRAMAC__) outside src/inline.c: a client's proof
 *     uses the contracts above the declarations, as for any out-of-line
 *     function; the bodies are proved once, in src/inline.c
 *     (proofs/proofs.mk);
 *   - under Clang's static analyzer (__clang_analyzer__, also set by
 *     iosafe-check and clang-tidy): the checker models iosafe's functions
 *     from their annotations and its library table
 *     (analyzer-plugin/LibraryModel.cpp), so what it reports on user code
 *     cannot depend on the bodies;
 *   - when the user defines IOSAFE_NO_INLINE (every call to the library,
 *     for instance to interpose the functions with LD_PRELOAD).
 *
 * Bodies may use only what the user's translation unit declares.  A unit
 * built with strict -std=c99 or -std=c11 (no _POSIX_C_SOURCE, no
 * _GNU_SOURCE) sees neither O_CLOEXEC nor F_DUPFD_CLOEXEC nor openat, and
 * only _GNU_SOURCE declares accept4 and pipe2.  The headers never declare a
 * libc function themselves (a C++ redeclaration would have to repeat
 * glibc's __THROW exception specification, and a strict C program may use
 * those names for its own functions); instead each body is guarded by a
 * test of what it needs (O_CLOEXEC, F_DUPFD_CLOEXEC, IOSAFE_INLINE_GNU), and
 * where the test fails that function is simply called in the library.
 * src/inline.c defines _GNU_SOURCE and checks that every body is there.
 *
 * Other build modes need nothing special: _FORTIFY_SOURCE checks the
 * inlined read(2)/open(2) against the caller's buffer sizes (a gain);
 * _FILE_OFFSET_BITS=64 makes the inlined open(2) the caller's open64, as
 * its own open(2) call would be.  A function whose signature has off_t (or
 * another type _FILE_OFFSET_BITS changes) must not take it: its library
 * symbol has one size, so its parameter must be a fixed-width type
 * (int64_t), or the function must stay out of line.
 *
 * Warnings that follow values into callees see the bodies too: after
 *   rc = iosafe_open(&fd, path, ...);  if (rc < 0) printf("%s", path);
 * gcc -O2 -Wall (-Wformat-overflow) may say that path can be NULL there,
 * because iosafe_open returns -EINVAL for a NULL path (examples/file_copy.c
 * shows it).  The tests build the bodies under every warning of gcc and
 * clang without a diagnostic in the headers (tests/headers/check.sh).
 *
 * Converting an out-of-line function of a family header (recipe):
 *   1. keep its doc comment, ACSL contract and annotated declaration as
 *      they are (the analyzer and Frama-C's clients read only those);
 *   2. move the body from src/<family>.c into the header, right below the
 *      declaration, unchanged but for the specifiers:
 *        #if IOSAFE_INLINE_BODIES && <what it needs>
 *        IOSAFE_INLINE int iosafe_x(<the parameters, without annotations>)
 *        { ... }
 *        #endif
 *      where <what it needs> is `defined(M)` for each macro beyond ISO C and
 *      POSIX.1-2001 the body uses (O_CLOEXEC, F_DUPFD_CLOEXEC, AT_*, ...),
 *      IOSAFE_INLINE_GNU when it calls a GNU-only function (dup3, accept4,
 *      pipe2, memfd_create, splice, ...), and the family's own Linux guard;
 *      nothing when it uses only ISO C and POSIX.1-2001 (read, write, close);
 *   3. a static helper it calls becomes part of the body, or an
 *      IOSAFE_INLINE function of its own with a contract (an inline body
 *      may not refer to an internal-linkage function, C11 6.7.4p3); a fact
 *      a trusted contract gives and the caller's tests could use (a new
 *      descriptor is not negative) may be told with IOSAFE_ASSUME, which
 *      WP proves;
 *   4. the family header includes "inline.h" and the system headers its
 *      bodies need, unconditionally (so that what a unit declares does not
 *      depend on IOSAFE_INLINE_BODIES);
 *   5. src/inline.c sees the header through iosafe.h: add the new guard
 *      macros to its #error check, delete src/<family>.c and drop it from
 *      LIB_SRCS (src/lib.mk) and PROVE_CORE_SRCS (proofs/proofs.mk); point
 *      the function's mutants (proofs/mutants/mutants.txt) at the header
 *      and map the header to src/inline.c in run_mutants.py's UNIT;
 *   6. tests/headers/check.sh: add the function to the list of its guard
 *      (needs_posix2008, needs_gnu, or a new one) so that the matrix checks
 *      where it falls back to the library, and raise the body count;
 *   7. make check-headers check-unit check-install prove: the moved body's
 *      goals have new text and go to the provers; make prove-full, and
 *      commit proofs/REPORT.md and proofs/wp-cache.txt.
 * Long functions (loops, fallbacks) stay out of line: inlining them buys
 * nothing and costs code size in every caller.
 */
#ifndef IOSAFE_INLINE_H
#define IOSAFE_INLINE_H

/* Any libc header: it defines the C library's feature macros (glibc's
 * <features.h>: __GLIBC__, __USE_GNU) that IOSAFE_INLINE_GNU reads. */
#include <unistd.h>

#if defined(IOSAFE_INLINE_EMIT)
/* src/inline.c: the bodies are the library's external definitions. */
#  define IOSAFE_INLINE_BODIES 1
#  define IOSAFE_INLINE
#elif defined(IOSAFE_NO_INLINE) || defined(__FRAMAC__) || defined(__clang_analyzer__)
#  define IOSAFE_INLINE_BODIES 0
#elif defined(__GNUC__) && defined(__has_attribute)
#  if __has_attribute(__gnu_inline__)
#    define IOSAFE_INLINE_BODIES 1
#  else
#    define IOSAFE_INLINE_BODIES 0
#  endif
#elif defined(__GNUC__) && (__GNUC__ > 4 || (__GNUC__ == 4 && __GNUC_MINOR__ >= 2))
#  define IOSAFE_INLINE_BODIES 1
#else
#  define IOSAFE_INLINE_BODIES 0
#endif

#ifndef IOSAFE_INLINE
/* A definition for inlining only: no symbol is emitted in this unit. */
#  define IOSAFE_INLINE extern __inline__ __attribute__((__gnu_inline__))
#endif

/*
 * IOSAFE_INLINE_GNU: 1 when this unit sees the C library's GNU declarations
 * (accept4, pipe2, dup3, O_TMPFILE, ...): the user defined _GNU_SOURCE
 * before including any header (g++ and clang++ always do), or this is
 * src/inline.c.  glibc decides that once, in <features.h>, and says so with
 * __USE_GNU; other C libraries read _GNU_SOURCE itself.
 */
#if defined(IOSAFE_INLINE_EMIT)
#  define IOSAFE_INLINE_GNU 1
#elif defined(__GLIBC__)
#  ifdef __USE_GNU
#    define IOSAFE_INLINE_GNU 1
#  else
#    define IOSAFE_INLINE_GNU 0
#  endif
#elif defined(_GNU_SOURCE)
#  define IOSAFE_INLINE_GNU 1
#else
#  define IOSAFE_INLINE_GNU 0
#endif

/*
 * IOSAFE_ASSUME(c): in a body, tell the compiler that c holds where a
 * trusted contract of acsl/iosafe_posix.h guarantees it (pipe2(2)'s two
 * descriptors are not negative), so that the caller's own tests of it fold
 * away once inlined.  It is not taken on trust: under Frama-C it is a call
 * of iosafe_assume (acsl/iosafe_acsl.h), whose precondition is c, so WP
 * proves c at that point from the contracts; the compiler gets GCC's
 * __builtin_unreachable on the other branch; other compilers, nothing.
 */
#if defined(__FRAMAC__)
#  define IOSAFE_ASSUME(c) iosafe_assume(c)
#elif defined(__GNUC__)
#  define IOSAFE_ASSUME(c) \
	do { \
		if (!(c)) \
			__builtin_unreachable(); \
	} while (0)
#else
#  define IOSAFE_ASSUME(c) ((void)0)
#endif

#endif /* IOSAFE_INLINE_H */
