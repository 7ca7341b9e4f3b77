// SPDX-License-Identifier: MIT
//
// analyzer-plugin/Summary.h: what a function does with the file descriptors
// it receives and returns, as the ownership engine (Engine.h) reads it.
//
// A summary is data, not code: the engine has one state machine and applies
// summaries from several sources to it:
//   - AnnotationSummaries.cpp: derived from a declaration's handle attributes
//     with iosafe's tag (IOSAFE_ACQUIRES / IOSAFE_RELEASES / IOSAFE_USES) and
//     annotate("iosafe_returns_borrow");
//   - LibraryModel.cpp: a built-in table for libiosafe's own functions, whose
//     exact behaviour (a released owner is left none, take moves rather than
//     closes) the annotations alone cannot say;
//   - PosixFdModel.cpp: the table of POSIX/Linux fd functions (checker
//     iosafe.PosixFd; analyzer-plugin/README.md lists its rows).
// Summaries.cpp is the one lookup over these sources, honouring which
// checkers are on.  The engine never looks at a function's name or
// attributes itself.

#ifndef IOSAFE_ANALYZER_SUMMARY_H
#define IOSAFE_ANALYZER_SUMMARY_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace clang {
class FunctionDecl;
class VarDecl;
namespace ento {
class CallEvent;
} // namespace ento
} // namespace clang

