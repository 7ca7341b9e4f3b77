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
// Rows that depend on a constant argument are picked in posixSummary:
// fcntl(F_DUPFD / F_DUPFD_CLOEXEC) acquires, signalfd acquires only when its
// fd argument is -1.  Access modes (open's flags & O_ACCMODE) and socket
// types (socket's type argument) are decoded here (acquiredAttrs) from the
// arguments the row names (FnSummary::ModeArg, TypeArg).

#include "SummaryTable.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

#include "llvm/ADT/DenseMap.h"

#include <optional>

using namespace clang;
using namespace clang::ento;

namespace iosafe {

namespace {
FnSummary px(unsigned Flags, std::initializer_list<ParamEffect> Es) {
  FnSummary S;
  S.From = Source::PosixFd;
  S.Flags = Flags;
  S.Effects.assign(Es.begin(), Es.end());
  return S;
}
FnSummary acquires(std::initializer_list<ParamEffect> Es = {}, FdAttrs A = {}) {
  FnSummary S = px(SF_RetAcquires, Es);
  S.Acq[0] = A;
  return S;
}
FnSummary uses(std::initializer_list<unsigned> Params) {
  FnSummary S = px(0, {});
  for (unsigned P : Params)
    S.Effects.push_back({Effect::Use, P});
  return S;
}
/// A use of param 0 with needs and a phase after the call.
FnSummary use0(const char *What, unsigned char Need,
               SockPhase Out = SockPhase::Unknown) {
  ParamEffect E{Effect::Use, 0};
  E.Need = Need;
  E.PhaseOut = Out;
  E.What = What;
  return px(0, {E});
}
/// A read or a write: returns a count or -1 (SF_CountRet).
FnSummary count(FnSummary S) {
  S.Flags |= SF_CountRet;
  return S;
}
/// recvmsg(2): the msghdr of param 1 receives SCM_RIGHTS fds on success.
FnSummary receivesFds(FnSummary S) {
  S.Effects.push_back({Effect::ReceivesFds, 1});
  return S;
}
FnSummary keepsNoFd(FnSummary S) {
  S.Flags |= SF_KeepsNoFd;
  return S;
}
FnSummary withArgs(FnSummary S, int ModeArg, int TypeArg) {
  S.ModeArg = ModeArg;
  S.TypeArg = TypeArg;
  return S;
}

const FdAttrs FileRW{FdMode::ReadWrite, FdKind::File};
const FdAttrs AnyFile{FdMode::Unknown, FdKind::File};
const FdAttrs NewSocket{FdMode::ReadWrite, FdKind::Socket, SockType::Unknown,
                        SockPhase::New};
const FdAttrs ConnSocket{FdMode::ReadWrite, FdKind::Socket, SockType::Unknown,
                         SockPhase::Connected};

// Readers and writers: the fd must be open for reading (writing), and a
// connection-mode socket must be connected (read(2), write(2), recv(2),
// send(2): ENOTCONN; EBADF "not open for reading/writing").  sendto and
// sendmsg are not held to N_Connected: with MSG_FASTOPEN (TCP Fast Open,
// tcp(7)) they connect an unconnected TCP socket themselves.
const unsigned char Rd = N_Read | N_Connected, Wr = N_Write | N_Connected;

FnSummary pair(FdAttrs A0, FdAttrs A1, unsigned Index, int TypeArg = -1) {
  FnSummary S = px(SF_StatusRet, {{Effect::AcquireOutPair, Index}});
  S.Acq[0] = A0;
  S.Acq[1] = A1;
  S.TypeArg = TypeArg;
  return S;
}
FnSummary acceptRow(unsigned NArgs) {
  ParamEffect E{Effect::Use, 0};
  E.Need = N_Listening;
  E.What = NArgs == 3 ? "accept" : "accept4";
  FnSummary S = acquires({E}, ConnSocket);
  S.TypeFromFd = 0;
  return S;
}
FnSummary foreignRelease() {
  return px(SF_CheckOnly, {{Effect::ForeignRelease, 0}});
}

const std::vector<SummaryRow> &rows() {
  static const std::vector<SummaryRow> R = {
      // acquire: the return value
      {"open", std::nullopt, withArgs(acquires({}, AnyFile), 1, -1)},
      {"open64", std::nullopt, withArgs(acquires({}, AnyFile), 1, -1)},
      {"openat", std::nullopt,
       withArgs(acquires({{Effect::Use, 0}}, AnyFile), 2, -1)},
      {"openat64", std::nullopt,
       withArgs(acquires({{Effect::Use, 0}}, AnyFile), 2, -1)},
      // creat(2): "equivalent to open() with flags O_CREAT|O_WRONLY|O_TRUNC"
      {"creat", 2, acquires({}, {FdMode::Write, FdKind::File})},
      {"creat64", 2, acquires({}, {FdMode::Write, FdKind::File})},
      {"socket", 3, withArgs(acquires({}, NewSocket), -1, 1)},
      {"accept", 3, acceptRow(3)},
      {"accept4", 4, acceptRow(4)},
      {"dup", 1, acquires({{Effect::DupRet, 0}})},
      {"eventfd", 2, acquires()},
      {"timerfd_create", 2, acquires()},
      {"epoll_create", 1, acquires()},
      {"epoll_create1", 1, acquires()},
      {"inotify_init", 0, acquires()},
      {"inotify_init1", 1, acquires()},
      // fanotify_init(2): "returns a new file descriptor" (the group's)
      {"fanotify_init", 2, acquires()},
      // memfd_create(2): "opened for both reading and writing"
      {"memfd_create", 2, acquires({}, FileRW)},
      // mkstemp(3): O_RDWR | O_CREAT | O_EXCL
      {"mkstemp", 1, acquires({}, FileRW)},
      {"mkostemp", 2, acquires({}, FileRW)},
      {"mkstemp64", 1, acquires({}, FileRW)},
      {"mkostemp64", 2, acquires({}, FileRW)},
      {"posix_openpt", 1, withArgs(acquires({}, AnyFile), 0, -1)},
      {"pidfd_open", 2, acquires()},
      // pidfd_getfd(2): "a file descriptor that is a duplicate of the
      // target file descriptor" of another process; pidfd is used
      {"pidfd_getfd", 3, acquires({{Effect::Use, 0}})},
      // mq_open(3): on Linux "a message queue descriptor is actually a
      // file descriptor" (mq_overview(7)); mq_close(3) closes it
      {"mq_open", std::nullopt, acquires()},
      // openat2(2): openat with a struct open_how (its flags are not read)
      {"openat2", 4, acquires({{Effect::Use, 0}}, AnyFile)},
      // shm_open(3): "a new file descriptor", open(2)'s oflag
      {"shm_open", 3, withArgs(acquires({}, AnyFile), 1, -1)},
      // the mount API (fsopen(2), fsmount(2), open_tree(2), fspick(2)):
      // each returns a new fd; fsmount, open_tree and fspick use a dirfd or
      // a filesystem context fd
      {"fsopen", 2, acquires()},
      {"fsmount", 3, acquires({{Effect::Use, 0}})},
      {"open_tree", 3, acquires({{Effect::Use, 0}})},
      {"fspick", 3, acquires({{Effect::Use, 0}})},
      // acquire: both ends of an int[2], status 0 or -1; pipe(2): "pipefd[0]
      // refers to the read end of the pipe.  pipefd[1] refers to the write
      // end"; socketpair(2): a pair of connected sockets
      {"pipe", 1,
       pair({FdMode::Read, FdKind::Pipe}, {FdMode::Write, FdKind::Pipe}, 0)},
      {"pipe2", 2,
       pair({FdMode::Read, FdKind::Pipe}, {FdMode::Write, FdKind::Pipe}, 0)},
      {"socketpair", 4, pair(ConnSocket, ConnSocket, 3, 1)},
      // acquire: two out-parameters, status 0 or -1; openpty(3): "the
      // file descriptors of the master and slave in amaster and aslave"
      {"openpty", 5,
       px(SF_StatusRet, {{Effect::AcquireOut, 0}, {Effect::AcquireOut, 1}})},
      // release.  Not SF_Precise: close(2) may set errno, and like the
      // analyzer's own evaluation of a C library call it invalidates the
      // system's globals (errno's region; a program's own globals are
      // kept).  That also lets the paths of a cleanup (`if (fd >= 0)
      // close(fd);` for every fd) join again, as they do without the
      // checkers: with the globals kept, paths that differ only in which
      // earlier call last set errno stay apart (bench/analysis.py).
      {"close", 1, px(0, {{Effect::Close, 0}})},
      // mq_close(3): glibc's is close(2) on the queue's descriptor (not
      // SF_Precise, as close above)
      {"mq_close", 1, px(0, {{Effect::Close, 0}})},
      // ownership handed to a stream or a directory stream (fclose and
      // closedir then close it; a close(2) of the number is a double close)
      {"fdopen", 2, px(SF_ReleaseOnSuccess, {{Effect::Release, 0}})},
      {"fdopendir", 1,
       px(SF_ReleaseOnSuccess | SF_ExclusiveStream, {{Effect::Release, 0}})},
      // released by a function for another kind of resource: only checked
      // (the stream and heap checkers model these calls)
      // directory streams (DirStreams.cpp): opendir(3) returns a DIR *
      // the caller owns, closedir(3) releases it, the others use it
      {"opendir", 1, px(SF_CheckOnly, {{Effect::DirOpenRet, 0}})},
      {"readdir", 1, px(SF_CheckOnly, {{Effect::DirUse, 0}})},
      {"readdir64", 1, px(SF_CheckOnly, {{Effect::DirUse, 0}})},
      {"readdir_r", 3, px(SF_CheckOnly, {{Effect::DirUse, 0}})},
      {"rewinddir", 1, px(SF_CheckOnly, {{Effect::DirUse, 0}})},
      {"telldir", 1, px(SF_CheckOnly, {{Effect::DirUse, 0}})},
      {"seekdir", 2, px(SF_CheckOnly, {{Effect::DirUse, 0}})},
      {"dirfd", 1,
       px(SF_CheckOnly, {{Effect::DirUse, 0}, {Effect::DirFdRet, 0}})},
      {"fclose", 1, foreignRelease()},
      {"closedir", 1, foreignRelease()},
      {"pclose", 1, foreignRelease()},
      {"free", 1, foreignRelease()},
      // dup2/dup3 (dup(2)): newfd is closed first and made a copy of oldfd
      {"dup2", 2, px(0, {{Effect::Use, 0}, {Effect::DupOnto, 0, 1}})},
      {"dup3", 3, px(0, {{Effect::Use, 0}, {Effect::DupOnto, 0, 1}})},
      // use
      {"read", 3, count(use0("read", Rd | N_Offset))},
      {"write", 3, count(use0("write", Wr | N_Offset))},
      {"pread", 4, count(use0("pread", N_Read))},
      {"pwrite", 4, count(use0("pwrite", N_Write))},
      {"pread64", 4, count(use0("pread", N_Read))},
      {"pwrite64", 4, count(use0("pwrite", N_Write))},
      {"readv", 3, count(use0("readv", Rd | N_Offset))},
      {"writev", 3, count(use0("writev", Wr | N_Offset))},
      {"lseek", 3, use0("lseek", N_Offset)},
      {"fstat", 2, uses({0})},
      {"fstatfs", 2, uses({0})},
      {"fsync", 1, uses({0})},
      {"fdatasync", 1, uses({0})},
      // ftruncate(2): "EBADF or EINVAL: fd is not open for writing"
      {"ftruncate", 2, use0("ftruncate", N_Write)},
      {"fchmod", 2, uses({0})},
      {"fchown", 3, uses({0})},
      {"fchdir", 1, uses({0})},
      {"flock", 2, uses({0})},
      {"fcntl", std::nullopt, uses({0})},
      {"ioctl", std::nullopt, uses({0})},
      {"isatty", 1, uses({0})},
      // message queues (mq_send(3), mq_receive(3), mq_getattr(3),
      // mq_notify(3)) and pidfds (pidfd_send_signal(2)) use their fd
      {"mq_send", 4, uses({0})},
      {"mq_timedsend", 5, uses({0})},
      {"mq_receive", 4, uses({0})},
      {"mq_timedreceive", 5, uses({0})},
      {"mq_getattr", 2, uses({0})},
      {"mq_setattr", 3, uses({0})},
      {"mq_notify", 2, uses({0})},
      {"pidfd_send_signal", 4, uses({0})},
      {"send", 4, count(use0("send", Wr))},
      {"recv", 4, count(use0("recv", Rd))},
      {"sendto", 6, count(use0("sendto", N_Write))},
      {"recvfrom", 6, count(use0("recvfrom", Rd))},
      // SCM_RIGHTS (unix(7)): the receiver gets new fds "as though created
      // with dup(2)"; the sender keeps its own, and must still close them.
      // The receiver owns the fds its control buffer holds (ReceivedFds.cpp).
      {"sendmsg", 3, count(keepsNoFd(use0("sendmsg", N_Write)))},
      {"recvmsg", 3, count(receivesFds(use0("recvmsg", Rd)))},
      {"bind", 3, use0("bind", N_New, SockPhase::Bound)},
      {"listen", 2, use0("listen", N_Bound, SockPhase::Listening)},
      {"connect", 3, use0("connect", N_NotListening, SockPhase::Connected)},
      {"shutdown", 2, uses({0})},
      {"getsockopt", 5, uses({0})},
      {"setsockopt", 5, uses({0})},
      {"getsockname", 3, uses({0})},
      {"getpeername", 3, uses({0})},
      {"epoll_ctl", 4,
       px(0,
          {{Effect::Use, 0}, {Effect::Use, 2}, {Effect::HandsOnPointee, 3}})},
      {"epoll_wait", 4, uses({0})},
      // poll(2), ppoll: the pollfd array is read (fd, events) and written
      // (revents) during the call only; the fds in it stay the caller's.
      {"poll", 3, px(SF_KeepsNoFd, {})},
      // fork(2), vfork(2): 0 in the child
      {"fork", 0, px(SF_CheckOnly | SF_Forks, {})},
      // memcpy(CMSG_DATA(c), &fd, sizeof fd) into a local control buffer
      {"memcpy", 3, px(SF_CheckOnly | SF_CopiesBytes, {})},
      {"memmove", 3, px(SF_CheckOnly | SF_CopiesBytes, {})},
      {"vfork", 0, px(SF_CheckOnly | SF_Forks, {})},
      {"ppoll", 4, px(SF_KeepsNoFd, {})},
      {"sendfile", 4, uses({0, 1})},
      {"splice", 6, uses({0, 2})},
      // tee(2), vmsplice(2), copy_file_range(2)
      {"tee", 4, uses({0, 1})},
      {"vmsplice", 4, uses({0})},
      {"copy_file_range", 6, uses({0, 2})},
      // close_range(2): closes every fd numbered first to last
      {"close_range", 3, px(0, {{Effect::CloseRange, 0, 1}})}, // as close
      {"tcgetattr", 2, uses({0})},
      {"tcsetattr", 3, uses({0})},
      {"posix_fadvise", 4, uses({0})},
      {"signalfd", 3, uses({0})},
      {"grantpt", 1, uses({0})},
      {"unlockpt", 1, uses({0})},
      {"timerfd_settime", 4, uses({0})},
      {"timerfd_gettime", 2, uses({0})},
      {"inotify_add_watch", 3, uses({0})},
      {"inotify_rm_watch", 2, uses({0})},
      // eventfd_read(3), eventfd_write(3) (glibc): a read(2) or write(2) of
      // the counter
      {"eventfd_read", 2, uses({0})},
      {"eventfd_write", 2, uses({0})},
      // fanotify_mark(2): the group, and dirfd (AT_FDCWD is no fd)
      {"fanotify_mark", 5, uses({0, 3})},
  };
  return R;
}

// Linux x86-64 / glibc values (fcntl(2), signalfd(2)); the checker reads
// them off constant arguments only.
constexpr int LinuxF_DUPFD = 0, LinuxF_DUPFD_CLOEXEC = 1030;

/// Rows chosen by a constant argument: fcntl(fd, F_DUPFD[_CLOEXEC], min) is
/// a dup; signalfd(-1, ...) creates a signalfd (signalfd(2): "If the fd
/// argument is -1, then the call creates a new file descriptor"), any other
/// fd is an existing signalfd whose mask is changed (a use).
const FnSummary &fcntlDup() {
  static const FnSummary S = acquires({{Effect::DupRet, 0}});
  return S;
}
/// epoll_ctl(EPOLL_CTL_DEL) ignores its event (epoll_ctl(2)): nothing in it
/// is saved, nothing handed on.
const FnSummary &epollCtlDel() {
  static const FnSummary S = uses({0, 2});
  return S;
}
constexpr int LinuxEPOLL_CTL_DEL = 2;

/// fdopen with a constant mode string: the stream needs the fd readable
/// ("r"), writable ("w", "a") or both ("r+", ...); fdopen(3): EINVAL "the
/// mode ... is not compatible with the file descriptor".
const FnSummary *fdopenFor(const CallEvent &Call) {
  if (Call.getNumArgs() < 2)
    return nullptr;
  const auto *SL =
      dyn_cast<StringLiteral>(Call.getArgExpr(1)->IgnoreParenImpCasts());
  if (!SL || SL->getCharByteWidth() != 1 || SL->getLength() == 0)
    return nullptr;
  StringRef M = SL->getString();
  unsigned char Need = M.contains('+')                ? (N_Read | N_Write)
                       : M[0] == 'r'                  ? N_Read
                       : (M[0] == 'w' || M[0] == 'a') ? N_Write
                                                      : 0;
  auto make = [](unsigned char N) {
    ParamEffect U{Effect::Use, 0};
    U.Need = N;
    U.What = "fdopen";
    return px(SF_ReleaseOnSuccess, {U, {Effect::Release, 0}});
  };
  static const FnSummary R = make(N_Read), W = make(N_Write),
                         RW = make(N_Read | N_Write);
  return Need == N_Read ? &R : Need == N_Write ? &W : Need ? &RW : nullptr;
}
const FnSummary &signalfdCreate() {
  static const FnSummary S = acquires();
  return S;
}

std::optional<int64_t> constArg(const CallEvent &Call, unsigned I) {
  if (I >= Call.getNumArgs())
    return std::nullopt;
  if (auto CI = Call.getArgSVal(I).getAs<nonloc::ConcreteInt>())
    return CI->getValue().getExtValue();
  return std::nullopt;
}

const SummaryTable &table() {
  static const SummaryTable T(CDM::CLibraryMaybeHardened, rows());
  return T;
}

/// A row's summary with every argument one place later: the same call
/// through syscall(2), whose first argument is the number.
FnSummary shifted(const FnSummary &S) {
  FnSummary T = S;
  for (ParamEffect &E : T.Effects) {
    ++E.Index;
    ++E.Other;
  }
  if (T.ModeArg >= 0)
    ++T.ModeArg;
  if (T.TypeArg >= 0)
    ++T.TypeArg;
  if (T.TypeFromFd >= 0)
    ++T.TypeFromFd;
  return T;
}

/// syscall(SYS_x, ...) (syscall(2)) for the fd system calls of the table:
/// the row of the function of the same name, its arguments one place
/// later.  The numbers are Linux x86-64's (<asm/unistd_64.h>), read off a
/// constant first argument; any other number is an unknown call.
const FnSummary *syscallSummary(const CallEvent &Call) {
  static const llvm::DenseMap<int64_t, FnSummary> BySysno = [] {
    const std::pair<int64_t, const char *> Calls[] = {
        {0, "read"},
        {1, "write"},
        {2, "open"},
        {3, "close"},
        {17, "pread64"},
        {18, "pwrite64"},
        {19, "readv"},
        {20, "writev"},
        {22, "pipe"},
        {32, "dup"},
        {33, "dup2"},
        {41, "socket"},
        {43, "accept"},
        {44, "sendto"},
        {45, "recvfrom"},
        {46, "sendmsg"},
        {47, "recvmsg"},
        {49, "bind"},
        {50, "listen"},
        {42, "connect"},
        {53, "socketpair"},
        {257, "openat"},
        {283, "timerfd_create"},
        {288, "accept4"},
        {290, "eventfd"},
        {291, "epoll_create1"},
        {292, "dup3"},
        {293, "pipe2"},
        {294, "inotify_init1"},
        {300, "fanotify_init"},
        {319, "memfd_create"},
        {428, "open_tree"},
        {430, "fsopen"},
        {432, "fsmount"},
        {433, "fspick"},
        {434, "pidfd_open"},
        {438, "pidfd_getfd"},
        {436, "close_range"},
        {437, "openat2"},
    };
    llvm::DenseMap<int64_t, FnSummary> M;
    for (const auto &[No, Name] : Calls)
      if (const FnSummary *S = table().lookup(Name))
        M[No] = shifted(*S);
    return M;
  }();
  auto No = constArg(Call, 0);
  if (!No)
    return nullptr;
  auto It = BySysno.find(*No);
  return It == BySysno.end() ? nullptr : &It->second;
}
} // namespace

/// A fork wrapper the analysis cannot see into (rsync's `pid_t
/// do_fork(void)` in another file): a function of no parameters, without a
/// body here, that returns a pid_t.  Only a path where its result is 0 is
/// taken for a child's, and no process has pid 0, so getpid() and the like
/// never make one.
bool isOpaqueForkWrapper(const FunctionDecl *FD) {
  if (!FD || FD->getNumParams() != 0 || FD->hasBody())
    return false;
  const auto *TT = FD->getReturnType()->getAs<TypedefType>();
  return TT && TT->getDecl()->getName() == "pid_t";
}

namespace {
/// The POSIX rows that a constant argument picks (posixSummary).
enum class ArgRow { None, Fcntl, Fdopen, EpollCtl, Signalfd };
ArgRow argRowOf(StringRef Name) {
  Name.consume_front("__");
  if (Name.starts_with("fcntl"))
    return ArgRow::Fcntl;
  if (Name == "fdopen")
    return ArgRow::Fdopen;
  if (Name == "epoll_ctl")
    return ArgRow::EpollCtl;
  if (Name.starts_with("signalfd"))
    return ArgRow::Signalfd;
  return ArgRow::None;
}
StringRef nameOf(const FunctionDecl *FD) {
  return FD && FD->getIdentifier() ? FD->getName() : "";
}
/// Every name CDM::CLibrary matches for "syscall" contains it
/// (CheckerContext::isCLibraryFunction): the cheap test first.
bool maySyscall(StringRef Name) { return Name.contains("syscall"); }
} // namespace

const FnSummary *posixSummary(const CallEvent &Call) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  static const CallDescription Syscall(CDM::CLibrary, {"syscall"});
  StringRef Name = nameOf(FD);
  if (maySyscall(Name) && Syscall.matches(Call))
    return syscallSummary(Call);
  const FnSummary *S = table().lookup(Call);
  if (!S) {
    static const FnSummary ForkWrapper = px(SF_CheckOnly | SF_Forks, {});
    return isOpaqueForkWrapper(FD) ? &ForkWrapper : nullptr;
  }
  switch (argRowOf(Name)) {
  case ArgRow::Fcntl:
    if (auto Cmd = constArg(Call, 1);
        Cmd && (*Cmd == LinuxF_DUPFD || *Cmd == LinuxF_DUPFD_CLOEXEC))
      return &fcntlDup();
    break;
  case ArgRow::Fdopen:
    if (const FnSummary *F = fdopenFor(Call))
      return F;
    break;
  case ArgRow::EpollCtl:
    if (auto Op = constArg(Call, 1); Op && *Op == LinuxEPOLL_CTL_DEL)
      return &epollCtlDel();
    break;
  case ArgRow::Signalfd:
    if (auto Fd = constArg(Call, 0); Fd && *Fd == -1)
      return &signalfdCreate();
    break;
  case ArgRow::None: break;
  }
  return S;
}

