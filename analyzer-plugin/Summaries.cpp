// SPDX-License-Identifier: MIT
//
// analyzer-plugin/Summaries.cpp: the one summary lookup over the three
// sources (Summary.h), honouring which checkers are on: libiosafe's table
// and the annotations belong to iosafe.Ownership, the POSIX table and GCC's
// fd attributes (GccFdAttributes.cpp) to iosafe.PosixFd.  A libiosafe function
// is found in its table first (its exact behaviour), then a POSIX function in
// the POSIX table, then any function's annotations, then GCC's fd_arg
// attributes; with iosafe.PosixFd off, iosafe.Ownership still knows close(2) as
// a release of the fds it tracks.

#include "Engine.h"

#include "clang/AST/Decl.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"

using namespace clang;
using namespace clang::ento;

namespace iosafe {

namespace {
/// The sources before the POSIX table (the Windows model's claim,
/// libiosafe's table): their answer, or std::nullopt to go on.
template <typename Library>
std::optional<const FnSummary *>
beforePosix(const SourceSet &On, const FunctionDecl *FD, Library ByLibrary) {
  if (!FD || winModelClaims(FD))
    return nullptr;
  if (On.has(Source::Ownership))
    if (const FnSummary *S = ByLibrary())
      return S;
  return std::nullopt;
}

/// The sources after it: the annotations, GCC's fd attributes on a function
/// iosafe's annotations do not cover, and close(2) for iosafe.Ownership
/// alone.
template <typename OwnPosix>
const FnSummary *afterPosix(const SourceSet &On, const FunctionDecl *FD,
                            OwnPosix ByOwn) {
  if (On.has(Source::Ownership))
    if (const FnSummary *S = annotationSummary(FD))
      return S;
  if (On.has(Source::PosixFd))
    return gccFdArgSummary(FD);
  return On.has(Source::Ownership) ? ByOwn() : nullptr;
}

/// The lookup, over a call (with the POSIX rows that depend on its
/// arguments) or a declaration alone.
template <typename Library, typename Posix, typename OwnPosix>
const FnSummary *lookup(const SourceSet &On, const FunctionDecl *FD,
                        Library ByLibrary, Posix ByPosix, OwnPosix ByOwn) {
  if (auto S = beforePosix(On, FD, ByLibrary))
    return *S;
  if (On.has(Source::PosixFd))
    if (const FnSummary *S = ByPosix())
      return S;
  return afterPosix(On, FD, ByOwn);
}
} // namespace

const FnSummary *summaryFor(const SourceSet &On, const CallEvent &Call) {
  return lookup(
      On, dyn_cast_or_null<FunctionDecl>(Call.getDecl()),
      [&] { return librarySummary(Call); }, [&] { return posixSummary(Call); },
      [&] { return posixReleaseForOwnership(Call); });
}

const FnSummary *summaryFor(const SourceSet &On, const FunctionDecl *FD) {
  return lookup(
      On, FD, [&] { return librarySummary(FD); },
      [&] { return posixSummary(FD); },
      [&] { return posixReleaseForOwnership(FD); });
}

bool releasesFirstParam(const FunctionDecl *FD, const SourceSet &On) {
  if (winModelClaims(FD)) // iosafe_auto_handle, iosafe_auto_sock
    return winReleasesFirstParam(FD);
  const FnSummary *S = summaryFor(On, FD);
  if (!S)
    return false;
  for (const ParamEffect &E : S->Effects)
    if (E.Index == 0 && (E.E == Effect::Close || E.E == Effect::Release))
      return true;
  return false;
}

const FnSummary *FdEngine::summaryFor(const CallEvent &Call) const {
  // A call is asked about several times as it is evaluated (evalCall, pre-
  // and post-call, escapes), and most summaries depend only on the callee
  // and the argument count: those are looked up once per pair.
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD)
    return iosafe::summaryFor(Enabled, Call);
  auto [It, New] = Summaries.try_emplace({FD, Call.getNumArgs()});
  KnownSummary &K = It->second;
  if (New) {
    // Of a row picked by an argument, only the POSIX table's part is asked
    // again at each call: what comes before and after it is known.
    if (!posixDependsOnArgs(FD)) {
      K.S = iosafe::summaryFor(Enabled, Call);
    } else if (auto Before = beforePosix(
                   Enabled, FD, [&] { return librarySummary(Call); })) {
      K.S = *Before;
    } else {
      K.ByArgs = true;
      K.S = afterPosix(Enabled, FD,
                       [&] { return posixReleaseForOwnership(Call); });
    }
  }
  if (!K.ByArgs)
    return K.S;
  if (Enabled.has(Source::PosixFd))
    if (const FnSummary *S = posixSummary(Call))
      return S;
  return K.S;
}

const FnSummary *FdEngine::ownAnnotations(const FunctionDecl *FD) const {
  // The Windows model's functions are its own (WinHandles.cpp).
  if (winModelClaims(FD))
    return nullptr;
  return Enabled.has(Source::Ownership) ? annotationSummary(FD) : nullptr;
}

} // namespace iosafe
