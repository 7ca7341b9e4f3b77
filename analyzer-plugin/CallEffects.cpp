// SPDX-License-Identifier: MIT
//
// analyzer-plugin/CallEffects.cpp: evalCall, the evaluation of a call with
// a summary (Summary.h), in the manner of Clang's StreamChecker (a short
// evalCall dispatching to one function per operation) and
// RetainCountChecker (each argument effect applied to its symbol).  Calls
// with a summary are evaluated here, never inlined: an annotated function
// is checked against its annotations in its callers, and its body against
// the same annotations when it is analysed as a top-level function
// (TopFrame.cpp).
//
// The steps of a call:
//   1. the checks of every argument (Checks.cpp, checkBefore);
//   2. unless the summary is precise, the invalidation an unknown call
//      makes (the fds the summary accounts for do not escape through it);
//   3. the stream of fdopen/fdopendir, the fd a call returns;
//   4. each effect, in the summary's order (applyEffect: one switch over
//      Effect, one function per effect); the out-parameter acquisitions
//      last, once the status they depend on is known;
//   5. the return value, the note tag and the transitions.
// Success of an acquisition is not split here: the fd stays "unchecked"
// with its status until a branch decides (Outcomes.cpp).
//
// About 730 lines: one function per Effect, kept next to the one
// switch that dispatches them, so that a new effect is added in one file.

#include "Engine.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"
#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cstdint>

using namespace clang;
using namespace clang::ento;

