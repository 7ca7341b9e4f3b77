// SPDX-License-Identifier: MIT
//
// analyzer-plugin/Engine.cpp: the ownership engine's state traits and the
// analyzer callbacks that are not a call's evaluation (CallEffects.cpp),
// a test of an acquisition (Outcomes.cpp) or the analysed function's own
// annotations (TopFrame.cpp): casts of fds to pointers, the calls only
// checked (fclose of an fd), unknown calls and escapes, stores, dead
// symbols (leaks) and iosafe_auto_fd variables.  Modelled on Clang's
// FuchsiaHandleChecker (handle attributes, note tags, leak uniqueing at the
// acquisition site) and StreamChecker (evalCall models, state splitting on
// a call's success); the design is in analyzer-plugin/README.md.
//
// iosafe_auto_fd: Clang 19's analyzer does not run cleanup-attribute
// functions (CFGCleanupFunction elements are skipped by ExprEngine; tested
// in tests/analyzer/auto-fd.c).  Instead, a variable whose cleanup function
// releases its argument (iosafe_fd_drop, or any function annotated
// IOSAFE_RELEASES) is remembered (AutoVars), and an owned fd that dies
// while such a variable still holds it is closed by the cleanup, not
// leaked.

#include "Engine.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::ento;

namespace iosafe {

/// An fd cast to a pointer ((FILE *)(intptr_t)fd): the analyzer models an
/// integer-to-pointer cast of a symbol as an unknown value and lets the
/// symbol escape (the engine then hands the fd on: a number parked in a
/// void * is beyond it).  Before that, the engine remembers which fd the
/// cast expression was made from and what it knew of it, for the checks of
/// the call the pointer is passed to (checkPreCall).  Only a cast the
/// program writes makes a pointer of an int: the simple assignment's
/// constraints (C11 6.5.16.1) allow no implicit conversion from an integer
/// to a pointer, and Clang rejects one (-Wint-conversion is an error unless
/// the build downgrades it, and then this check does not see it).  So the
/// engine is not called for the implicit casts, most of a program's
/// expressions.
void FdEngine::checkPreStmt(const ExplicitCastExpr *CE,
                            CheckerContext &C) const {
  if (CE->getCastKind() != CK_IntegralToPointer)
    return;
  ProgramStateRef State = C.getState();
  SymbolRef Sym = C.getSVal(CE->getSubExpr()).getAsSymbol();
  while (const auto *SC = dyn_cast_or_null<SymbolCast>(Sym))
    Sym = SC->getOperand();
  const FdState *FS = Sym ? State->get<FdMap>(Sym) : nullptr;
  if (FS)
    C.addTransition(State->set<CastFds>(CE, CastFd{Sym, *FS}));
  else if (State->get<CastFds>(CE))
    C.addTransition(State->remove<CastFds>(CE));
}

/// Functions the engine checks without evaluating them (SF_CheckOnly):
/// fclose, closedir, pclose, free given an fd cast to a pointer
/// (fclose((FILE *)(intptr_t)fd)): the fd is then "released" by a function
/// for another kind of resource.  It counts as closed from here, so that
/// it is not reported as a leak as well.
void FdEngine::checkPreCall(const CallEvent &Call, CheckerContext &C) const {
  const FnSummary *S = summaryFor(Call);
  if (!S || !S->has(SF_CheckOnly)) {
    if (!S) // realloc, functions that free an object (HeapObjects.cpp)
      heapPreCall(Call, C);
    return;
  }
  ProgramStateRef State = C.getState();
  ExplodedNode *Pred = C.getPredecessor();
  bool Changed = false;
  // A copy of an fd's bytes into stack memory (memcpy(CMSG_DATA(c), &fd,
  // sizeof fd)): Clang's string checker invalidates the source as it
  // evaluates the copy, which would hand the fd on; the copy stays the
  // caller's, so the fd stays tracked (until checkPostCall).
  if (S->has(SF_CopiesBytes) && Call.getNumArgs() >= 2) {
    const MemRegion *Dst = Call.getArgSVal(0).getAsRegion();
    const MemRegion *Src = Call.getArgSVal(1).getAsRegion();
    if (Dst && Src && isa<StackSpaceRegion>(Dst->getMemorySpace()))
      if (const auto *TR = dyn_cast<TypedValueRegion>(Src->StripCasts()))
        if (TR->getValueType()->isIntegerType())
          if (SymbolRef Sym =
                  State->getSVal(loc::MemRegionVal(TR)).getAsSymbol())
            if (State->get<FdMap>(Sym)) {
              State = State->add<EscapeExempt>(Sym);
              Changed = true;
            }
    // A copy out of a control buffer (memcpy(&fd, CMSG_DATA(c), 4)).
    if (ProgramStateRef Next = receivedCopyBefore(Call, State); Next != State) {
      State = Next;
      Changed = true;
    }
  }
  if (ProgramStateRef Next = dirPreCall(*S, Call, C, State, Pred);
      Next != State) {
    if (!Next)
      return;
    State = Next;
    Changed = true;
  }
  Changed |= Pred != C.getPredecessor();
  for (const ParamEffect &E : S->Effects) {
    if (E.E != Effect::ForeignRelease || E.Index >= Call.getNumArgs())
      continue;
    // free(3) of a heap object that still holds an owned fd: the fd leaks
    // (HeapObjects.cpp).
    if (Call.getCalleeIdentifier() &&
        Call.getCalleeIdentifier()->isStr("free")) {
      ExplodedNode *Before = Pred;
      ProgramStateRef Old = State;
      State = heapFree(Call.getArgExpr(E.Index), Call.getArgSVal(E.Index),
                       "free", State, C, Pred);
      if (!State)
        return;
      Changed |= Pred != Before || State != Old;
    }
    if (SymbolRef Str = Call.getArgSVal(E.Index).getAsLocSymbol())
      if (const SymbolRef *FdSym = State->get<StreamFds>(Str)) {
        // fclose/closedir of the stream fdopen/fdopendir returned closes
        // its fd: a close(2) of the number after it is a double close.
        SymbolRef F = *FdSym;
        State = State->remove<StreamFds>(Str);
        if (const FdState *FS = State->get<FdMap>(F);
            FS && FS->K == FdState::Borrowed) {
          // A view's stream (iosafe_file_view_begin) is over a borrowed
          // fd: closing it closes what the view's owner still owns.
          FdArg A;
          A.Valid = true;
          A.Val = nonloc::SymbolVal(F);
          State = checkRelease(State, A, Call.getArgExpr(E.Index),
                               Source(FS->Src), true, false, C, Pred);
          if (!State)
            return;
        }
        if (const FdState *FS = State->get<FdMap>(F);
            FS && (FS->K == FdState::Streamed || FS->K == FdState::DirStreamed))
          State = State->set<FdMap>(F, FS->with(FdState::Closed));
        Changed = true;
        continue;
      }
    const Expr *AE = Call.getArgExpr(E.Index)->IgnoreParenImpCasts();
    const CastFd *CF = State->get<CastFds>(AE);
    if (!CF)
      continue;
    SymbolRef Sym = CF->Sym;
    State = State->remove<CastFds>(AE);
    Changed = true;
    // The state before the cast (the cast let the symbol escape); the one
    // now known if the engine still tracks it.
    const FdState *FS = State->get<FdMap>(Sym);
    if (!FS)
      FS = &CF->Before;
    if (FS->K != FdState::Owned)
      continue;
    const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
    std::string Fn = FD ? FD->getNameAsString() : "the call";
    ExplodedNode *N = C.generateNonFatalErrorNode(State, Pred);
    if (!N)
      return;
    report(BK_MismatchedRelease, S->From,
           "mismatched release: an fd is released with '" + Fn +
               "', which releases another kind of resource; close it with "
               "'close'",
           N, C, {Sym}, Call.getArgExpr(E.Index));
    Pred = N;
    // Released from here: a later close(fd) is a double close.
    State = State->set<FdMap>(Sym, FS->with(FdState::Closed));
  }
  if (Changed)
    C.addTransition(State, Pred);
}

/// A call the engine has no summary for and the analyzer did not inline:
/// an owned fd passed to it by value is handed on (it may be stored, or
/// closed, there).  Variadic arguments (printf("%d", fd)) are not.
void FdEngine::checkPostCall(const CallEvent &Call, CheckerContext &C) const {
  if (C.getState()->get<HeapCallSite>() == Call.getOriginExpr() &&
      Call.getOriginExpr()) {
    heapPostCall(Call, C); // realloc, functions that free an object
    return;
  }
  if (C.wasInlined)
    return;
  // A fanotify event given to the call: its fd is the callee's.
  if (ProgramStateRef S = C.getState(), Next = receivedEventPassed(Call, S);
      Next != S) {
    C.addTransition(Next);
    return;
  }
  // A function of the unit that never returns on any path (it exits or
  // execs), evaluated without its body: the path ends here.
  if (const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
      FD && neverReturns(
                FD, C.getAnalysisManager().getAnalysisDeclContextManager())) {
    C.generateSink(C.getState(), C.getPredecessor());
    return;
  }
  if (const FnSummary *S = summaryFor(Call)) {
    ProgramStateRef State = C.getState(), Next = State;
    if (S->has(SF_Forks))
      if (SymbolRef R = Call.getReturnValue().getAsSymbol())
        Next = Next->add<ForkRets>(R);
    if (S->has(SF_CopiesBytes))
      Next = receivedCopyAfter(Call, Next)->remove<EscapeExempt>();
    if (S->has(SF_CheckOnly))
      Next = dirPostCall(*S, Call, Next);
    if (Next != State)
      C.addTransition(Next);
    return;
  }
  ProgramStateRef State = C.getState();
  if (!hasEngineState(State))
    return;
  bool Changed = false;
  // An unknown call may open fds, which take the lowest free numbers.
  if (!State->get<ClosedConsts>().isEmpty()) {
    State = State->remove<ClosedConsts>();
    Changed = true;
  }
  // Through a function pointer there is no declaration: the arguments'
  // own types say what is passed.
  bool NoDecl = Call.getDecl() == nullptr;
  for (unsigned I = 0, N = Call.getNumArgs(); I < N; ++I) {
    QualType T;
    if (I < Call.parameters().size())
      T = Call.parameters()[I]->getType();
    else if (NoDecl && Call.getArgExpr(I))
      T = Call.getArgExpr(I)->getType();
    else
      break; // variadic

    if (!isFdValueType(T))
      continue;
    FdArg A = fdOfValue(Call.getArgSVal(I), T, State);
    SymbolRef Sym = A.sym();
    const FdState *FS = Sym ? State->get<FdMap>(Sym) : nullptr;
    if (FS && FS->K == FdState::Owned) {
      State = State->remove<FdMap>(Sym);
      Changed = true;
    }
    if (Sym && State->get<HeapFds>(Sym)) { // handed on from its object
      State = State->remove<HeapFds>(Sym);
      Changed = true;
    }
  }
  if (Changed)
    C.addTransition(State);
}

bool FdEngine::heldByAutoVar(ProgramStateRef State, SymbolRef Sym) const {
  for (const MemRegion *R : State->get<AutoVars>()) {
    const auto *VR = dyn_cast<VarRegion>(R);
    if (!VR)
      continue;
    const MemRegion *H = holderOf(VR, VR->getValueType(), State);
    if (H && State->getSVal(H).getAsSymbol() == Sym)
      return true;
  }
  return false;
}

void FdEngine::checkLiveSymbols(ProgramStateRef State, SymbolReaper &SR) const {
  if (!hasEngineState(State))
    return;
  receivedLive(State, SR); // ReceivedFds.cpp
  // fork's result decides, at a report, whether the path is the child's.
  for (SymbolRef R : State->get<ForkRets>())
    SR.markLive(R);
  // A bind's result, while its socket lives (checkDeadSymbols drops the
  // entry with the socket): whether it failed decides the socket's phase.
  for (const auto &[Sock, R] : State->get<PendingBinds>())
    SR.markLive(R);
  // An fd stored through a parameter, and where: what the function returns
  // decides whether it leaked (TopFrame.cpp).
  for (const auto &[Sym, Where] : State->get<OutFds>()) {
    SR.markLive(Sym);
    SR.markLive(Where);
  }
  for (const auto &[Sym, Where] : State->get<HeapFds>())
    SR.markLive(Sym);
  for (const auto &[Sym, Where] : State->get<HeapCallFds>())
    SR.markLive(Sym);
  // A borrow keeps its owner's state, so that a use of the borrow after
  // the owner is closed is still recognised.
  // A view's stream keeps its borrowed fd (StreamHandOffs.cpp) until the
  // stream itself is dead (checkDeadSymbols drops the pair then).
  for (const auto &[Str, Fd] : State->get<StreamFds>())
    if (const FdState *FS = State->get<FdMap>(Fd);
        FS && FS->K == FdState::Borrowed)
      SR.markLive(Fd);
  for (const auto &[Sym, FS] : State->get<FdMap>()) {
    if (FS.K == FdState::Borrowed && FS.Owner && SR.isLive(Sym))
      SR.markLive(FS.Owner);
    // The analysed function's annotated parameters: their constraints
    // (fd < 0 on a path) are needed when the function ends.
    // For one read through a pointer parameter (fd->raw), the pointer's
    // too: whether it was NULL on the path (TopFrame.cpp, heldThroughNull).
    if (FS.K == FdState::ReleasesParam || FS.K == FdState::UsesParam) {
      SR.markLive(Sym);
      if (const auto *RV = dyn_cast<SymbolRegionValue>(Sym))
        if (const SymbolicRegion *B = RV->getRegion()->getSymbolicBase())
          SR.markLive(B->getSymbol());
    }
    // An unchecked out-parameter fd's status: the constraints on it (the
    // program's own check, or unix.StdCLibraryFunctions' split of pipe's
    // result into 0 and -1 right after the call) say whether it succeeded
    // (posix-stdclib.c).
    if (FS.Unchecked && FS.Status && SR.isLive(Sym))
      SR.markLive(FS.Status);
  }
}

void FdEngine::checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const {
  if (!hasEngineState(C.getState()))
    return;
  ProgramStateRef State = receivedDead(SR, C.getState());
  State = heapDeadSymbols(State, SR, C);
  for (const auto &[Where, Sym] : State->get<StoredFds>())
    if (!SR.isLive(Sym) || !SR.isLiveRegion(Where))
      State = State->remove<StoredFds>(Where);
  for (const auto &[Str, Fd] : State->get<StreamFds>())
    if (!SR.isLive(Str) || !SR.isLive(Fd))
      State = State->remove<StreamFds>(Str);
  for (const auto &[Sock, R] : State->get<PendingBinds>())
    if (!SR.isLive(Sock))
      State = State->remove<PendingBinds>(Sock);
  // A failed fd's -1 lives one purge past its symbol (FdState.h).
  for (const auto &[F, Flags] : State->get<FailedFds>())
    if (Flags & FailedGone)
      State = State->remove<FailedFds>(F);
    else if (!SR.isLive(F))
      State = State->set<FailedFds>(F, Flags | FailedGone);
  SValBuilder &SVB = C.getSValBuilder();
  llvm::SmallVector<std::pair<SymbolRef, FdState>, 2> Leaked;
  // The dead fds leave the map together: one new state, not one each.
  // Each is judged in the state before this purge (Before), whose store
  // still holds the dying bindings (checkers see the state before it is
  // cleaned).
  const ProgramStateRef Before = State;
  FdMapTy M = State->get<FdMap>(), Left = M;
  auto &F = State->get_context<FdMap>();
  bool Removed = false;
  for (const auto &[Sym, FS] : M) {
    if (SR.isLive(Sym))
      continue;
    // A symbol standing for a region's initial value (a parameter's fd)
    // can come back: reading the region again, through a copy of the
    // struct, yields it anew.  Keep what the engine knows about it, except
    // ownership (an owned fd no one references is leaked).
    if (!FS.isOwned() && isa<SymbolRegionValue, SymbolDerived>(Sym))
      continue;
    Left = F.remove(Left, Sym);
    Removed = true;
    if (!FS.isOwned())
      continue;
    // An iosafe_auto_fd's content is known from the store: its cleanup
    // closes it.
    if (heldByAutoVar(Before, Sym))
      continue;
    InAssume = true;
    Outcome O = resolve(Before, Sym, FS.Status, SVB);
    InAssume = false;
    if (O.FailureCertain) {
      // It never held a descriptor on this path.  Tested by the program
      // (unix.StdCLibraryFunctions decided it, then `if (fd == -1)`), a
      // later use of its -1 is a use of the failed fd (Checks.cpp).
      if (FS.Unchecked && FS.Tested && !FS.Status &&
          FS.source() == Source::PosixFd)
        State = State->set<FailedFds>(Sym, FailedTested | FailedGone);
      continue;
    }
    Leaked.push_back({Sym, FS});
  }
  if (Removed)
    State = State->set<FdMap>(Left);
  llvm::SmallVector<std::pair<SymbolRef, Source>, 1> LeakedDirs;
  State = dirDead(SR, State, LeakedDirs);
  // An iosafe_auto_fd out of scope holds nothing any more (its binding is
  // gone from the store); dropped after the leaks above were decided, which
  // read it in the state before this purge.
  for (const MemRegion *R : State->get<AutoVars>())
    if (!SR.isLiveRegion(R))
      State = State->remove<AutoVars>(R);
  // So is an owner left none that nothing reads again, unless a borrow
  // of it is still tracked: the borrow's use is then a borrow that outlives
  // its owner (goneUnder, FdValues.cpp).
  for (const auto &[R, Info] : State->get<GoneOwners>()) {
    if (SR.isLiveRegion(R))
      continue;
    FdMapTy M = State->get<FdMap>();
    bool Borrowed = anyEntry(M, [R = R](const auto &E) {
      const FdState &FS = E.second;
      return FS.K == FdState::Borrowed && FS.OwnerRegion &&
             (FS.OwnerRegion == R || R->isSubRegionOf(FS.OwnerRegion) ||
              FS.OwnerRegion->isSubRegionOf(R));
    });
    if (!Borrowed)
      State = State->remove<GoneOwners>(R);
  }
  // Only where this purge changes the state anyway: a state change of its
  // own would cost a node.
  if (State != C.getState())
    State = dropEmptyTraits(State);
  if (Leaked.empty() && LeakedDirs.empty()) {
    C.addTransition(State);
    return;
  }
  // Each leak still goes through the suppression rules
  // (LeakHeuristics.cpp) as it is reported.
  ExplodedNode *N = C.generateNonFatalErrorNode(State);
  if (!N)
    return;
  for (const auto &[Sym, FS] : Leaked)
    reportLeak(Sym, FS.source(), /*Dir=*/false, FS.PairIdx, N, C);
  for (const auto &[D, Src] : LeakedDirs)
    reportLeak(D, Src, /*Dir=*/true, 0, N, C);
}

// ---------------------------------------------------------------------------
// Escapes

ProgramStateRef FdEngine::checkPointerEscape(ProgramStateRef State,
                                             const InvalidatedSymbols &Escaped,
                                             const CallEvent *Call,
                                             PointerEscapeKind) const {
  if (!hasEngineState(State))
    return State;
  State = dirEscape(State, Escaped, Call);
  // poll(2) and the like only read the fds in their arguments' memory.
  if (Call)
    if (const FnSummary *S = summaryFor(*Call); S && S->has(SF_KeepsNoFd))
      return State;
  // A heap object that escapes (to an unknown function, which may close
  // its fd or keep the object) no longer leaks what it holds when freed.
  for (const auto &[Sym, Where] : State->get<HeapFds>())
    if (const auto *SR = dyn_cast<SymbolicRegion>(Where->getBaseRegion());
        SR && Escaped.count(SR->getSymbol()))
      State = State->remove<HeapFds>(Sym);
  FdMapTy M = State->get<FdMap>();
  if (M.isEmpty())
    return State;
  auto Exempt = State->get<EscapeExempt>();
  // One new map, and one new state, for all the fds that escape.
  FdMapTy Left = M;
  auto &F = State->get_context<FdMap>();
  bool Changed = false;
  for (SymbolRef Sym : Escaped) {
    if (Exempt.contains(Sym) || llvm::is_contained(CallExempt, Sym))
      continue;
    const FdState *FS = M.lookup(Sym);
    if (!FS)
      continue;
    if (FS->K == FdState::Owned || FS->K == FdState::ReleasesParam ||
        FS->K == FdState::Borrowed) {
      Left = F.remove(Left, Sym);
      Changed = true;
    }
  }
  return Changed ? State->set<FdMap>(Left) : State;
}

void FdEngine::checkBind(SVal Loc, SVal Val, const Stmt *S,
                         CheckerContext &C) const {
  const MemRegion *R = Loc.getAsRegion();
  if (!R || !hasEngineState(C.getState()))
    return;
  ProgramStateRef State = C.getState();
  ProgramStateRef Orig = State;
  // A new value in an owner: it is no longer moved-from or closed.
  for (const auto &[G, Info] : State->get<GoneOwners>())
    if (G == R || G->isSubRegionOf(R))
      State = State->remove<GoneOwners>(G);

  QualType T;
  if (const auto *TR = dyn_cast<TypedValueRegion>(R))
    T = TR->getValueType();
  else if (const auto *SymR = dyn_cast<SymbolicRegion>(R))
    T = SymR->getPointeeStaticType(); // *p = v through a pointer parameter
  if (!T.isNull() && T->isRecordType() &&
      isa<StackSpaceRegion>(R->getMemorySpace())) {
    llvm::SmallVector<SymbolRef, 2> Syms;
    symbolsOf(Val, Syms, 0);
    for (SymbolRef Sym : Syms)
      if (const FdState *FS = State->get<FdMap>(Sym);
          FS && FS->K == FdState::Owned)
        State = State->set<StoredFds>(R, Sym);
  }
  if (!T.isNull() && T->isIntegerType() && R->getBaseRegion() != R &&
      isa<StackSpaceRegion>(R->getMemorySpace()))
    if (SymbolRef Sym = Val.getAsSymbol())
      if (const FdState *FS = State->get<FdMap>(Sym);
          FS && FS->K == FdState::Owned)
        State = State->set<StoredFds>(R, Sym);
  if (!T.isNull() && isFdValueType(T)) {
    FdArg A = fdOfValue(Val, T, State);
    SymbolRef Sym = A.sym();
    const FdState *FS = Sym ? State->get<FdMap>(Sym) : nullptr;
    if (FS && (FS->K == FdState::Owned || FS->K == FdState::ReleasesParam) &&
        !isa<StackSpaceRegion>(R->getMemorySpace())) {
      // Stored where the caller can reach it (*out = fd, a global, the
      // heap): handed on.  The analyzer's own escape-on-bind misses an fd
      // inside a struct copied by value (*dst = src).
      State = State->remove<FdMap>(Sym);
      // Through a pointer parameter of the analysed function (*out, or an
      // element of an array parameter): handed on only if the function
      // returns success (TopFrame.cpp).  A field of an object the caller
      // passed (srv->fd) is not an out-parameter: the object's owner
      // releases its fields whatever the call returned.
      if (const auto *SR = dyn_cast<SymbolicRegion>(R->getBaseRegion());
          SR && !isa<FieldRegion>(R))
        if (const auto *RV = dyn_cast<SymbolRegionValue>(SR->getSymbol()))
          if (const auto *VR = dyn_cast<VarRegion>(RV->getRegion());
              VR && isa<ParmVarDecl>(VR->getDecl()) && C.inTopFrame() &&
              FS->K == FdState::Owned && FS->source() == Source::PosixFd)
            State = State->set<OutFds>(Sym, R);
      // In a heap object (malloc'd: unix.Malloc's heap space): leaked if
      // the object is freed with the fd still in it (checkPreCall).
      if (isa<HeapSpaceRegion>(R->getMemorySpace()) &&
          FS->source() == Source::PosixFd)
        State = State->set<HeapFds>(Sym, R);
    } else if (FS && FS->K == FdState::Owned && !isTrackable(R) &&
               isa<StackSpaceRegion>(R->getMemorySpace())) {
      // An array element at an unknown index: the analysis cannot tell
      // which element is closed later.  Handed on.
      State = State->remove<FdMap>(Sym);
    }
    if (FS && FS->K == FdState::Borrowed && FS->OwnerRegion &&
        isa<StackSpaceRegion>(FS->OwnerRegion->getMemorySpace()) &&
        !isa<StackSpaceRegion>(R->getMemorySpace())) {
      ExplodedNode *N = C.generateNonFatalErrorNode(State);
      report(BK_BorrowOutlivesOwner, Source(FS->Src),
             "borrow outlives owner: a borrow of a local owner is stored in "
             "memory that outlives it",
             N, C, {Sym, FS->Owner}, dyn_cast_or_null<Expr>(S));
      if (N)
        C.addTransition(State, N);
      return;
    }
  }
  if (State != Orig)
    C.addTransition(State);
}

void FdEngine::checkPostStmt(const DeclStmt *DS, CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  bool Changed = false;
  for (const Decl *D : DS->decls()) {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD)
      continue;
    // The cleanup attribute was removed for the analysis (AutoCleanup.cpp);
    // if it is still there (the action did not run), read it.
    const FunctionDecl *Cleanup = autoCleanupOf(VD);
    if (!Cleanup)
      if (const auto *CA = VD->getAttr<CleanupAttr>())
        Cleanup = CA->getFunctionDecl();
    if (!Cleanup || !releasesFirstParam(Cleanup, Enabled))
      continue;
    const MemRegion *R = State->getRegion(VD, C.getLocationContext());
    State = State->add<AutoVars>(R);
    Changed = true;
  }
  if (Changed)
    C.addTransition(State);
}

} // namespace iosafe