namespace iosafe {

/// Which checker a summary belongs to.  Reports found through a summary carry
/// that checker's name ([iosafe.Ownership], [iosafe.PosixFd]).
enum class Source : unsigned char { Ownership = 0, PosixFd = 1 };
constexpr unsigned NumSources = 2;

/// The summary sources whose checker is on.
struct SourceSet {
  bool On[NumSources] = {};
  bool has(Source S) const { return On[static_cast<unsigned>(S)]; }
  void add(Source S) { On[static_cast<unsigned>(S)] = true; }
};

/// One effect of a call on one parameter.  Parameters may be an int, an fd
/// wrapper struct (a struct of one integer field: iosafe_owned_fd,
/// iosafe_borrowed_fd, users' own), or a pointer to either.
enum class Effect : unsigned char {
  Use,        ///< param Index's fd is used during the call only
  Release,    ///< param Index's fd moves into the callee (IOSAFE_RELEASES):
              ///< the caller no longer owns it ("ownership moved here")
  Close,      ///< param Index's fd is closed by the callee ("fd closed here")
  AcquireOut, ///< pointer param Index receives a new owned fd on success
  BorrowRet,  ///< the return value borrows param Index's fd
  MoveRet,    ///< the return value takes over param Index's fd (take,
              ///< into_raw, from_raw): a move, not a release
  RawRet,     ///< the return value is param Index's number, as borrowed as
              ///< the parameter was (iosafe_fd_raw)
  MoveInto,   ///< param Index's fd moves into the pointee of param Other
  AcquireOutPair, ///< pointer param Index (to int[2]) receives two new owned
                  ///< fds on success (pipe, socketpair)
  TestNone, ///< the return value is whether param Index's fd is none (< 0);
            ///< not a use (iosafe_fd_is_none is how a success is checked)
  DupRet,   ///< the returned fd (SF_RetAcquires) is a new fd sharing param
            ///< Index's open file description: it inherits its access
            ///< mode and socket type and phase (dup, fcntl(F_DUPFD), dup(2))
  DupOnto,  ///< param Other's number is made a copy of param Index's fd
            ///< (dup2, dup3): a tracked target that was closed is owned
            ///< again when the call succeeds; an owned one stays owned,
            ///< with the source's attributes
  HandsOnPointee, ///< owned fds stored in what pointer param Index points
                  ///< to are handed on when the call returns 0
                  ///< (epoll_ctl's event data, saved by the kernel and
                  ///< given back by epoll_wait); on -1 nothing is
  ForeignRelease, ///< pointer param Index is released by a function meant
                  ///< for another kind of resource (fclose, closedir,
                  ///< pclose, free): an fd cast to it is a "mismatched
                  ///< release"
  DirOpenRet,     ///< the returned DIR * is a directory stream the caller
                  ///< owns when it is not null (opendir(3)); closedir
                  ///< releases it (ForeignRelease of a tracked DIR *)
  DirUse,         ///< pointer param Index is a DIR * used by the call
                  ///< (readdir, rewinddir, telldir, seekdir, dirfd)
  DirFdRet,       ///< the return value is the fd of the DIR * param Index,
                  ///< borrowed from the stream (dirfd(3))
  CloseRange,     ///< the fds numbered param Index to param Other are
                  ///< closed (close_range(2)), unless param 2 (flags) has
                  ///< CLOSE_RANGE_CLOEXEC: a tracked fd certainly in the
                  ///< range is closed, one that may be in it is handed on
  ReceivesFds,    ///< pointer param Index is a struct msghdr whose control
                  ///< buffer receives owned fds (SCM_RIGHTS, unix(7)) when
                  ///< the call succeeds (recvmsg(2); ReceivedFds.cpp)
};

/// What iosafe.PosixFd knows of an fd beyond its ownership: its access mode
/// (open(2) flags & O_ACCMODE) and, for a socket, its type and phase
/// (socket(2), bind(2), listen(2), connect(2), accept(2)).
/// Unknown never produces a report.
enum class FdMode : unsigned char { Unknown, Read, Write, ReadWrite, Path };
enum class FdKind : unsigned char { Unknown, File, Pipe, Socket };
/// Connection-mode sockets (SOCK_STREAM, SOCK_SEQPACKET) against the rest
/// (SOCK_DGRAM, SOCK_RAW, ...).
enum class SockType : unsigned char { Unknown, Stream, Dgram };
enum class SockPhase : unsigned char {
  Unknown,
  New,
  Bound,
  Listening,
  Connected
};
struct FdAttrs {
  FdMode Mode = FdMode::Unknown;
  FdKind Kind = FdKind::Unknown;
  SockType Type = SockType::Unknown;
  SockPhase Phase = SockPhase::Unknown;
};

/// What a use needs of its fd (ParamEffect::Need); checked only when the
/// fd's attributes are known.
enum NeedFlags : unsigned char {
  N_Read = 1u << 0,         ///< readable: not opened write-only ("access mode
                            ///< mismatch")
  N_Write = 1u << 1,        ///< writable: not opened read-only
  N_Connected = 1u << 2,    ///< a connection-mode socket must be connected
                            ///< or accepted ("socket phase mismatch")
  N_Listening = 1u << 3,    ///< a listening socket (accept)
  N_Bound = 1u << 4,        ///< a bound socket (listen), not connected
  N_NotListening = 1u << 5, ///< not a listening socket (connect)
  N_Offset = 1u << 6,       ///< moves the file offset (read, write, lseek):
                            ///< on an fd fdopendir took over, undefined
                            ///< (fdopendir(3p)), a "use after move"
  N_New = 1u << 7,          ///< a socket not yet bound, listening or
                            ///< connected (bind(2): EINVAL "The socket is
                            ///< already bound to an address")
};

struct ParamEffect {
  Effect E;
  unsigned Index;
  unsigned Other = 0;
  /// Use: NeedFlags, and the socket phase after the call (bind, listen,
  /// connect).  The phase changes whatever the call returns: a failed bind
  /// usually ends the path, and connect's EINPROGRESS on a non-blocking
  /// socket is a connection under way, not a failure.
  unsigned char Need = 0;
  SockPhase PhaseOut = SockPhase::Unknown;
  /// The name the messages use ("write", "listen").
  const char *What = nullptr;
};

enum SummaryFlags : unsigned {
  /// The return value is an fd the caller now owns; success iff it is >= 0.
  SF_RetAcquires = 1u << 0,
  /// Out-parameter acquisitions succeed iff the (int) return value is 0; on
  /// failure the out-parameter holds none.  Without it, success iff the fd
  /// received is >= 0.
  SF_StatusRet = 1u << 1,
  /// The call has no effect but the listed ones: memory reachable from the
  /// arguments is not invalidated (libiosafe's own functions).
  SF_Precise = 1u << 2,
  /// A Close, Release or MoveRet through a pointer leaves the pointee none
  /// (-1), as iosafe_fd_close/drop/take/into_raw do.
  SF_LeavesNone = 1u << 3,
  /// MoveRet adopts an fd the checker did not know yet (iosafe_fd_from_raw
  /// on the result of an unmodelled call): it becomes owned from here.
  SF_Adopts = 1u << 4,
  /// The Release effects happen only when the call succeeds, that is,
  /// returns a non-null pointer (fdopen, fdopendir).
  SF_ReleaseOnSuccess = 1u << 5,
  /// The engine does not evaluate the call (other checkers model it:
  /// unix.Stream's fclose, unix.Malloc's free); it only checks the
  /// arguments before the call (ForeignRelease).
  SF_CheckOnly = 1u << 6,
  /// With SF_ReleaseOnSuccess: after the call only the returned stream may
  /// use the fd (fdopendir(3p): any use of it "other than by means of
  /// closedir(), readdir(), readdir_r(), rewinddir(), or seekdir()" is
  /// undefined), so a use of the number is a use after move.  fdopen(3)
  /// has no such rule: its fd stays usable while the stream is open.
  SF_ExclusiveStream = 1u << 7,
  /// The call keeps none of the fds stored in memory its pointer arguments
  /// reach; it only reads them (poll(2)'s pollfd array).  That memory is
  /// still invalidated (revents), but no fd escapes through it.
  SF_KeepsNoFd = 1u << 8,
  /// fork(2), vfork, and an opaque `pid_t f(void)` fork wrapper: returns 0
  /// in the child.  With SF_CheckOnly (the call is evaluated as usual); the
  /// engine remembers the result, to tell the child's paths
  /// (forkChildLeftItsBranch in LeakHeuristics.cpp).
  SF_Forks = 1u << 9,
  /// With SF_CheckOnly: param 0 receives a copy of the bytes param 1
  /// points to (memcpy, memmove).  When the destination is stack memory,
  /// an fd read from the source is not handed on by the copy: both copies
  /// are the caller's (an SCM_RIGHTS control buffer, unix(7)).
  SF_CopiesBytes = 1u << 10,
  /// The effects apply to fds the engine already tracks only: close(2) as
  /// iosafe.Ownership knows it when iosafe.PosixFd is off (it releases an
  /// IOSAFE_RELEASES parameter or a libiosafe fd, and leaves plain POSIX
  /// fds to iosafe.PosixFd).
  SF_TrackedOnly = 1u << 11,
  /// The call returns a count or -1 (read(2), write(2), send(2) ...): the
  /// failure is split off at the call, as its own path with the result -1.
  /// unix.StdCLibraryFunctions constrains such a result with `ret <=
  /// count`, which the analyzer evaluates without the cast to ssize_t
  /// (its integral casts of symbols are dropped unless
  /// support-symbolic-integer-casts is on), so in the unsigned type: with a
  /// count bounded below SIZE_MAX (a strlen length, which unix.cstring caps
  /// at SIZE_MAX / 4, or a tested size) -1 breaks it, and the failure path
  /// (`if (write(fd, msg, strlen(msg)) < 0) return -1;`) would be lost.
  /// On the path split off here that checker finds no case that holds and
  /// leaves it as it is.
  SF_CountRet = 1u << 12,
  /// libiosafe's stream hand-offs (iosafe_file_from_fd, iosafe_dir_from_fd):
  /// param 0 (a FILE ** or DIR **) receives the stream, and the (int)
  /// return value is 0 or a negative errno.  On 0 the Release effects move
  /// the fd into the stream (with SF_LeavesNone the owner is left none); on
  /// a negative value *param 0 is null and the caller still owns the fd.
  SF_StreamOut = 1u << 13,
  /// iosafe_file_view_begin: with SF_StreamOut's split, but the stream put
  /// in the `file` field of param 0's view is over the borrowed fd of
  /// param 1, which it never closes: fclose of that stream is a close of a
  /// borrowed fd.
  SF_ViewBegin = 1u << 14,
  /// iosafe_file_view_end: the Use effect on param 0 is a use of the fd
  /// under the view's stream (a borrow whose owner may be gone).
  SF_ViewEnd = 1u << 15,
  /// With SF_Precise: the call makes no system call, so it leaves errno
  /// and every global alone (fd.h's moves, borrows and none test).  The
  /// other SF_Precise calls invalidate the globals as any call does
  /// (CallEffects.cpp).
  SF_NoSyscall = 1u << 16,
};

struct FnSummary {
  Source From = Source::Ownership;
  unsigned Flags = 0;
  llvm::SmallVector<ParamEffect, 3> Effects;
  /// Attributes of the fds acquired: [0] the returned one or the first of
  /// a pair, [1] the second of a pair (pipe's write end).
  FdAttrs Acq[2];
  /// The access mode is this argument & O_ACCMODE when it is a constant
  /// (open's flags); the socket type is this argument, masked of
  /// SOCK_NONBLOCK | SOCK_CLOEXEC, when it is a constant (socket's type);
  /// the socket type is that of this fd argument (accept's listener).
  int ModeArg = -1, TypeArg = -1, TypeFromFd = -1;