namespace iosafe {

namespace {
/// Distinct tags so that several fds conjured for one call differ.
const int ConjTags[8] = {};

/// Whether an fd the callee receives through a pointer is still there
/// after the call's invalidation: what IOSAFE_USES or a borrow promises.
bool keepsArgument(Effect E) {
  switch (E) {
  case Effect::Use:
  case Effect::BorrowRet:
  case Effect::RawRet:
  case Effect::TestNone: return true;
  case Effect::Release:
  case Effect::Close:
  case Effect::AcquireOut:
  case Effect::MoveRet:
  case Effect::MoveInto:
  case Effect::AcquireOutPair:
  case Effect::DupRet:
  case Effect::DupOnto:
  case Effect::HandsOnPointee:
  case Effect::ForeignRelease:
  case Effect::DirOpenRet:
  case Effect::DirUse:
  case Effect::DirFdRet:
  case Effect::CloseRange:
  case Effect::ReceivesFds: return false;
  }
  return false;
}
} // namespace

CallEval::CallEval(const CallEvent &Call, CheckerContext &C, const FnSummary &S,
                   const CallExpr *CE)
    : Call(Call), C(C), S(S), CE(CE), State(C.getState()),
      LCtx(C.getLocationContext()), SVB(C.getSValBuilder()), Src(S.From),
      Pred(C.getPredecessor()), RetTy(Call.getResultType()) {
  RetField = wrapperField(RetTy);
  RetIntTy = RetField                 ? RetField->getType()
             : RetTy->isIntegerType() ? RetTy
                                      : QualType();
}

SVal CallEval::wrap(SVal IntV) const {
  if (!RetField)
    return IntV;
  BasicValueFactory &BVF = SVB.getBasicValueFactory();
  return SVB.makeCompoundVal(RetTy,
                             BVF.prependSVal(IntV, BVF.getEmptySValList()));
}

SVal CallEval::conjureFd(QualType T) {
  const void *Tag = &ConjTags[TagIdx++ % 8];
  return SVB.conjureSymbolVal(Tag, CE, LCtx, T, C.blockCount());
}

bool FdEngine::evalCall(const CallEvent &Call, CheckerContext &C) const {
  const FnSummary *S = summaryFor(Call);
  if (!S || S->empty() || S->has(SF_CheckOnly))
    return false;
  const auto *CE = dyn_cast_or_null<CallExpr>(Call.getOriginExpr());
  if (!CE)
    return false;
  CallEval CV(Call, C, *S, CE);

  // 1. The arguments' fds before the call, and the checks on them.
  for (unsigned I = 0, N = Call.getNumArgs(); I < N; ++I)
    CV.Args.push_back(fdOfArg(Call, I, CV.State));
  if (S->has(SF_ViewEnd))
    viewEndArg(CV); // StreamHandOffs.cpp
  for (const ParamEffect &E : S->Effects)
    if (!checkBefore(E, CV))
      return true; // a fatal report ended this path

  // 2. A call whose body may do anything else invalidates what it can
  //    reach, like the analyzer's own conservative evaluation.  The fds the
  //    summary accounts for do not escape through it.
  //    A call of libiosafe (SF_Precise) reaches no memory of the caller's
  //    but what its effects say; unless it makes no system call
  //    (SF_NoSyscall) it may still set errno, so the globals are
  //    invalidated as for any call (the system's only, when the header is a
  //    system header).  That also keeps the analysis from telling apart
  //    paths by which earlier call last set errno: after the same call,
  //    they hold the same symbol and merge, as they do under the
  //    analyzer's own conservative evaluation of the same calls.
  if (S->has(SF_Precise) && !S->has(SF_NoSyscall))
    CV.State = CV.State->invalidateRegions(
        ArrayRef<SVal>(), CE, C.blockCount(), CV.LCtx,
        /*CausesPointerEscape=*/true, /*IS=*/nullptr, &Call,
        /*ITraits=*/nullptr);
  if (!S->has(SF_Precise)) {
    ProgramStateRef &State = CV.State;
    for (const FdArg &A : CV.Args)
      if (SymbolRef Sym = A.sym())
        CallExempt.push_back(Sym);
    State = Call.invalidateRegions(C.blockCount(), State);
    CallExempt.clear();
    // An fd the callee only uses (IOSAFE_USES, a borrow) through a pointer
    // is still there afterwards: that is what the annotation promises.
    for (const ParamEffect &E : S->Effects) {
      if (E.Index >= CV.Args.size())
        continue;
      const FdArg &A = CV.Args[E.Index];
      if (A.Holder && A.sym() && keepsArgument(E.E))
        State = State->bindLoc(loc::MemRegionVal(A.Holder), A.Val, CV.LCtx);
    }
  }

  // 3. fdopen/fdopendir take the fd over only when they succeed: the
  //    failure (a null stream) leaves it with the caller.
  if (S->has(SF_ReleaseOnSuccess) && CV.RetTy->isPointerType()) {
    QualType PT = CV.RetTy;
    C.addTransition(
        CV.State->BindExpr(CE, CV.LCtx, CV.SVB.makeNullWithType(PT)), CV.Pred);
    SVal P = CV.SVB.conjureSymbolVal(nullptr, CE, CV.LCtx, PT, C.blockCount());
    CV.StreamSym = P.getAsSymbol();
    if (auto DP = P.getAs<DefinedOrUnknownSVal>())
      if (ProgramStateRef S2 = CV.State->assume(*DP, true))
        CV.State = S2;
    CV.State = CV.State->BindExpr(CE, CV.LCtx, P);
  }
  if (S->has(SF_StreamOut | SF_ViewBegin))
    streamOutSplit(CV); // StreamHandOffs.cpp
  if (S->has(SF_RetAcquires) && !CV.RetIntTy.isNull()) {
    if (CV.CertainFailure)
      CV.Ret = CV.wrap(CV.SVB.makeIntVal(-1, CV.RetIntTy));
    else
      acquireReturned(CV);
  }

  // 4. The effects, in order; then the out-parameters.
  for (const ParamEffect &E : S->Effects)
    applyEffect(E, CV);
  if (!CV.Ret && !CV.RetTy->isVoidType() && !S->has(SF_ReleaseOnSuccess)) {
    CV.Ret =
        CV.SVB.conjureSymbolVal(nullptr, CE, CV.LCtx, CV.RetTy, C.blockCount());
    CV.RetNew = true;
  }
  if (S->has(SF_StatusRet) && CV.Ret)
    constrainStatus(CV);
  for (const ParamEffect *E : CV.PendingOut)
    effectAcquireOut(*E, CV);

  // 5. The return value and the transitions.
  finishCall(CV);
  return true;
}

void FdEngine::applyEffect(const ParamEffect &E, CallEval &CV) const {
  switch (E.E) {
  case Effect::Use: return effectUse(E, CV);
  case Effect::Release:
  case Effect::Close: return effectCloseOrRelease(E, CV);
  case Effect::AcquireOut:
  case Effect::AcquireOutPair:
    // After the return value is known (the status decides them).
    CV.PendingOut.push_back(&E);
    return;
  case Effect::BorrowRet: return effectBorrowRet(E, CV);
  case Effect::MoveRet: return effectMoveRet(E, CV);
  case Effect::RawRet: return effectRawRet(E, CV);
  case Effect::MoveInto: return effectMoveInto(E, CV);
  case Effect::TestNone: return effectTestNone(E, CV);
  case Effect::DupOnto: return effectDupOnto(E, CV);
  case Effect::CloseRange: return effectCloseRange(E, CV);
  case Effect::ReceivesFds: return effectReceivesFds(E, CV); // ReceivedFds.cpp
  case Effect::DupRet:         // the returned fd (acquireReturned)
  case Effect::HandsOnPointee: // found before the call (checkBefore)
  case Effect::ForeignRelease: // SF_CheckOnly: checkPreCall
    return effectStreamRelease(E, CV);
  case Effect::DirOpenRet: // SF_CheckOnly: DirStreams.cpp
  case Effect::DirUse:
  case Effect::DirFdRet: return;
  }
}

/// SF_RetAcquires: the returned fd is a new owned one, unchecked.
void FdEngine::acquireReturned(CallEval &CV) const {
  ProgramStateRef &State = CV.State;
  // The new fd may take the number of one closed before.
  State = State->remove<ClosedConsts>();
  SVal Fd = CV.conjureFd(CV.RetIntTy);
  CV.Ret = CV.wrap(Fd);
  // POSIX acquirers return the new fd or -1, nothing else.
  if (SymbolRef FS = Fd.getAsSymbol(); FS && CV.Src == Source::PosixFd) {
    // The lowest free number: at most the one just closed (the daemon
    // idiom `close(i); open("/dev/null", O_RDWR);` for i in 0..2 keeps
    // a standard stream, not a leak; rsync's become_daemon).
    std::optional<int64_t> Max;
    if (unsigned Slot = State->get<FreedSlot>()) {
      Max = int64_t(Slot) - 1;
      State = State->set<FreedSlot>(0);
    }
    if (ProgramStateRef S2 = constrainNew(State, FS, -1, Max, CV.C))
      State = S2;
  }
  if (SymbolRef FS = Fd.getAsSymbol()) {
    ProgramStateRef Now = State;
    FdState St = FdState::acquired(
        CV.Src, nullptr,
        acquiredAttrs(CV.S, 0, CV.Call, [&](unsigned Arg) -> const FdAttrs * {
          SymbolRef Sym = CV.Call.getArgSVal(Arg).getAsSymbol();
          const FdState *AS = Sym ? Now->get<FdMap>(Sym) : nullptr;
          return AS ? &AS->At : nullptr;
        }));
    bool Dup = llvm::any_of(CV.S.Effects, [](const ParamEffect &E) {
      return E.E == Effect::DupRet;
    });
    State = State->set<FdMap>(FS, St);
    CV.Notes.push_back({FS, "fd opened here", acquiredNote(St.At, Dup)});
  }
}

/// bind(2): the socket is bound only if the call succeeds; its result is
/// remembered (PendingBinds) until the path shows which.
static void pendingBind(const ParamEffect &E, SymbolRef Sock, CallEval &CV) {
  if (E.PhaseOut != SockPhase::Bound || !CV.RetTy->isIntegerType())
    return;
  if (!CV.Ret)
    CV.Ret = CV.SVB.conjureSymbolVal(nullptr, CV.CE, CV.LCtx, CV.RetTy,
                                     CV.C.blockCount());
  if (SymbolRef R = CV.Ret->getAsSymbol()) {
    // bind(2): "On success, zero is returned.  On error, -1 is returned".
    if (ProgramStateRef S2 = assumeCmp(CV.State, R, BO_GE, -1, CV.SVB))
      if (ProgramStateRef S3 = assumeCmp(S2, R, BO_LE, 0, CV.SVB))
        CV.State = S3;
    CV.State = CV.State->set<PendingBinds>(Sock, R);
  }
}

/// Use: a bind, listen or connect moves a socket to its next phase.  Of
/// a socket the engine does not track (a parameter), the phase is
/// inferred: bind makes it bound, listen listening, connect connected, and
/// accept shows it was listening (listen(2), accept(2): connection-mode
/// sockets only).
void FdEngine::effectUse(const ParamEffect &E, CallEval &CV) const {
  const FdArg *A = CV.arg(E);
  SymbolRef Sym = A ? A->sym() : nullptr;
  const FdState *FS = Sym ? CV.State->get<FdMap>(Sym) : nullptr;
  if (!FS && Sym && CV.Src == Source::PosixFd) {
    SockPhase Out = (E.Need & N_Listening) ? SockPhase::Listening : E.PhaseOut;
    if (Out == SockPhase::Unknown)
      return;
    const unsigned *Old = CV.State->get<InferredSockets>(Sym);
    FdAttrs At = Old ? unpackAttrs(*Old) : FdAttrs();
    At.Kind = FdKind::Socket;
    At.Phase = Out;
    if (Out == SockPhase::Listening)
      At.Type = SockType::Stream;
    CV.State = CV.State->set<InferredSockets>(Sym, packAttrs(At));
    pendingBind(E, Sym, CV);
    return;
  }
  if (E.PhaseOut == SockPhase::Unknown || !FS || !FS->isOwned() ||
      FS->At.Kind != FdKind::Socket)
    return;
  FdState NS = *FS;
  NS.At.Phase = E.PhaseOut;
  CV.State = CV.State->set<FdMap>(Sym, NS);
  pendingBind(E, Sym, CV);
  CV.Notes.push_back({Sym, "",
                      E.PhaseOut == SockPhase::Bound ? "socket bound here"
                      : E.PhaseOut == SockPhase::Listening
                          ? "socket listening here"
                          : "socket connected here"});
}

/// dup2(2)/dup3(2): "the file descriptor newfd is adjusted so that it now
/// refers to the same open file description as oldfd" (closing what it
/// referred to); on failure "newfd is not closed".  A tracked target stays
/// (or, closed, becomes again on success) owned, with the source's
/// attributes; a constant target (dup2(fd, 1)) is a standard stream, not
/// owned here.
void FdEngine::effectDupOnto(const ParamEffect &E, CallEval &CV) const {
  const FdArg *A = CV.arg(E);
  ProgramStateRef &State = CV.State;
  SymbolRef Sym = A ? A->sym() : nullptr;
  const FdState *FS = Sym ? State->get<FdMap>(Sym) : nullptr;
  const FdAttrs SrcAt = FS ? FS->At : FdAttrs();
  if (A && E.Other < CV.Args.size() && CV.Args[E.Other].Valid) {
    const FdArg &T = CV.Args[E.Other];
    // dup2(fd, STDIN_FILENO): the constant target is open again.
    if (auto K = constInt(T.Val); K && *K >= 0 && *K < INT32_MAX)
      State = State->remove<ClosedConsts>(unsigned(*K));
    SymbolRef TS = T.sym();
    const FdState *TFS = TS ? State->get<FdMap>(TS) : nullptr;
    if (TFS && TS != Sym) {
      FdState NS = TFS->with(FdState::Owned);
      NS.Owner = nullptr;
      NS.OwnerRegion = nullptr;
      NS.At = SrcAt;
      if (TFS->isOwned()) {
        State = State->set<FdMap>(TS, NS);
      } else if (TFS->isGone()) {
        if (CV.RetTy->isIntegerType()) {
          CV.DupOntoFail =
              State->BindExpr(CV.CE, CV.LCtx, CV.SVB.makeIntVal(-1, CV.RetTy));
          CV.Ret = T.Val;
        }
        State = State->set<FdMap>(TS, NS);
        if (T.Holder)
          State = State->remove<GoneOwners>(T.Holder);
        CV.Notes.push_back({TS, "fd opened here by duplication"});
      }
    }
  }
  // The result: newfd or -1 (dup(2)), used and tested like a new fd with
  // the source's access mode and socket, but not owned on its own: the
  // target's owner closes it (DupResults; never a leak).
  if (CV.Ret || !CV.RetTy->isIntegerType() || CV.Src != Source::PosixFd)
    return;
  SVal R = CV.conjureFd(CV.RetTy);
  SymbolRef RS = R.getAsSymbol();
  if (!RS)
    return;
  if (ProgramStateRef S2 = constrainNew(State, RS, -1, std::nullopt, CV.C))
    State = S2;
  State = State->set<FdMap>(RS, FdState::acquired(CV.Src, nullptr, SrcAt));
  State = State->add<DupResults>(RS);
  CV.Ret = R;
  CV.Notes.push_back({RS, "fd duplicated here", acquiredNote(SrcAt, true)});
}

/// close_range(2): "closes all open file descriptors from first to last
/// (included)"; with CLOSE_RANGE_CLOEXEC it only sets their close-on-exec
/// flag.  A tracked fd certainly in the range is closed; one that may be in
/// it or not is handed on (no leak, no double close is claimed).
void FdEngine::effectCloseRange(const ParamEffect &E, CallEval &CV) const {
  const CallEvent &Call = CV.Call;
  if (E.Other >= Call.getNumArgs())
    return;
  constexpr int64_t LinuxCLOSE_RANGE_CLOEXEC = 4; // <linux/close_range.h>
  if (E.Other + 1 < Call.getNumArgs())
    if (auto F = constInt(Call.getArgSVal(E.Other + 1));
        F && (*F & LinuxCLOSE_RANGE_CLOEXEC))
      return;
  std::optional<int64_t> Lo = constInt(Call.getArgSVal(E.Index));
  std::optional<int64_t> Hi = constInt(Call.getArgSVal(E.Other));
  ProgramStateRef &State = CV.State;
  InAssume = true;
  for (const auto &[Sym, FS] : State->get<FdMap>()) {
    if (!FS.isOwned() && FS.K != FdState::ReleasesParam)
      continue;
    bool MayIn = true, MayOut = true;
    if (Lo && Hi) {
      int Low = int(std::clamp<int64_t>(*Lo, 0, INT32_MAX));
      int High = int(std::clamp<int64_t>(*Hi, 0, INT32_MAX));
      MayIn = *Lo <= *Hi && assumeCmp(assumeCmp(State, Sym, BO_GE, Low, CV.SVB),
                                      Sym, BO_LE, High, CV.SVB);
      MayOut = assumeCmp(State, Sym, BO_LT, Low, CV.SVB) ||
               assumeCmp(State, Sym, BO_GT, High, CV.SVB) || *Lo > *Hi;
    }
    if (!MayIn)
      continue;
    if (MayOut) {
      State = State->remove<FdMap>(Sym); // handed on
      continue;
    }
    State = State->set<FdMap>(Sym, FS.with(FdState::Closed));
    CV.Notes.push_back({Sym, "fd closed here"});
  }
  InAssume = false;
}

/// BorrowRet: the return value borrows the argument's fd.
void FdEngine::effectBorrowRet(const ParamEffect &E, CallEval &CV) const {
  ProgramStateRef &State = CV.State;
  SValBuilder &SVB = CV.SVB;
  const FdArg *A = CV.arg(E);
  if (!A) {
    // A borrow of an fd inside a struct the argument points to
    // (conn_fd(const struct conn *c IOSAFE_RETURNS_BORROW)): linked to
    // the struct, whose fds' closes and moves end it.
    if (E.Index >= CV.Args.size() || CV.Ret || CV.RetIntTy.isNull())
      return;
    const MemRegion *R = CV.Call.getArgSVal(E.Index).getAsRegion();
    if (!R || !CV.Call.getArgExpr(E.Index)->getType()->isPointerType())
      return;
    SVal B = CV.conjureFd(CV.RetIntTy);
    CV.Ret = CV.wrap(B);
    if (SymbolRef BS = B.getAsSymbol()) {
      State = State->set<FdMap>(
          BS, FdState::borrowOf(CV.Src, nullptr, R->StripCasts()));
      CV.Notes.push_back({BS, "fd borrowed here"});
    }
    return;
  }
  if (CV.RetIntTy.isNull() || CV.Ret)
    return;
  SymbolRef Sym = A->sym();
  const FdState *FS = Sym ? State->get<FdMap>(Sym) : nullptr;
  if (!Sym) {
    // A constant: a borrow of a descriptor owned elsewhere (iosafe_stdout()
    // is iosafe_fd_borrow_raw(1)), tracked as a borrow equal to that
    // number; a negative one, or unknown, passes as is.
    auto CI = A->Val.getAs<nonloc::ConcreteInt>();
    if (!CI || CI->getValue().isNegative()) {
      CV.Ret = CV.wrap(A->Val);
      return;
    }
  }
  SVal B = CV.conjureFd(CV.RetIntTy);
  SymbolRef BS = B.getAsSymbol();
  CV.Ret = CV.wrap(B);
  if (!BS)
    return;
  // A borrow of a borrow borrows the same owner.
  FdState St = FS && FS->K == FdState::Borrowed
                   ? FdState::borrowOf(CV.Src, FS->Owner, FS->OwnerRegion)
                   : FdState::borrowOf(CV.Src, Sym, A->Holder);
  State = State->set<FdMap>(BS, St);
  // The borrow is the same number as its owner: told to the constraint
  // manager only where a condition tests the borrow (linkBorrows,
  // Outcomes.cpp), because an equality of two symbols costs it an
  // equivalence class, and most borrows are only passed to calls.  Not
  // for a constant: the analyzer would fold the borrow's symbol into it,
  // and lose it.
  if (Sym) {
    // Linked lazily.
  } else if (ProgramStateRef S2 = assumeCmp(State, BS, BO_GE, 0, SVB)) {
    State = S2;
  }
  CV.Notes.push_back({BS, "fd borrowed here"});
}

/// RawRet: the return value is the argument's number (iosafe_fd_raw).
void FdEngine::effectRawRet(const ParamEffect &E, CallEval &CV) const {
  const FdArg *A = CV.arg(E);
  if (A && !CV.Ret && !CV.RetIntTy.isNull())
    CV.Ret = CV.wrap(A->Val);
}

/// TestNone: the return value is whether the argument's fd is < 0.
void FdEngine::effectTestNone(const ParamEffect &E, CallEval &CV) const {
  const FdArg *A = CV.arg(E);
  if (!A || CV.Ret || CV.RetIntTy.isNull() || A->Val.isUnknownOrUndef())
    return;
  SValBuilder &SVB = CV.SVB;
  CV.Ret = SVB.evalBinOp(CV.State, BO_LT, A->Val,
                         SVB.makeZeroVal(A->Val.getAsSymbol()
                                             ? A->Val.getAsSymbol()->getType()
                                             : SVB.getContext().IntTy),
                         CV.RetTy);
}

/// MoveRet: the return value takes the fd over (take, into_raw, from_raw);
/// the owner it came from is left none.
void FdEngine::effectMoveRet(const ParamEffect &E, CallEval &CV) const {
  const FdArg *A = CV.arg(E);
  if (!A)
    return;
  ProgramStateRef &State = CV.State;
  SValBuilder &SVB = CV.SVB;
  SymbolRef Sym = A->sym();
  const FdState *FS = Sym ? State->get<FdMap>(Sym) : nullptr;
  if (!CV.RetIntTy.isNull() && !CV.Ret) {
    SVal V = A->Val;
    if (!Sym) {
      // A constant: a negative one is none (-1).
      if (auto CI = V.getAs<nonloc::ConcreteInt>())
        if (CI->getValue().isNegative())
          V = SVB.makeIntVal(-1, CV.RetIntTy);
    }
    CV.Ret = CV.wrap(V);
  }
  if (A->Holder) {
    if (CV.S.has(SF_LeavesNone))
      State = State->bindLoc(
          loc::MemRegionVal(A->Holder),
          SVB.makeIntVal(-1, Sym ? Sym->getType() : SVB.getContext().IntTy),
          CV.LCtx);
    if (Sym)
      State = State->set<GoneOwners>(A->Holder, GoneInfo{true, Sym});
    if (Sym && FS && FS->isOwned())
      CV.Notes.push_back({Sym, "ownership moved here"});
  } else if (Sym && !FS && CV.S.has(SF_Adopts)) {
    State = State->set<FdMap>(Sym, FdState::acquired(CV.Src));
    CV.Notes.push_back({Sym, "fd adopted here"});
  }
}

/// Close (the callee closes the fd) and Release (ownership moves into the
/// callee; on a plain int, the number is as good as closed).
void FdEngine::effectCloseOrRelease(const ParamEffect &E, CallEval &CV) const {
  const FdArg *A = CV.arg(E);
  if (!A)
    return;
  ProgramStateRef &State = CV.State;
  SValBuilder &SVB = CV.SVB;
  SymbolRef Sym = A->sym();
  const FdState *FS = Sym ? State->get<FdMap>(Sym) : nullptr;
  if (Sym) { // closed or released: not leaked
    State = State->remove<OutFds>(Sym);
    State = State->remove<HeapFds>(Sym);
  }
  if (E.E == Effect::Close && CV.Src == Source::PosixFd)
    if (auto K = A->Val.getAs<nonloc::ConcreteInt>())
      if (K->getValue().isNonNegative() && K->getValue().getActiveBits() < 31) {
        unsigned Slot = unsigned(K->getValue().getZExtValue()) + 1;
        unsigned Old = State->get<FreedSlot>();
        State = State->set<FreedSlot>(Old ? std::min(Old, Slot) : Slot);
        State = State->add<ClosedConsts>(Slot - 1);
      }
  bool IsClose = E.E == Effect::Close || releasesAsClose(CV.Call, E.Index);
  if (Sym && CV.StreamSym && E.E == Effect::Release && (!FS || FS->isOwned())) {
    // fdopen/fdopendir: the stream owns the fd from here; fclose or
    // closedir of that stream closes it (checkPreCall).
    FdState Base = FS ? *FS : FdState::make(FdState::Owned, CV.Src);
    State = State->set<FdMap>(Sym, Base.with(CV.S.has(SF_ExclusiveStream)
                                                 ? FdState::DirStreamed
                                                 : FdState::Streamed));
    State = State->set<StreamFds>(CV.StreamSym, Sym);
    if (CV.S.has(SF_ExclusiveStream)) // fdopendir: the DIR * is owned
      State = State->set<DirStreams>(
          CV.StreamSym, DirState{false, static_cast<unsigned char>(CV.Src)});
    CV.Notes.push_back({Sym, "ownership moved to the stream here"});
    if (A->Holder && CV.S.has(SF_LeavesNone)) { // iosafe_file_from_fd
      State = State->bindLoc(loc::MemRegionVal(A->Holder),
                             SVB.makeIntVal(-1, Sym->getType()), CV.LCtx);
      State = State->set<GoneOwners>(A->Holder, GoneInfo{true, Sym});
    }
    return;
  }
  bool Applies = FS ? FS->isOwned() || FS->K == FdState::ReleasesParam
                    : !CV.S.has(SF_TrackedOnly);
  if (Sym && Applies) {
    FdState Base = FS ? *FS : FdState::make(FdState::Owned, CV.Src);
    State = State->set<FdMap>(
        Sym, Base.with(IsClose ? FdState::Closed : FdState::Moved));
    CV.Notes.push_back({Sym, E.E == Effect::Close ? "fd closed here"
                             : IsClose            ? "fd released here"
                                                  : "ownership moved here"});
  }
  if (A->Holder) {
    if (CV.S.has(SF_LeavesNone))
      State = State->bindLoc(
          loc::MemRegionVal(A->Holder),
          SVB.makeIntVal(-1, Sym ? Sym->getType() : SVB.getContext().IntTy),
          CV.LCtx);
    if (Sym)
      State = State->set<GoneOwners>(A->Holder, GoneInfo{!IsClose, Sym});
  }
}

/// MoveInto: the fd moves into the pointee of param Other.
void FdEngine::effectMoveInto(const ParamEffect &E, CallEval &CV) const {
  const FdArg *A = CV.arg(E);
  if (!A || E.Other >= CV.Args.size() || !CV.Args[E.Other].Holder)
    return;
  ProgramStateRef &State = CV.State;
  SymbolRef Sym = A->sym();
  const FdState *FS = Sym ? State->get<FdMap>(Sym) : nullptr;
  const MemRegion *Dst = CV.Args[E.Other].Holder;
  State = State->bindLoc(loc::MemRegionVal(Dst), A->Val, CV.LCtx);
  State = State->remove<GoneOwners>(Dst);
  if (Sym && FS && FS->isOwned()) {
    if (!isTrackable(Dst))
      State = State->remove<FdMap>(Sym); // handed on
    else
      CV.Notes.push_back({Sym, "ownership moved here"});
  }
}

/// SF_StatusRet: the status an out-parameter acquirer returns.
void FdEngine::constrainStatus(CallEval &CV) const {
  ProgramStateRef &State = CV.State;
  CV.StatusSym = CV.Ret->getAsSymbol();
  if (!CV.StatusSym)
    return;
  // An out-parameter acquirer returns 0 or a negative value (errno, or
  // -1), as libiosafe and POSIX do; annotations.h documents the rule.
  // With SF_CountRet as well, its success is a count >= 0 instead
  // (a count of bytes, say), not constrained here.
  if (!CV.S.has(SF_CountRet))
    if (ProgramStateRef S2 = assumeCmp(State, CV.StatusSym, BO_LE, 0, CV.SVB))
      State = S2;
  // POSIX's pipe, pipe2, socketpair return 0 or -1, nothing else (their
  // RETURN VALUE sections): then `== -1` decides as well as `< 0`
  // (posix-socket-phase.c, neg_socketpair_checked_minus_one).
  if (CV.Src == Source::PosixFd)
    if (ProgramStateRef S2 = assumeCmp(State, CV.StatusSym, BO_GE, -1, CV.SVB))
      State = S2;
}

/// AcquireOut, AcquireOutPair: the pointee (an int[2]'s two elements)
/// receives new owned fds, unchecked until the status is tested.
void FdEngine::effectAcquireOut(const ParamEffect &E, CallEval &CV) const {
  if (E.Index >= CV.Args.size())
    return;
  const FdArg &A = CV.Args[E.Index];
  if (!A.Holder)
    return;
  ProgramStateRef &State = CV.State;
  SValBuilder &SVB = CV.SVB;
  State = State->remove<ClosedConsts>(); // the new fds may reuse numbers
  llvm::SmallVector<const MemRegion *, 2> Holders{A.Holder};
  if (E.E == Effect::AcquireOutPair) {
    // The second int of the array: the element after the one the argument
    // points to.
    const auto *ER = dyn_cast<ElementRegion>(A.Holder);
    auto Idx = ER ? ER->getIndex().getAs<nonloc::ConcreteInt>() : std::nullopt;
    if (!ER || !Idx)
      return;
    Holders.push_back(regions(State).getElementRegion(
        ER->getElementType(),
        SVB.makeArrayIndex(Idx->getValue().getZExtValue() + 1),
        cast<SubRegion>(ER->getSuperRegion()), SVB.getContext()));
  }
  for (unsigned HI = 0; HI < Holders.size(); ++HI) {
    const MemRegion *H = Holders[HI];
    QualType IntTy;
    if (const auto *TR = dyn_cast<TypedValueRegion>(H))
      IntTy = TR->getValueType();
    if (IntTy.isNull() || !IntTy->isIntegerType())
      continue;
    SVal Fd = CV.conjureFd(IntTy);
    State = State->bindLoc(loc::MemRegionVal(H), Fd, CV.LCtx);
    State = State->remove<GoneOwners>(H);
    SymbolRef FdS = Fd.getAsSymbol();
    if (!FdS || !isTrackable(H))
      continue; // received into memory the caller shares: handed on
    ProgramStateRef Now = State;
    FdState St = FdState::acquired(
        CV.Src, CV.StatusSym,
        acquiredAttrs(CV.S, HI, CV.Call, [&](unsigned Arg) -> const FdAttrs * {
          SymbolRef Sym = CV.Call.getArgSVal(Arg).getAsSymbol();
          const FdState *AS = Sym ? Now->get<FdMap>(Sym) : nullptr;
          return AS ? &AS->At : nullptr;
        }));
    if (E.E == Effect::AcquireOutPair)
      St.PairIdx = static_cast<unsigned char>(HI + 1);
    else if (llvm::count_if(CV.S.Effects, [](const ParamEffect &O) {
               return O.E == Effect::AcquireOut;
             }) > 1)
      // One of several out-parameters of one call (openpty, iosafe_pipe):
      // each leaks apart, as a pair's elements do.
      St.PairIdx =
          static_cast<unsigned char>(FdState::OutParamIdx | (E.Index + 1));
    State = State->set<FdMap>(FdS, St);
    CV.Notes.push_back({FdS, "fd opened here", acquiredNote(St.At, false)});
  }
}

/// The return value, the note tag and the transitions: a failure path of
/// epoll_ctl (its event's fds stay the caller's), of dup2 onto a closed
/// number and of a read or write (SF_CountRet), then the call's own.
void FdEngine::finishCall(CallEval &CV) const {
  ProgramStateRef &State = CV.State;
  CheckerContext &C = CV.C;
  if (CV.Ret)
    State = State->BindExpr(CV.CE, CV.LCtx, *CV.Ret);
  const NoteTag *Tag = noteTagFor(*this, CV.Notes, C);
  if (!CV.HandedOn.empty() && CV.RetTy->isIntegerType()) {
    // Failure (-1): the caller still owns them.  Success (0): handed on.
    C.addTransition(
        State->BindExpr(CV.CE, CV.LCtx, CV.SVB.makeIntVal(-1, CV.RetTy)),
        CV.Pred, Tag);
    for (SymbolRef Sym : CV.HandedOn)
      State = State->remove<FdMap>(Sym);
    State = State->BindExpr(CV.CE, CV.LCtx, CV.SVB.makeIntVal(0, CV.RetTy));
  }
  if (CV.DupOntoFail)
    C.addTransition(CV.DupOntoFail, CV.Pred);
  if (CV.S.has(SF_CountRet) && !CV.S.has(SF_StatusRet) && CV.Ret &&
      CV.RetTy->isIntegerType())
    if (SymbolRef R = CV.Ret->getAsSymbol()) {
      // A count or -1: the failure as its own path (SF_CountRet), where
      // no fd arrived (ReceivesFds).
      ProgramStateRef Fail = State;
      for (SymbolRef Fd : CV.Received)
        Fail = Fail->remove<FdMap>(Fd)->remove<UnreadFds>(Fd);
      C.addTransition(
          Fail->BindExpr(CV.CE, CV.LCtx, CV.SVB.makeIntVal(-1, CV.RetTy)),
          CV.Pred, Tag);
      if (ProgramStateRef Ok = CV.RetNew
                                   ? constrainNew(State, R, 0, std::nullopt, C)
                                   : assumeCmp(State, R, BO_GE, 0, CV.SVB))
        State = Ok;
    }
  C.addTransition(State, CV.Pred, Tag);
}

} // namespace iosafe
