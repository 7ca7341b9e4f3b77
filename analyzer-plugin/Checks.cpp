// SPDX-License-Identifier: MIT
//
// analyzer-plugin/Checks.cpp: what a call needs of its arguments, checked
// before its effects: a use needs an fd that is open, owned or borrowed from
// a live owner, checked after its acquisition, and, for iosafe.PosixFd,
// opened with the access and in the socket phase the call needs; a release
// or a close needs an fd the caller owns.

#include "Engine.h"

#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"

#include <cstdint>
#include <string>

using namespace clang;
using namespace clang::ento;

namespace iosafe {

ProgramStateRef FdEngine::goOn(BugKind K, Source Src, StringRef Msg,
                               ProgramStateRef State, ExplodedNode *&Pred,
                               CheckerContext &C,
                               ArrayRef<SymbolRef> Interesting, const Expr *E,
                               const MemRegion *ForgetHolder) const {
  ExplodedNode *N = C.generateNonFatalErrorNode(State, Pred);
  if (!N)
    return nullptr;
  report(K, Src, Msg, N, C, Interesting, E);
  Pred = N;
  // One report per fd and path: the fd reported (or the owner left none)
  // is not followed further, so a second bug on the path is about
  // something else.
  if (!Interesting.empty() && Interesting.front())
    State = State->remove<FdMap>(Interesting.front());
  if (ForgetHolder)
    State = State->remove<GoneOwners>(ForgetHolder);
  return State;
}

bool FdEngine::checkBefore(const ParamEffect &E, CallEval &CV) const {
  ProgramStateRef &State = CV.State;
  const FdArg *A = CV.arg(E);
  const Expr *AE = A ? CV.Call.getArgExpr(E.Index) : nullptr;
  switch (E.E) {
  case Effect::Use:
    if (A) {
      // One report per use: an unchecked fd has no attributes worth
      // reporting yet.
      ExplodedNode *Before = CV.Pred;
      State = checkUse(State, *A, AE, CV.Src, CV.C, CV.Pred, E.Need);
      if (State && E.Need && CV.Pred == Before) {
        State = checkAttrs(State, *A, E, AE, CV.Src, CV.C, CV.Pred);
        // accept(2) on a socket known not to be listening fails (EINVAL,
        // EOPNOTSUPP, ENOTSOCK): no fd comes back.
        if (State && CV.Pred != Before && (E.Need & N_Listening))
          CV.CertainFailure = true;
      }
    }
    break;
  case Effect::BorrowRet:
  case Effect::RawRet:
  case Effect::DupRet:
    if (A)
      State = checkUse(State, *A, AE, CV.Src, CV.C, CV.Pred);
    break;
  case Effect::MoveRet:
    if (A && A->Holder)
      State = checkUse(State, *A, AE, CV.Src, CV.C, CV.Pred);
    else if (A)
      State = checkRelease(State, *A, AE, CV.Src, /*IsClose=*/false,
                           /*IsAdopt=*/true, CV.C, CV.Pred);
    break;
  case Effect::Close:
    if (A)
      State = checkRelease(State, *A, AE, CV.Src, true, false, CV.C, CV.Pred);
    // close(STDIN_FILENO) twice, with nothing opened in between.
    if (A && State && CV.Src == Source::PosixFd)
      if (auto K = constInt(A->Val);
          K && *K >= 0 && *K < INT32_MAX &&
          State->contains<ClosedConsts>(unsigned(*K)))
        State = goOn(BK_DoubleClose, CV.Src,
                     "double close: fd " + std::to_string(*K) +
                         " was already closed, and nothing was opened since",
                     State->remove<ClosedConsts>(unsigned(*K)), CV.Pred, CV.C,
                     {}, AE);
    break;
  case Effect::Release:
    if (A)
      State =
          checkRelease(State, *A, AE, CV.Src, releasesAsClose(CV.Call, E.Index),
                       false, CV.C, CV.Pred);
    break;
  case Effect::MoveInto:
    if (A)
      State = checkRelease(State, *A, AE, CV.Src, false, true, CV.C, CV.Pred);
    break;
  case Effect::HandsOnPointee: {
    // Owned fds stored in memory the callee keeps (epoll_ctl's event
    // data): found before the call's invalidation forgets them.
    if (E.Index >= CV.Call.getNumArgs())
      break;
    const MemRegion *R = CV.Call.getArgSVal(E.Index).getAsRegion();
    if (!R)
      break;
    const MemRegion *Base = R->StripCasts()->getBaseRegion();
    for (const auto &[Where, Sym] : State->get<StoredFds>()) {
      const FdState *FS = State->get<FdMap>(Sym);
      if (Where->getBaseRegion() == Base && FS && FS->isOwned() &&
          !llvm::is_contained(CV.HandedOn, Sym))
        CV.HandedOn.push_back(Sym);
    }
    break;
  }
  case Effect::DupOnto:
    // dup2(oldfd, newfd): an owned newfd the program has not checked is
    // used like oldfd (dup(2): EBADF "newfd is out of the allowed range");
    // a closed one is what dup2 reopens, no use.
    if (E.Other < CV.Args.size() && CV.Args[E.Other].Valid) {
      const FdArg &T = CV.Args[E.Other];
      const FdState *TFS = T.sym() ? State->get<FdMap>(T.sym()) : nullptr;
      if (TFS && TFS->isOwned())
        State = checkUse(State, T, CV.Call.getArgExpr(E.Other), CV.Src, CV.C,
                         CV.Pred);
    }
    break;
  case Effect::AcquireOut:
  case Effect::AcquireOutPair:
  case Effect::TestNone:
  case Effect::ForeignRelease:
  case Effect::DirOpenRet:
  case Effect::DirUse:
  case Effect::DirFdRet:
  case Effect::CloseRange:
  case Effect::ReceivesFds: break;
  }
  return State != nullptr;
}

/// E names a local variable initialized with a negative constant that
/// the function never assigns, increments or takes the address of: its
/// value is that constant wherever it is read (`int nullfd = -1;`).
static bool holdsNegativeInit(const Expr *E, CheckerContext &C) {
  const auto *DRE =
      E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) || !VD->getInit())
    return false;
  Expr::EvalResult K;
  if (!VD->getInit()->EvaluateAsInt(K, C.getASTContext()) ||
      !K.Val.getInt().isNegative())
    return false;
  const Decl *D = C.getLocationContext()->getDecl();
  const Stmt *Body = D ? D->getBody() : nullptr;
  if (!Body)
    return false;
  auto Names = [VD](const Expr *X) {
    const auto *R = dyn_cast<DeclRefExpr>(X->IgnoreParenImpCasts());
    return R && R->getDecl() == VD;
  };
  llvm::SmallVector<const Stmt *, 32> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      if (BO->isAssignmentOp() && Names(BO->getLHS()))
        return false;
    if (const auto *UO = dyn_cast<UnaryOperator>(S))
      if ((UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
          Names(UO->getSubExpr()))
        return false;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return true;
}