  bool has(unsigned F) const { return (Flags & F) != 0; }
  bool empty() const { return Flags == 0 && Effects.empty(); }
};

/// The one summary lookup (Summaries.cpp): libiosafe's table, then the
/// POSIX table, then the annotations, each only when its checker is in On.
/// nullptr when no source on knows the function.
const FnSummary *summaryFor(const SourceSet &On,
                            const clang::ento::CallEvent &Call);
/// The same by declaration (cleanup-attribute functions, the analysed
/// function), without the rows that depend on a call's arguments.
const FnSummary *summaryFor(const SourceSet &On, const clang::FunctionDecl *FD);
/// Whether FD's first parameter is closed or released, by the summaries of
/// the sources in On (a cleanup function such as iosafe_fd_drop).
bool releasesFirstParam(const clang::FunctionDecl *FD, const SourceSet &On);

/// The summary the annotations of FD (and of its redeclarations) give, or
/// nullptr when FD carries no iosafe annotation.  Cached.
const FnSummary *annotationSummary(const clang::FunctionDecl *FD);

/// The summary GCC's fd attributes on FD give (fd_arg, fd_arg_read,
/// fd_arg_write: each a use of its parameter; GccFdAttributes.cpp), or
/// nullptr when FD carries none.  It belongs to iosafe.PosixFd.  Cached.
const FnSummary *gccFdArgSummary(const clang::FunctionDecl *FD);

/// libiosafe's built-in table: the summary for a call to one of its
/// functions, or nullptr.
const FnSummary *librarySummary(const clang::ento::CallEvent &Call);
/// The same by declaration.
const FnSummary *librarySummary(const clang::FunctionDecl *FD);

/// The POSIX table (iosafe.PosixFd); nullptr when a function is not in it.
const FnSummary *posixSummary(const clang::ento::CallEvent &Call);
const FnSummary *posixSummary(const clang::FunctionDecl *FD);
/// Whether posixSummary's answer for a call of FD depends on the call's
/// argument values, not only on FD and the argument count: syscall(2) (its
/// number), and the rows a constant argument picks (fcntl's F_DUPFD,
/// fdopen's mode, epoll_ctl's EPOLL_CTL_DEL, signalfd's -1).
bool posixDependsOnArgs(const clang::FunctionDecl *FD);
/// The POSIX releases iosafe.Ownership knows on its own (close(2)), for
/// the fds it tracks (SF_TrackedOnly), so that its annotation checks do not
/// depend on iosafe.PosixFd: `void conn_free(int fd IOSAFE_RELEASES) {
/// close(fd); }` releases fd.  nullptr for any other function.
const FnSummary *posixReleaseForOwnership(const clang::ento::CallEvent &Call);
const FnSummary *posixReleaseForOwnership(const clang::FunctionDecl *FD);

/// The attributes of the fd number I (0, or 1 for a pair's second) that a
/// call with summary S acquires, decoded from its constant arguments (open's
/// flags, socket's type; PosixFdModel.cpp).  ArgAttrs(Arg) gives what is
/// known of the fd passed as argument Arg (accept's listener, dup's
/// source), or nullptr when it is not tracked.
FdAttrs
acquiredAttrs(const FnSummary &S, unsigned I,
              const clang::ento::CallEvent &Call,
              llvm::function_ref<const FdAttrs *(unsigned Arg)> ArgAttrs);

/// Whether the Windows model (iosafe.WinHandle, WinHandles.cpp) is on and
/// models FD's calls (CloseHandle, CreateFileW, libiosafe's Windows
/// functions; socket(2), accept(2), ... when the target is Windows): then
/// no other summary source applies to it.
bool winModelClaims(const clang::FunctionDecl *FD);
/// Whether the Windows model's function FD releases its first parameter
/// (iosafe_handle_drop, iosafe_sock_drop: the cleanups of iosafe_auto_handle
/// and iosafe_auto_sock).
bool winReleasesFirstParam(const clang::FunctionDecl *FD);

/// A variable declared iosafe_auto_fd (or with another cleanup function
/// that releases its argument): that function, or nullptr (AutoCleanup.cpp).
const clang::FunctionDecl *autoCleanupOf(const clang::VarDecl *VD);

} // namespace iosafe

#endif // IOSAFE_ANALYZER_SUMMARY_H
