// SPDX-License-Identifier: MIT
//
// analyzer-plugin/LibraryModel.cpp: the built-in summaries of libiosafe's
// own functions (include/iosafe/fd.h, io.h, net.h, net_unix.h,
// and the hand-offs of fdops.h and stdio.h).
//
// The header's annotations say who owns what, but not the exact behaviour
// the checker needs to keep moves, borrows and closes apart:
//   - iosafe_fd_close/drop leave *fd none, so closing an owner twice (or an
//     iosafe_auto_fd after an explicit close) is no double close;
//   - iosafe_fd_take/into_raw move the fd out and leave the owner none, so
//     a later use of that owner is a use after move (not a leak, not a close);
//   - iosafe_fd_borrow returns a borrow linked to its owner, so a use of the
//     borrow after the owner is closed or moved is "borrow outlives owner".
//   - the FILE * / DIR * hand-offs of stdio.h move the fd only when they
//     succeed, and a view's FILE * is over a borrowed fd
//     (StreamHandOffs.cpp).
// So these functions are modelled (evalCall) instead of inlined, including
// the static inline ones: their bodies would only show the analyzer copies
// of an int.  The system-call wrappers' bodies, also in the headers, are
// not even parsed here: include/iosafe/inline.h declares them only under
// __clang_analyzer__.  The table is matched by name (CDM::SimpleFunc) and
// argument count, so a user function of another arity with the same name is
// not.

#include "SummaryTable.h"

using namespace clang;
using namespace clang::ento;