bool posixDependsOnArgs(const FunctionDecl *FD) {
  StringRef Name = nameOf(FD);
  return maySyscall(Name) || argRowOf(Name) != ArgRow::None;
}

const FnSummary *posixSummary(const FunctionDecl *FD) {
  return table().lookup(FD);
}

namespace {
const SummaryTable &ownershipTable() {
  static const std::vector<SummaryRow> Rows = [] {
    FnSummary S;
    S.From = Source::Ownership;
    S.Flags = SF_TrackedOnly; // not SF_Precise: as the POSIX table's close
    S.Effects.push_back({Effect::Close, 0});
    return std::vector<SummaryRow>{{"close", 1, S}};
  }();
  static const SummaryTable T(CDM::CLibraryMaybeHardened, Rows);
  return T;
}
} // namespace

const FnSummary *posixReleaseForOwnership(const CallEvent &Call) {
  return ownershipTable().lookup(Call);
}

const FnSummary *posixReleaseForOwnership(const FunctionDecl *FD) {
  return ownershipTable().lookup(FD);
}

// Linux x86-64 / glibc values, read off constant arguments only
// (<bits/fcntl-linux.h>, <bits/socket_type.h>).
constexpr int64_t LinuxO_ACCMODE = 03, LinuxO_PATH = 010000000;
constexpr int64_t LinuxSOCK_NONBLOCK = 04000, LinuxSOCK_CLOEXEC = 02000000;