ProgramStateRef FdEngine::checkUse(ProgramStateRef State, const FdArg &A,
                                   const Expr *E, Source Src, CheckerContext &C,
                                   ExplodedNode *&Pred, unsigned Need) const {
  if (A.Holder)
    if (const GoneInfo *G = State->get<GoneOwners>(A.Holder)) {
      if (G->Moved)
        return goOn(BK_UseAfterMove, Src,
                    "use after move: the fd was moved out of this owner "
                    "before this use",
                    State, Pred, C, {G->Sym}, E, A.Holder);
      return goOn(BK_UseAfterClose, Src,
                  "use after close: this owner's fd was closed before this use",
                  State, Pred, C, {G->Sym}, E, A.Holder);
    }
  // A POSIX call given a constant that is never an fd (read(-1, ...),
  // dup2(-1, ...)): a negative integer constant in the source.  AT_FDCWD
  // (openat(2)'s "current working directory", -100 on Linux) is not one.
  // (A value the analysis only knows is negative, such as a failed
  // acquisition under unix.StdCLibraryFunctions, is "unchecked" or
  // untracked instead.)
  constexpr int64_t LinuxAT_FDCWD = -100;
  Expr::EvalResult K;
  if (Src == Source::PosixFd && E &&
      E->IgnoreParenImpCasts()->EvaluateAsInt(K, C.getASTContext()) &&
      K.Val.getInt().isNegative() &&
      K.Val.getInt().getExtValue() != LinuxAT_FDCWD)
    return goOn(BK_Unchecked, Src,
                "unchecked fd: a negative number is never a valid fd", State,
                Pred, C, {}, E);
  SymbolRef Sym = A.sym();
  if (Src == Source::PosixFd && !Sym)
    if (auto V = constInt(A.Val); V && *V < 0 && *V != LinuxAT_FDCWD) {
      // A variable whose symbol the path constrained to one value reads
      // as that constant (ProgramState::getSVal), so the fd of a failed
      // acquisition arrives here as -1.  Used after the program tested it
      // (`if (fd == -1) read(fd, ...)`), that is an unchecked fd; untested,
      // it is reported where the acquisition succeeded.
      // (Its symbol is dead by now, and its constraint with it: the
      // failed acquisitions on the path stand for it.)
      bool Untested = false;
      // Still alive (the variable is read again later), the failed fd is
      // in the map, its value constrained to this one.
      SValBuilder &SVB = C.getSValBuilder();
      for (const auto &[F, FS] : State->get<FdMap>()) {
        if (!FS.isOwned() || !FS.Unchecked || FS.Status ||
            FS.source() != Source::PosixFd)
          continue;
        const llvm::APSInt *K = SVB.getKnownValue(State, SVB.makeSymbolVal(F));
        if (!K || K->getExtValue() != *V)
          continue;
        if (!FS.Tested) {
          Untested = true;
          continue;
        }
        return goOn(BK_Unchecked, Src,
                    "unchecked fd: the fd is used where its acquisition "
                    "failed",
                    State, Pred, C, {F}, E);
      }
      for (const auto &[F, Flags] : State->get<FailedFds>()) {
        if (!(Flags & FailedTested)) {
          Untested = true;
          continue;
        }
        return goOn(BK_Unchecked, Src,
                    "unchecked fd: the fd is used where its acquisition "
                    "failed",
                    State->remove<FailedFds>(F), Pred, C, {}, E);
      }
      if (Untested)
        return State;
      // `int fd = -1; read(fd, ...)`: a variable that holds its negative
      // initializer on every path.
      if (holdsNegativeInit(E, C))
        return goOn(BK_Unchecked, Src,
                    "unchecked fd: the fd is " + std::to_string(*V) +
                        " here; a negative number is never a valid fd",
                    State, Pred, C, {}, E);
    }
  if (!Sym)
    return State;
  const FdState *FS = State->get<FdMap>(Sym);
  if (!FS)
    return State;
  switch (FS->K) {
  case FdState::Closed:
    return goOn(BK_UseAfterClose, Src,
                "use after close: the fd is used after it was closed", State,
                Pred, C, {Sym}, E);
  case FdState::Moved:
    return goOn(BK_UseAfterMove, Src,
                "use after move: the fd is used after its ownership was moved",
                State, Pred, C, {Sym}, E);
  case FdState::Borrowed: {
    const GoneInfo *G = goneUnder(State, FS->OwnerRegion);
    const FdState *OS = FS->Owner ? State->get<FdMap>(FS->Owner) : nullptr;
    bool OwnerClosed = (G && !G->Moved) || (OS && OS->K == FdState::Closed);
    bool OwnerMoved = (G && G->Moved) || (OS && OS->K == FdState::Moved);
    if (OwnerClosed || OwnerMoved) {
      return goOn(BK_BorrowOutlivesOwner, Src,
                  OwnerClosed
                      ? "borrow outlives owner: the borrowed fd is used "
                        "after its owner was closed"
                      : "borrow outlives owner: the borrowed fd is used "
                        "after its owner was moved",
                  State, Pred, C, {Sym, FS->Owner, G ? G->Sym : nullptr}, E);
    }
    return State;
  }
  case FdState::Owned:
    // Reported when the program has not tested the result, whatever the
    // analysis knows: with unix.StdCLibraryFunctions on, the path is split
    // into success and failure right after the call, and the use on the
    // failure path is exactly the bug (GCC: -Wanalyzer-fd-use-without-check).
    if (FS->Unchecked && !FS->Tested) {
      SValBuilder &SVB = C.getSValBuilder();
      InAssume = true;
      Outcome O = resolve(State, Sym, FS->Status, SVB);
      ProgramStateRef Succ = State;
      if (O.FailureCertain)
        Succ = nullptr;
      else if (!O.SuccessCertain)
        Succ = FS->Status ? assumeCmp(State, FS->Status, BO_GE, 0, SVB)
                          : assumeCmp(State, Sym, BO_GE, 0, SVB);
      if (Succ && FS->Status)
        Succ = assumeCmp(Succ, Sym, BO_GE, 0, SVB);
      InAssume = false;
      ExplodedNode *N = C.generateNonFatalErrorNode(State, Pred);
      if (!N)
        return nullptr;
      report(BK_Unchecked, Src,
             "unchecked fd: the fd is used before the success of its "
             "acquisition was checked",
             N, C, {Sym}, E);
      Pred = N;
      // Go on as if it had succeeded (one report per fd); on a path where
      // it failed, there is no fd to follow.
      if (!Succ)
        return State->remove<FdMap>(Sym);
      return Succ->set<FdMap>(Sym, FS->checked());
    }
    return State;
  case FdState::UsesParam:
  case FdState::ReleasesParam:
  case FdState::Streamed: // fdopen(3): open until the stream is closed
    return State;
  case FdState::DirStreamed:
    if (!(Need & N_Offset))
      return State; // fstat, fchdir: the description is not changed
    return goOn(BK_UseAfterMove, Src,
                "use after move: the fd's offset is changed after fdopendir "
                "took it over; use the directory stream (readdir, rewinddir)",
                State, Pred, C, {Sym}, E);
  }
  return State;
}

