/* SPDX-License-Identifier: MIT */
/*
 * iosafe_posix_cpu_float.h: TRUSTED BASE of the proof of src/cpu.c: one
 * floating-point fact WP's provers cannot decide within prove's step limits
 * (IEEE 754 division; Z3 bit-blasts it, CVC4 has no floating-point
 * support here).  Included by src/cpu.c under __FRAMAC__ only (it declares
 * a static function of that file, whose body the compiled library has).
 */
#ifndef IOSAFE_POSIX_CPU_FLOAT_H
#define IOSAFE_POSIX_CPU_FLOAT_H

/*@
  // src/cpu.c iosafe_cpu_ratio: q is a cgroup quota and p a period, as
  // iosafe_cpu_quota_frac_at ensures.
  // No stronger: a precondition on iosafe (the only caller passes them).
  requires ratio_args: 1 <= q <= 10000000000000 && 1 <= p <= 1000000;
  assigns \nothing;
  // IEEE 754-2008 5.4.1 and C11 F.3 (Annex F, the double of x86_64 SSE2):
  // an integer below 2^53 converts to double exactly, and a correctly
  // rounded quotient x / y with y >= 1 lies in [x / y rounded, x]: at most
  // 10^13 and at least 10^-6, so finite and positive.
  // No stronger: claims finiteness and a positive value only, not the
  // quotient's digits.
  ensures ratio_finite: \is_finite(\result) && \result > 0.0;
*/
static double iosafe_cpu_ratio(unsigned long long q, unsigned long long p);

#endif /* IOSAFE_POSIX_CPU_FLOAT_H */
