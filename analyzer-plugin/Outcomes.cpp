// SPDX-License-Identifier: MIT
//
// analyzer-plugin/Outcomes.cpp: whether an acquisition succeeded, as the
// program tests it and as the constraints decide it.
//
// "unchecked fd" asks whether the program tested the result before using
// it, not whether the analysis can tell success from failure: with
// unix.StdCLibraryFunctions on (as iosafe-check runs it), open, socket,
// pipe, socketpair and others are split into success and failure right
// after the call, so the constraints alone would call every fd "checked"
// and a later `if (pipe(p) != 0)` decides nothing, so no evalAssume sees it
// (dropbear's dbutil.c; posix-stdclib.c).  A test is a comparison, a `!`,
// or a branch condition whose value involves the fd or the acquirer's
// status, evaluated on the path (markTested).  Independently, an unchecked
// acquisition becomes checked when a branch makes its success or its
// failure certain (evalAssume): then success also constrains fd >= 0,
// failure fd == -1 (*out none).

#include "Engine.h"

#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SymbolManager.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;
using namespace clang::ento;

namespace iosafe {

namespace {
/// The symbols a value involves, collected once: SVal::symbols() walks the
/// value's symbolic expression again on every call, and the callbacks
/// below ask about each fd in the map.
using SymSet = llvm::SmallPtrSet<SymbolRef, 8>;
SymSet symbolSet(SVal V) {
  SymSet Out;
  for (SymbolRef X : V.symbols())
    Out.insert(X);
  return Out;
}
/// Whether an unchecked fd's value or status is among Syms.
bool mentions(const SymSet &Syms, SymbolRef Sym, const FdState &FS) {
  return Syms.count(Sym) || (FS.Status && Syms.count(FS.Status));
}
} // namespace

/// A borrow of an fd is its owner's number (effectBorrowRet).  Where a
/// condition tests borrows, each is made equal to its owner's fd here, and
/// the owner joins Syms: what the test decides of the borrow, it decides of
/// the owner.  nullptr when the equality contradicts the path.
static ProgramStateRef linkBorrows(ProgramStateRef State, SymSet &Syms,
                                   bool &InAssume) {
  llvm::SmallVector<std::pair<SymbolRef, SymbolRef>, 2> Links;
  for (SymbolRef X : Syms)
    if (const FdState *FS = State->get<FdMap>(X);
        FS && FS->K == FdState::Borrowed && FS->Owner)
      Links.push_back({X, FS->Owner});
  SValBuilder &SVB = State->getStateManager().getSValBuilder();
  for (const auto &[B, O] : Links) {
    SVal Eq = SVB.evalBinOp(State, BO_EQ, SVB.makeSymbolVal(B),
                            SVB.makeSymbolVal(O), SVB.getConditionType());
    if (auto DEq = Eq.getAs<DefinedOrUnknownSVal>()) {
      bool Was = InAssume;
      InAssume = true;
      State = State->assume(*DEq, true);
      InAssume = Was;
      if (!State)
        return nullptr;
    }
    Syms.insert(O);
  }
  return State;
}

ProgramStateRef FdEngine::markTested(ProgramStateRef State, SVal V) const {
  if (V.isUnknownOrUndef())
    return State;
  SymSet Syms = symbolSet(V);
  if (Syms.empty())
    return State;
  // A tested borrow tests its owner (linkBorrows).
  for (SymbolRef X : SymSet(Syms))
    if (const FdState *FS = State->get<FdMap>(X);
        FS && FS->K == FdState::Borrowed && FS->Owner)
      Syms.insert(FS->Owner);
  for (SymbolRef X : Syms)
    if (const unsigned char *T = State->get<FailedFds>(X);
        T && !(*T & FailedTested))
      State = State->set<FailedFds>(X, *T | FailedTested);
  FdMapTy M = State->get<FdMap>(), Next = M;
  auto &F = State->get_context<FdMap>();
  bool Changed = false;
  for (const auto &[Sym, FS] : M)
    if (FS.Unchecked && !FS.Tested && mentions(Syms, Sym, FS)) {
      FdState NS = FS;
      NS.Tested = true;
      Next = F.add(Next, Sym, NS);
      Changed = true;
    }
  return Changed ? State->set<FdMap>(Next) : State;
}

ProgramStateRef FdEngine::markTested(ProgramStateRef State, const Expr *E,
                                     CheckerContext &C) const {
  if (!E)
    return State;
  State = markTested(State, C.getSVal(E));
  // A variable that holds a value the analysis knows exactly reads as that
  // constant (ProgramState::getSVal), so `rc = pipe(p); if (rc)` under
  // unix.StdCLibraryFunctions would show no symbol: the raw binding does.
  if (auto L = operandLoc(E, State, C.getLocationContext()))
    State = markTested(State, State->getRawSVal(*L, E->getType()));
  return State;
}

void FdEngine::testedBy(ArrayRef<const Expr *> Operands,
                        CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  if (!hasEngineState(State))
    return;
  // Only an untested unchecked fd, or an untested failed one, can change
  // (a tested borrow tests its owner, which must be one of them): most
  // comparisons of a program meet none.
  auto Untested = [](const auto &E) {
    return E.second.Unchecked && !E.second.Tested;
  };
  auto UntestedFailed = [](const auto &E) {
    return !(E.second & FailedTested);
  };
  if (!anyEntry(State->get<FdMap>(), Untested) &&
      !anyEntry(State->get<FailedFds>(), UntestedFailed))
    return;
  ProgramStateRef Next = State;
  for (const Expr *E : Operands)
    Next = markTested(Next, E, C);
  if (Next != State)
    C.addTransition(Next);
}

void FdEngine::checkPreStmt(const BinaryOperator *BO, CheckerContext &C) const {
  if (BO->isComparisonOp())
    testedBy({BO->getLHS(), BO->getRHS()}, C);
}

void FdEngine::checkPreStmt(const UnaryOperator *UO, CheckerContext &C) const {
  if (UO->getOpcode() == UO_LNot)
    testedBy({UO->getSubExpr()}, C);
}

void FdEngine::checkBranchCondition(const Stmt *Cond, CheckerContext &C) const {
  if (const auto *E = dyn_cast<Expr>(Cond))
    testedBy({E}, C);
}

/// The link between an out-parameter acquirer's status and its fds (pipe,
/// socketpair: 0 and fds >= 0, or -1 and no fd), which evalAssume makes
/// when a branch decides the status.  With unix.StdCLibraryFunctions on,
/// that checker decides it right after the call, in its own post-call,
/// and no later branch does (posix-stdclib.c): the link is made here, after
/// every checker's post-call (PostStmt<CallExpr>).  The fds stay unchecked
/// until the program tests the status.
void FdEngine::checkPostStmt(const CallExpr *CE, CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  if (!hasEngineState(State))
    return;
  if (State->get<HeapCallSite>() == CE) { // realloc (HeapObjects.cpp)
    heapRealloc(CE, C);
    return;
  }
  if (State->get<FdMap>().isEmpty())
    return;
  SValBuilder &SVB = C.getSValBuilder();
  ProgramStateRef Next = State;
  for (const auto &[Sym, FS] : State->get<FdMap>()) {
    const auto *St = dyn_cast_or_null<SymbolConjured>(FS.Status);
    if (!FS.Unchecked || !St || St->getStmt() != CE ||
        St->getCount() != C.blockCount())
      continue;
    InAssume = true;
    Outcome O = resolve(Next, Sym, FS.Status, SVB);
    if (O.SuccessCertain != O.FailureCertain)
      if (ProgramStateRef S2 =
              assumeCmp(Next, Sym, O.SuccessCertain ? BO_GE : BO_LT, 0, SVB))
        Next = S2;
    InAssume = false;
  }
  if (Next != State)
    C.addTransition(Next);
}

ProgramStateRef FdEngine::evalAssume(ProgramStateRef State, SVal Cond,
                                     bool) const {
  if (InAssume || !State || !hasEngineState(State))
    return State;
  FdMapTy M = State->get<FdMap>();
  // Only an unchecked owned fd (the loop below) or a borrow with a known
  // owner (linkBorrows) can change: most branches meet neither.
  if (!anyEntry(M, [](const auto &E) {
        const FdState &FS = E.second;
        return (FS.K == FdState::Owned && FS.Unchecked) ||
               (FS.K == FdState::Borrowed && FS.Owner);
      }))
    return State;
  SymSet CondSyms = symbolSet(Cond);
  if (CondSyms.empty())
    return State;
  State = linkBorrows(State, CondSyms, InAssume);
  if (!State)
    return nullptr;
  M = State->get<FdMap>();
  SValBuilder &SVB = State->getStateManager().getSValBuilder();
  for (const auto &[Sym, FS] : M) {
    if (FS.K != FdState::Owned || !FS.Unchecked || !mentions(CondSyms, Sym, FS))
      continue;
    InAssume = true;
    Outcome O = resolve(State, Sym, FS.Status, SVB);
    ProgramStateRef Next = State;
    if (O.SuccessCertain && !O.FailureCertain) {
      FdState NS = FS;
      NS.Unchecked = false;
      NS.Tested = false;
      NS.Status = nullptr;
      Next = State->set<FdMap>(Sym, NS);
      if (FS.Status) {
        // Success: a status >= 0 (0 for the acquirers constrained to 0 or
        // less at the call, a count for SF_StatusRet | SF_CountRet).
        Next = assumeCmp(Next, Sym, BO_GE, 0, SVB);
        Next = assumeCmp(Next, FS.Status, BO_GE, 0, SVB);
      }
    } else if (O.FailureCertain && !O.SuccessCertain) {
      Next = State->remove<FdMap>(Sym);
      // The returned fd is -1 here: a use of it is an unchecked fd.
      if (!FS.Status && FS.source() == Source::PosixFd)
        Next = Next->set<FailedFds>(Sym, FS.Tested ? FailedTested : 0);
      if (FS.Status) { // the acquirer leaves *out none on failure
        Next = assumeCmp(Next, Sym, BO_LT, 0, SVB);
        Next = assumeCmp(Next, FS.Status, BO_LT, 0, SVB);
      }
    } else if (O.FailureCertain && O.SuccessCertain) {
      Next = nullptr; // contradiction: this path cannot happen
    }
    InAssume = false;
    if (!Next)
      return nullptr;
    State = Next;
  }
  return State;
}

} // namespace iosafe