namespace iosafe {

namespace {
FnSummary lib(unsigned Flags, std::initializer_list<ParamEffect> Es) {
  FnSummary S;
  S.From = Source::Ownership;
  S.Flags = Flags | SF_Precise;
  S.Effects.assign(Es.begin(), Es.end());
  return S;
}

// A socket acquired in a known phase (net.h's constructors): the phase
// iosafe.PosixFd then checks when the fd reaches a raw POSIX call.
FnSummary sockOut(std::initializer_list<ParamEffect> Es, SockType T,
                  SockPhase P, unsigned Flags = SF_StatusRet) {
  FnSummary S = lib(Flags, Es);
  S.Acq[0].Mode = FdMode::ReadWrite;
  S.Acq[0].Kind = FdKind::Socket;
  S.Acq[0].Type = T;
  S.Acq[0].Phase = P;
  return S;
}

const std::vector<SummaryRow> &entries() {
  static const std::vector<SummaryRow> E = {
      // fd.h
      {"iosafe_fd_from_raw", 1,
       lib(SF_Adopts | SF_NoSyscall, {{Effect::MoveRet, 0}})},
      {"iosafe_fd_into_raw", 1,
       lib(SF_LeavesNone | SF_NoSyscall, {{Effect::MoveRet, 0}})},
      {"iosafe_fd_take", 1,
       lib(SF_LeavesNone | SF_NoSyscall, {{Effect::MoveRet, 0}})},
      {"iosafe_fd_borrow", 1, lib(SF_NoSyscall, {{Effect::BorrowRet, 0}})},
      {"iosafe_fd_borrow_raw", 1, lib(SF_NoSyscall, {{Effect::BorrowRet, 0}})},
      {"iosafe_fd_raw", 1, lib(SF_NoSyscall, {{Effect::RawRet, 0}})},
      {"iosafe_fd_is_none", 1, lib(SF_NoSyscall, {{Effect::TestNone, 0}})},
      {"iosafe_fd_close", 1, lib(SF_LeavesNone, {{Effect::Close, 0}})},
      {"iosafe_fd_drop", 1, lib(SF_LeavesNone, {{Effect::Close, 0}})},
      // replace: drop *dst, then move src in.
      {"iosafe_fd_replace", 2,
       lib(SF_LeavesNone, {{Effect::Close, 0}, {Effect::MoveInto, 1, 0}})},
      {"iosafe_fd_try_clone", 2,
       lib(SF_StatusRet, {{Effect::Use, 0}, {Effect::AcquireOut, 1}})},
      // io.h
      {"iosafe_open", 4, lib(SF_StatusRet, {{Effect::AcquireOut, 0}})},
      {"iosafe_openat", 5,
       lib(SF_StatusRet, {{Effect::AcquireOut, 0}, {Effect::Use, 1}})},
      {"iosafe_socket", 4, lib(SF_StatusRet, {{Effect::AcquireOut, 0}})},
      {"iosafe_accept", 5,
       lib(SF_StatusRet, {{Effect::AcquireOut, 0}, {Effect::Use, 1}})},
      {"iosafe_pipe", 3,
       lib(SF_StatusRet, {{Effect::AcquireOut, 0}, {Effect::AcquireOut, 1}})},
      {"iosafe_read", 3, lib(0, {{Effect::Use, 0}})},
      {"iosafe_write", 3, lib(0, {{Effect::Use, 0}})},
      // fdops.h: the rest is said by the annotations.  dup_onto's target
      // keeps its owner and number (a use of both, nothing acquired);
      // close_range closes the tracked fds in its range as close_range(2).
      {"iosafe_dup_onto", 2, lib(0, {{Effect::Use, 0}, {Effect::Use, 1}})},
      {"iosafe_close_range", 3, lib(0, {{Effect::CloseRange, 0, 1}})},
      // stdio.h (StreamHandOffs.cpp): the fd moves into the stream only
      // when the call returns 0, and the owner is left none then.
      {"iosafe_file_from_fd", 3,
       lib(SF_StreamOut | SF_LeavesNone, {{Effect::Release, 1}})},
      {"iosafe_dir_from_fd", 2,
       lib(SF_StreamOut | SF_LeavesNone | SF_ExclusiveStream,
           {{Effect::Release, 1}})},
      {"iosafe_fd_from_file", 2,
       lib(SF_StatusRet,
           {{Effect::AcquireOut, 0}, {Effect::ForeignRelease, 1}})},
      {"iosafe_file_view_begin", 3, lib(SF_ViewBegin, {{Effect::Use, 1}})},
      {"iosafe_file_view_end", 1, lib(SF_ViewEnd, {{Effect::Use, 0}})},
      // net.h: the constructors' sockets come out bound and listening,
      // or connected (udp_bind: bound); socketpair's ends are connected.
      {"iosafe_tcp_listen", 5,
       sockOut({{Effect::AcquireOut, 0}}, SockType::Stream,
               SockPhase::Listening)},
      {"iosafe_tcp_connect", 4,
       sockOut({{Effect::AcquireOut, 0}}, SockType::Stream,
               SockPhase::Connected)},
      {"iosafe_tcp_connect_host", 4,
       sockOut({{Effect::AcquireOut, 0}}, SockType::Stream,
               SockPhase::Connected)},
      {"iosafe_udp_bind", 4,
       sockOut({{Effect::AcquireOut, 0}}, SockType::Dgram, SockPhase::Bound)},
      {"iosafe_udp_connect", 4,
       sockOut({{Effect::AcquireOut, 0}}, SockType::Dgram,
               SockPhase::Connected)},
      // fd passing: the fds sent stay the sender's (a use of the array).
      {"iosafe_send_fds", 6, lib(0, {{Effect::Use, 0}, {Effect::Use, 3}})},
      // The received fds are the caller's (fds[0 .. *nfds - 1]) when the
      // call returns a byte count >= 0; on failure every fds[i] is none.
      {"iosafe_recv_fds", 7,
       lib(SF_StatusRet | SF_CountRet,
           {{Effect::Use, 0}, {Effect::AcquireOut, 3}})},
      // net_unix.h: the listener struct owns its fd (l->fd.raw): leaking
      // the struct leaks it; close and drop release it and leave it none.
      {"iosafe_unix_listen", 7,
       sockOut({{Effect::AcquireOut, 0}}, SockType::Unknown,
               SockPhase::Listening)},
      {"iosafe_unix_listen_abstract", 5,
       sockOut({{Effect::AcquireOut, 0}}, SockType::Unknown,
               SockPhase::Listening)},
      {"iosafe_unix_listener_close", 1,
       lib(SF_LeavesNone, {{Effect::Close, 0}})},
      {"iosafe_unix_listener_drop", 1,
       lib(SF_LeavesNone, {{Effect::Close, 0}})},
      {"iosafe_unix_connect", 3,
       sockOut({{Effect::AcquireOut, 0}}, SockType::Unknown,
               SockPhase::Connected)},
      // samefile.h: the handle struct owns its fd (h->fd.raw), as the
      // listener does.  iosafe_same_file_from_fd is not here: its fd moves
      // on success only, which no effect says (as iosafe_file_from_fd's
      // annotation, the owner escapes into the call).
      {"iosafe_same_file_open", 3,
       lib(SF_StatusRet, {{Effect::AcquireOut, 0}, {Effect::Use, 1}})},
      {"iosafe_same_file_stdin", 1,
       lib(SF_StatusRet, {{Effect::AcquireOut, 0}})},
      {"iosafe_same_file_stdout", 1,
       lib(SF_StatusRet, {{Effect::AcquireOut, 0}})},
      {"iosafe_same_file_stderr", 1,
       lib(SF_StatusRet, {{Effect::AcquireOut, 0}})},
      {"iosafe_same_file_close", 1, lib(SF_LeavesNone, {{Effect::Close, 0}})},
      {"iosafe_same_file_drop", 1, lib(SF_LeavesNone, {{Effect::Close, 0}})},
  };
  return E;
}

const SummaryTable &table() {
  static const SummaryTable T(CDM::SimpleFunc, entries());
  return T;
}
} // namespace

const FnSummary *librarySummary(const CallEvent &Call) {
  return table().lookup(Call);
}

const FnSummary *librarySummary(const FunctionDecl *FD) {
  return table().lookup(FD);
}

} // namespace iosafe