/// What a use needs of its fd's attributes: the access mode the fd was
/// opened with (open(2), pipe(2)), the phase of a socket (socket(2),
/// bind(2), listen(2), accept(2), connect(2)).  Reported only when known;
/// non-fatal, so that the path goes on (a leak after it is still found).
ProgramStateRef FdEngine::checkAttrs(ProgramStateRef State, const FdArg &A,
                                     const ParamEffect &PE, const Expr *E,
                                     Source Src, CheckerContext &C,
                                     ExplodedNode *&Pred) const {
  SymbolRef Sym = A.sym();
  if (!Sym || !PE.Need)
    return State;
  // An owned fd's attributes, or what the function's own calls showed of a
  // socket it does not own (InferredSockets: a parameter bound, listening
  // or connected by an earlier call on this path).
  FdAttrs At;
  bool Inferred = false;
  if (const FdState *FSp = State->get<FdMap>(Sym)) {
    if (FSp->K != FdState::Owned)
      return State;
    At = FSp->At;
  } else if (const unsigned *P = State->get<InferredSockets>(Sym)) {
    At = unpackAttrs(*P);
    Inferred = true;
  } else {
    return State;
  }
  std::string W = std::string("'") + (PE.What ? PE.What : "the call") + "'";
  std::string Msg;
  BugKind K = BK_AccessMode;
  const FdMode M = At.Mode;
  const bool Pipe = At.Kind == FdKind::Pipe;
  if ((PE.Need & N_Read) && (M == FdMode::Write || M == FdMode::Path))
    Msg = "access mode mismatch: " + W + " reads from " +
          (M == FdMode::Path ? "an fd opened with O_PATH"
           : Pipe            ? "the write end of a pipe"
                             : "an fd opened write-only");
  else if ((PE.Need & N_Write) && (M == FdMode::Read || M == FdMode::Path))
    Msg = "access mode mismatch: " + W + " writes to " +
          (M == FdMode::Path ? "an fd opened with O_PATH"
           : Pipe            ? "the read end of a pipe"
                             : "an fd opened read-only");
  // bind, listen, accept, connect on a file or a pipe: ENOTSOCK.
  constexpr unsigned char SocketOnly =
      N_Listening | N_Bound | N_NotListening | N_New;
  if (Msg.empty() && (PE.Need & SocketOnly) &&
      (At.Kind == FdKind::File || Pipe)) {
    K = BK_SocketPhase;
    Msg = "socket phase mismatch: " + W + " on " +
          (Pipe ? "a pipe" : "a file") + ", which is not a socket";
  }
  if (Msg.empty() && At.Kind == FdKind::Socket) {
    K = BK_SocketPhase;
    const SockPhase P = At.Phase;
    const SockType T = At.Type;
    const std::string Pre = "socket phase mismatch: " + W;
    if ((PE.Need & N_Connected) && T == SockType::Stream &&
        (P == SockPhase::New || P == SockPhase::Bound ||
         P == SockPhase::Listening))
      Msg = Pre + (P == SockPhase::Listening
                       ? " on a listening socket; only the sockets accept "
                         "returns carry data"
                       : " on a stream socket that is neither connected "
                         "nor accepted");
    else if (PE.Need & N_Listening) {
      if (T == SockType::Dgram)
        Msg = Pre + " on a datagram socket";
      else if (P != SockPhase::Unknown && P != SockPhase::Listening)
        Msg = Pre + " on a socket that is not listening";
    } else if (PE.Need & N_Bound) {
      // listen(2) on a socket never bound: Linux binds an AF_INET/AF_INET6
      // socket to a random free port (ip(7)), which a server's clients
      // cannot know, and refuses an AF_UNIX one (EINVAL, net/unix/af_unix.c
      // unix_listen); POSIX leaves it unspecified.  Reported
      // (analyzer-plugin/README.md, "Attributes").
      if (T == SockType::Dgram)
        Msg = Pre + " on a datagram socket";
      else if (P == SockPhase::New)
        Msg = Pre + " before bind: the socket was never bound";
      else if (P == SockPhase::Connected)
        Msg = Pre + " on a connected socket";
      else if (const SymbolRef *R = State->get<PendingBinds>(Sym)) {
        // The bind that made it bound may have failed on this path.
        SValBuilder &SVB = C.getSValBuilder();
        InAssume = true;
        bool MayFail = assumeCmp(State, *R, BO_EQ, -1, SVB) != nullptr;
        bool MaySucceed = assumeCmp(State, *R, BO_NE, -1, SVB) != nullptr;
        InAssume = false;
        if (MayFail)
          Msg = Pre + (MaySucceed ? " after a bind whose result was not "
                                    "checked: the socket may not be bound"
                                  : " on a socket whose bind failed");
      }
    } else if ((PE.Need & N_NotListening) && P == SockPhase::Listening) {
      Msg = Pre + " on a listening socket";
    } else if (PE.Need & N_New) {
      // bind(2) on a socket already bound (by bind, listen, accept's
      // connection, or connect's automatic bind): EINVAL.  A socket this
      // function only saw connected is left alone: for some families
      // connect binds nothing (AF_UNIX).  A socket bound by a bind that
      // may have failed on this path (its result -1 not ruled out: a bind
      // retried after it returned -1) is not known to be bound.
      // Nor a socket bound by this same bind call on an earlier turn of a
      // retry loop: a loop that binds port after port until one is free
      // goes round again when a later step fails too (a setsockopt after
      // the bind, tested through errno), which the analysis cannot tell
      // apart from the bind's own failure.
      bool BindMayHaveFailed = false;
      if (const SymbolRef *R = State->get<PendingBinds>(Sym);
          R && P == SockPhase::Bound) {
        InAssume = true;
        BindMayHaveFailed =
            assumeCmp(State, *R, BO_EQ, -1, C.getSValBuilder()) != nullptr;
        InAssume = false;
        if (const auto *SC = dyn_cast<SymbolConjured>(*R))
          if (const auto *Prev = dyn_cast_or_null<CallExpr>(SC->getStmt()))
            for (const Expr *Arg : Prev->arguments())
              if (Arg->IgnoreParenImpCasts() == E->IgnoreParenImpCasts())
                BindMayHaveFailed = true;
      }
      if ((P == SockPhase::Bound && !BindMayHaveFailed) ||
          P == SockPhase::Listening || (P == SockPhase::Connected && !Inferred))
        Msg = Pre + " on a socket that is already " +
              (P == SockPhase::Bound       ? "bound"
               : P == SockPhase::Listening ? "listening"
                                           : "connected");
    }
  }
  if (Msg.empty())
    return State;
  ExplodedNode *N = C.generateNonFatalErrorNode(State, Pred);
  if (!N)
    return nullptr;
  report(K, Src, Msg, N, C, {Sym}, E);
  Pred = N;
  return State;
}