/// The value of a file-scope enumerator the unit declares as Name, else
/// Default: a program that declares its own O_RDONLY, O_WRONLY, O_RDWR and
/// O_ACCMODE as an enum (with other numbers) has its flags read with them.
static int64_t unitFlag(const CallEvent &Call, StringRef Name,
                        int64_t Default) {
  ASTContext &Ctx = Call.getState()->getStateManager().getContext();
  for (const NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)))
    if (const auto *EC = dyn_cast<EnumConstantDecl>(D))
      return EC->getInitVal().getSExtValue();
  return Default;
}

FdAttrs acquiredAttrs(const FnSummary &S, unsigned I, const CallEvent &Call,
                      llvm::function_ref<const FdAttrs *(unsigned)> ArgAttrs) {
  FdAttrs A = S.Acq[I < 2 ? I : 0];
  if (S.ModeArg >= 0)
    if (auto F = constArg(Call, unsigned(S.ModeArg))) {
      // open(2): O_PATH "the file itself is not opened, and other file
      // operations (e.g., read(2), write(2)...) fail with EBADF".
      int64_t M = *F & unitFlag(Call, "O_ACCMODE", LinuxO_ACCMODE);
      if (*F & LinuxO_PATH)
        A.Mode = FdMode::Path;
      else if (M == unitFlag(Call, "O_RDONLY", 0))
        A.Mode = FdMode::Read;
      else if (M == unitFlag(Call, "O_WRONLY", 1))
        A.Mode = FdMode::Write;
      else if (M == unitFlag(Call, "O_RDWR", 2))
        A.Mode = FdMode::ReadWrite;
      else
        A.Mode = FdMode::Unknown;
    }
  if (S.TypeArg >= 0)
    if (auto T = constArg(Call, unsigned(S.TypeArg))) {
      // socket(2): "the type argument ... may include the bitwise OR of
      // SOCK_NONBLOCK, SOCK_CLOEXEC".  SOCK_STREAM 1 and SOCK_SEQPACKET 5
      // are connection-mode; SOCK_DGRAM 2, SOCK_RAW 3, SOCK_RDM 4 are not.
      int64_t Ty = *T & ~(LinuxSOCK_NONBLOCK | LinuxSOCK_CLOEXEC);
      if (Ty == 1 || Ty == 5)
        A.Type = SockType::Stream;
      else if (Ty == 2 || Ty == 3 || Ty == 4)
        A.Type = SockType::Dgram;
    }
  if (S.TypeFromFd >= 0 && unsigned(S.TypeFromFd) < Call.getNumArgs())
    if (const FdAttrs *FA = ArgAttrs(unsigned(S.TypeFromFd)))
      A.Type = FA->Type;
  for (const ParamEffect &E : S.Effects)
    if (E.E == Effect::DupRet) {
      // dup(2): the copy "refers to the same open file description" (same
      // access mode, same socket).
      const FdAttrs *FA =
          E.Index < Call.getNumArgs() ? ArgAttrs(E.Index) : nullptr;
      A = FA ? *FA : FdAttrs();
    }
  return A;
}

} // namespace iosafe
