// SPDX-License-Identifier: MIT
//
// analyzer-plugin/PosixFdModel.cpp: summaries of the POSIX/Linux fd
// functions, for the checker iosafe.PosixFd.  A row is a FnSummary with
// From = Source::PosixFd: the same engine as the annotations, so plain-int
// code gets the same bug types and notes.
//
// Conventions (POSIX, the Linux man pages): an acquiring call returns the
// new fd, or -1 on failure (success iff >= 0: SF_RetAcquires); pipe, pipe2
// and socketpair fill an int[2] and return 0 or -1 (AcquireOutPair with a
// status).  Functions are matched as C library functions, including their
// _FORTIFY_SOURCE variants (CDM::CLibraryMaybeHardened), by argument count
// (std::nullopt for the variadic open/openat/fcntl/ioctl).
//
// Not modelled here (they need more than a summary; the engine stays quiet
// on them): fcntl(F_DUPFD) acquiring (fcntl is a use), dup2/dup3 (a use of
// the source; the target keeps its owner), signalfd on an existing fd.

#include "Summary.h"

#include "clang/AST/Decl.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "llvm/ADT/StringMap.h"

#include <optional>

using namespace clang;
using namespace clang::ento;

namespace iosafe {

namespace {
struct Row {
  const char *Name;
  std::optional<unsigned> NArgs;
  FnSummary S;
};

FnSummary px(unsigned Flags, std::initializer_list<ParamEffect> Es) {
  FnSummary S;
  S.From = Source::PosixFd;
  S.Flags = Flags;
  S.Effects.assign(Es.begin(), Es.end());
  return S;
}
FnSummary acquires(std::initializer_list<ParamEffect> Es = {}) {
  return px(SF_RetAcquires, Es);
}
FnSummary uses(std::initializer_list<unsigned> Params) {
  FnSummary S = px(0, {});
  for (unsigned P : Params)
    S.Effects.push_back({Effect::Use, P});
  return S;
}

const std::vector<Row> &rows() {
  static const std::vector<Row> R = {
      // acquire: the return value
      {"open", std::nullopt, acquires()},
      {"open64", std::nullopt, acquires()},
      {"openat", std::nullopt, acquires({{Effect::Use, 0}})},
      {"creat", 2, acquires()},
      {"socket", 3, acquires()},
      {"accept", 3, acquires({{Effect::Use, 0}})},
      {"accept4", 4, acquires({{Effect::Use, 0}})},
      {"dup", 1, acquires({{Effect::Use, 0}})},
      {"eventfd", 2, acquires()},
      {"timerfd_create", 2, acquires()},
      {"epoll_create", 1, acquires()},
      {"epoll_create1", 1, acquires()},
      {"inotify_init", 0, acquires()},
      {"inotify_init1", 1, acquires()},
      {"memfd_create", 2, acquires()},
      {"mkstemp", 1, acquires()},
      {"mkostemp", 2, acquires()},
      {"posix_openpt", 1, acquires()},
      {"pidfd_open", 2, acquires()},
      // acquire: both ends of an int[2], status 0 or -1
      {"pipe", 1, px(SF_StatusRet, {{Effect::AcquireOutPair, 0}})},
      {"pipe2", 2, px(SF_StatusRet, {{Effect::AcquireOutPair, 0}})},
      {"socketpair", 4, px(SF_StatusRet, {{Effect::AcquireOutPair, 3}})},
      // release
      {"close", 1, px(SF_Precise, {{Effect::Close, 0}})},
      // ownership handed to a stream or a directory stream (fclose and
      // closedir then close it; a close(2) of the number is a double close)
      {"fdopen", 2, px(SF_ReleaseOnSuccess, {{Effect::Release, 0}})},
      {"fdopendir", 1, px(SF_ReleaseOnSuccess, {{Effect::Release, 0}})},
      // use
      {"read", 3, uses({0})},
      {"write", 3, uses({0})},
      {"pread", 4, uses({0})},
      {"pwrite", 4, uses({0})},
      {"pread64", 4, uses({0})},
      {"pwrite64", 4, uses({0})},
      {"readv", 3, uses({0})},
      {"writev", 3, uses({0})},
      {"lseek", 3, uses({0})},
      {"fstat", 2, uses({0})},
      {"fstatfs", 2, uses({0})},
      {"fsync", 1, uses({0})},
      {"fdatasync", 1, uses({0})},
      {"ftruncate", 2, uses({0})},
      {"fchmod", 2, uses({0})},
      {"fchown", 3, uses({0})},
      {"fchdir", 1, uses({0})},
      {"flock", 2, uses({0})},
      {"fcntl", std::nullopt, uses({0})},
      {"ioctl", std::nullopt, uses({0})},
      {"isatty", 1, uses({0})},
      {"send", 4, uses({0})},
      {"recv", 4, uses({0})},
      {"sendto", 6, uses({0})},
      {"recvfrom", 6, uses({0})},
      {"sendmsg", 3, uses({0})},
      {"recvmsg", 3, uses({0})},
      {"bind", 3, uses({0})},
      {"listen", 2, uses({0})},
      {"connect", 3, uses({0})},
      {"shutdown", 2, uses({0})},
      {"getsockopt", 5, uses({0})},
      {"setsockopt", 5, uses({0})},
      {"getsockname", 3, uses({0})},
      {"getpeername", 3, uses({0})},
      {"epoll_ctl", 4, uses({0, 2})},
      {"epoll_wait", 4, uses({0})},
      {"sendfile", 4, uses({0, 1})},
      {"splice", 6, uses({0, 2})},
      {"tcgetattr", 2, uses({0})},
      {"tcsetattr", 3, uses({0})},
      {"posix_fadvise", 4, uses({0})},
      {"dup2", 2, uses({0})},
      {"dup3", 3, uses({0})},
  };
  return R;
}

struct Tables {
  CallDescriptionMap<const FnSummary *> ByCall;
  llvm::StringMap<const Row *> ByName;
  Tables() : ByCall(build()) {
    for (const Row &R : rows())
      ByName[R.Name] = &R;
  }
  static CallDescriptionMap<const FnSummary *> build() {
    std::vector<std::pair<CallDescription, const FnSummary *>> V;
    for (const Row &R : rows())
      V.emplace_back(
          CallDescription(CDM::CLibraryMaybeHardened, {R.Name}, R.NArgs), &R.S);
    return CallDescriptionMap<const FnSummary *>(V.begin(), V.end());
  }
};

const Tables &tables() {
  static const Tables T;
  return T;
}
} // namespace

const FnSummary *posixSummary(const CallEvent &Call) {
  if (const FnSummary *const *S = tables().ByCall.lookup(Call))
    return *S;
  return nullptr;
}

const FnSummary *posixSummary(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return nullptr;
  auto It = tables().ByName.find(FD->getName());
  if (It == tables().ByName.end())
    return nullptr;
  if (It->second->NArgs && *It->second->NArgs != FD->getNumParams())
    return nullptr;
  return &It->second->S;
}

} // namespace iosafe