ProgramStateRef FdEngine::checkRelease(ProgramStateRef State, const FdArg &A,
                                       const Expr *E, Source Src, bool IsClose,
                                       bool IsAdopt, CheckerContext &C,
                                       ExplodedNode *&Pred) const {
  // Closing an owner that is already none (after close, take, into_raw) is
  // a no-op by contract (iosafe_fd_close/drop); releasing one into a
  // function that takes ownership is a use after move.
  if (A.Holder && !IsClose)
    if (const GoneInfo *G = State->get<GoneOwners>(A.Holder)) {
      return goOn(G->Moved ? BK_UseAfterMove : BK_UseAfterClose, Src,
                  G->Moved
                      ? "use after move: the fd was moved out of this owner "
                        "before it is released here"
                      : "use after close: this owner's fd was closed before "
                        "it is released here",
                  State, Pred, C, {G->Sym}, E, A.Holder);
    }
  SymbolRef Sym = A.sym();
  if (!Sym)
    return State;
  const FdState *FS = State->get<FdMap>(Sym);
  if (!FS)
    return State;
  switch (FS->K) {
  case FdState::Closed:
    if (IsAdopt)
      return goOn(BK_UseAfterClose, Src,
                  "use after close: a closed fd is adopted as owned", State,
                  Pred, C, {Sym}, E);
    return goOn(BK_DoubleClose, Src, "double close: the fd was already closed",
                State, Pred, C, {Sym}, E);
  case FdState::Moved:
    return goOn(BK_UseAfterMove, Src,
                "use after move: the fd is released after its ownership was "
                "moved",
                State, Pred, C, {Sym}, E);
  case FdState::Borrowed:
    return goOn(BK_CloseOfBorrowed, Src,
                IsAdopt
                    ? "close of borrowed fd: a borrowed fd is adopted as "
                      "owned; only its owner may close it"
                    : "close of borrowed fd: a borrowed fd is released; only "
                      "its owner may close it",
                State, Pred, C, {Sym, FS->Owner}, E);
  case FdState::UsesParam: {
    ExplodedNode *N = C.generateNonFatalErrorNode(State, Pred);
    if (!N)
      return nullptr;
    std::string Msg = "annotation mismatch: IOSAFE_USES parameter '" +
                      describe(Sym) + "' is " +
                      (IsClose ? "closed" : "released");
    report(BK_AnnotationMismatch, Src, Msg, N, C, {Sym}, E);
    Pred = N;
    // Reported once; from here on it is just closed.
    return State->set<FdMap>(Sym, FS->with(FdState::Closed));
  }
  case FdState::Streamed:
  case FdState::DirStreamed:
    return goOn(BK_CloseOfBorrowed, Src,
                "close of borrowed fd: the fd belongs to the stream fdopen or "
                "fdopendir returned; closing the stream closes it",
                State, Pred, C, {Sym}, E);
  case FdState::Owned:
  case FdState::ReleasesParam: return State;
  }
  return State;
}
/// A never-valid constant given to a call of the POSIX table as an fd
/// (`dup2(-1, 1)`, or `int nullfd = -1; ... dup2(nullfd, fd)`), checked
/// before the call's pre-call: unix.StdCLibraryFunctions checks the same
/// arguments there (dup2's "oldfd >= 0") and ends the path on a violation,
/// before checkUse would see it.  The report is checkUse's, word for word:
/// when both run, the two are one equivalence class and one report.
void FdEngine::checkPreStmt(const CallExpr *CE, CheckerContext &C) const {
  if (!Enabled.has(Source::PosixFd) || !CE->getDirectCallee())
    return;
  ProgramStateRef State = C.getState();
  CallEventRef<> Call = C.getStateManager().getCallEventManager().getSimpleCall(
      CE, State, C.getLocationContext(),
      C.getStateManager().getOwningEngine().getCFGElementRef());
  const FnSummary *S = summaryFor(*Call);
  if (!S || S->From != Source::PosixFd || S->has(SF_CheckOnly))
    return;
  constexpr int64_t LinuxAT_FDCWD = -100;
  ExplodedNode *Pred = C.getPredecessor();
  SValBuilder &SVB = C.getSValBuilder();
  for (const ParamEffect &E : S->Effects) {
    if (E.E != Effect::Use || E.Index >= CE->getNumArgs())
      continue;
    const Expr *AE = CE->getArg(E.Index);
    // Whether the argument is an integer constant expression, and a
    // never-valid fd, is a property of the AST: decided once per argument.
    auto [It, New] = ConstFdArgs.try_emplace(AE, ConstFdArg::NotConstant);
    if (New) {
      Expr::EvalResult K;
      if (AE->IgnoreParenImpCasts()->EvaluateAsInt(K, C.getASTContext()))
        It->second = K.Val.getInt().isNegative() &&
                             K.Val.getInt().getExtValue() != LinuxAT_FDCWD
                         ? ConstFdArg::NeverValid
                         : ConstFdArg::Valid;
    }
    if (It->second == ConstFdArg::NeverValid) {
      State = goOn(BK_Unchecked, Source::PosixFd,
                   "unchecked fd: a negative number is never a valid fd", State,
                   Pred, C, {}, AE);
    } else if (auto V = It->second == ConstFdArg::NotConstant
                            ? constInt(C.getSVal(AE))
                            : std::nullopt;
               V && *V < 0 && *V != LinuxAT_FDCWD &&
               State->get<FailedFds>().isEmpty() && holdsNegativeInit(AE, C)) {
      // As checkUse: not when a failed acquisition on the path has this
      // value (that is checkUse's "used where its acquisition failed").
      bool Failed = false;
      for (const auto &[F, FS] : State->get<FdMap>())
        if (const llvm::APSInt *KV =
                SVB.getKnownValue(State, SVB.makeSymbolVal(F));
            KV && KV->getExtValue() == *V)
          Failed = true;
      if (!Failed)
        State = goOn(BK_Unchecked, Source::PosixFd,
                     "unchecked fd: the fd is " + std::to_string(*V) +
                         " here; a negative number is never a valid fd",
                     State, Pred, C, {}, AE);
    }
    if (!State)
      return;
  }
  if (Pred != C.getPredecessor())
    C.addTransition(State, Pred);
}

} // namespace iosafe
