// SPDX-License-Identifier: MIT
//
// analyzer-plugin/WinHandles.cpp: iosafe.WinHandle, the ownership of
// Windows handles and sockets: HANDLE (a pointer), SOCKET (an unsigned
// integer), HKEY, FindFirstFile's search handles, and libiosafe's one-field
// owners of them (iosafe_owned_handle, iosafe_owned_socket; win.h).  Its
// calls are the rows of WinModel.cpp.  Clang's own handle checker
// (FuchsiaHandleChecker) is wired to zx_handle_t; this one follows its
// shape: a map from a handle's symbol to its state, transitions at calls,
// leaks where a symbol dies.
//
// The bug types are the engine's (FdState.h): "fd leak", "double close",
// "use after close", "mismatched release" (a search handle given to
// CloseHandle, a socket to CloseHandle, a handle to closesocket ...) and
// "wrong handle sentinel": a handle tested against the failure value of
// the other convention while its own is still possible on the path
// (`if (h == NULL)` after CreateFileW, which fails with
// INVALID_HANDLE_VALUE; `if (h == INVALID_HANDLE_VALUE)` after
// OpenProcess, which fails with NULL; `s < 0` on a SOCKET, which is
// unsigned).
//
// A handle is not split at its acquisition: it stays one symbol, and the
// program's tests of it (or of the status of an out-parameter acquirer)
// constrain it.  A leak is a handle that dies while it may be valid on its
// path: not its failure value, and its acquirer's status may be success.
//
// Over the ~600-line guide (about 930 lines): the checker's state, its
// value helpers and its callbacks are one unit, as Clang's
// FuchsiaHandleChecker is one file; a third of it is evalCall, whose steps
// (uses, releases, the return value, out-parameters, HandleOrInvalid /
// HandleOrNull's split) read the same row.  The table is apart
// (WinModel.cpp).

#include "Engine.h"
#include "WinModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"

using namespace clang;
using namespace clang::ento;

namespace iosafe {

/// The state of one Windows handle symbol.
struct WinHState {
  bool Closed = false;
  WinFamily Fam = WinFamily::Kernel;
  /// The value the handle holds when its acquisition failed.
  WinSentinel Sent = WinSentinel::None;
  /// The status of an out-parameter acquirer, and what success is.
  WinStatus Stat = WinStatus::None;
  SymbolRef Status = nullptr;
  /// The function that acquired (or closed) it: a row's name.
  const char *By = nullptr;

  bool operator==(const WinHState &O) const {
    return Closed == O.Closed && Fam == O.Fam && Sent == O.Sent &&
           Stat == O.Stat && Status == O.Status && By == O.By;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddBoolean(Closed);
    ID.AddInteger(unsigned(Fam) << 16 | unsigned(Sent) << 8 | unsigned(Stat));
    ID.AddPointer(Status);
    ID.AddPointer(By);
  }
};

} // namespace iosafe

/// Each Windows handle iosafe.WinHandle knows, by its symbol.  Used by this
/// file only.
IOSAFE_STATE_TRAIT(
    WinHandleMap, llvm::ImmutableMap<clang::ento::SymbolRef, iosafe::WinHState>)
IOSAFE_OTHER_TRAIT_INDEX(WinHandleMap)

namespace iosafe {
/// A tracked handle cast to a pointer ((HANDLE)s), and its state before.
struct WinCast {
  clang::ento::SymbolRef Sym;
  WinHState Before;
  bool operator==(const WinCast &O) const {
    return Sym == O.Sym && Before == O.Before;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Sym);
    Before.Profile(ID);
  }
};
} // namespace iosafe
/// Integer-to-pointer casts of tracked handles (checkPreStmt<CastExpr>).
IOSAFE_STATE_TRAIT(WinCastHandles,
                   llvm::ImmutableMap<const clang::Stmt *, iosafe::WinCast>)
IOSAFE_OTHER_TRAIT_INDEX(WinCastHandles)

namespace iosafe {

namespace {

const char *releaseName(WinFamily F) {
  switch (F) {
  case WinFamily::Kernel: return "CloseHandle";
  case WinFamily::Socket: return "closesocket";
  case WinFamily::Find: return "FindClose";
  case WinFamily::RegKey: return "RegCloseKey";
  }
  return "?";
}

const char *familyNoun(WinFamily F) {
  switch (F) {
  case WinFamily::Kernel: return "handle";
  case WinFamily::Socket: return "socket";
  case WinFamily::Find: return "search handle";
  case WinFamily::RegKey: return "registry key";
  }
  return "handle";
}

const char *sentinelName(WinSentinel S, WinFamily F) {
  if (S == WinSentinel::Null)
    return "NULL";
  return F == WinFamily::Socket ? "INVALID_SOCKET" : "INVALID_HANDLE_VALUE";
}

/// The only field of a one-field struct (iosafe_owned_handle,
/// iosafe_owned_socket, their borrowed forms, HandleOrInvalid/Null).
const FieldDecl *onlyField(QualType T) {
  const RecordDecl *RD = T.isNull() ? nullptr : T->getAsRecordDecl();
  if (!RD || RD->isUnion() || !RD->getDefinition())
    return nullptr;
  RD = RD->getDefinition();
  auto It = RD->field_begin();
  if (It == RD->field_end() || std::next(It) != RD->field_end())
    return nullptr;
  // A HANDLE, or an integer as wide as one (SOCKET); not the int of
  // DECLARE_HANDLE's struct HKEY__ { int unused; }.
  QualType FT = It->getType();
  const ASTContext &Ctx = RD->getASTContext();
  bool Wide = FT->isIntegerType() &&
              Ctx.getTypeSize(FT) == Ctx.getTypeSize(Ctx.VoidPtrTy);
  return FT->isPointerType() || Wide ? *It : nullptr;
}

/// The handle a value of type T holds: the value itself, or the field of a
/// one-field struct.
SVal handleOfValue(SVal V, QualType T, ProgramStateRef State) {
  const FieldDecl *F = onlyField(T);
  if (!F)
    return V;
  if (auto CV = V.getAs<nonloc::CompoundVal>())
    return CV->begin() != CV->end() ? *CV->begin() : UnknownVal();
  if (auto LCV = V.getAs<nonloc::LazyCompoundVal>()) {
    const auto *SR = dyn_cast<SubRegion>(LCV->getRegion());
    if (!SR)
      return UnknownVal();
    const FieldRegion *FR = regions(State).getFieldRegion(F, SR);
    return State->getStateManager().getStoreManager().getBinding(
        LCV->getStore(), loc::MemRegionVal(FR));
  }
  return UnknownVal();
}

/// Where the handle a pointer of type PT points to is stored (a HANDLE
/// variable, or the field of a one-field owner), and its type.
const MemRegion *holderOf(SVal Ptr, QualType PT, ProgramStateRef State,
                          QualType &HT) {
  const MemRegion *R = Ptr.getAsRegion();
  if (!R || !PT->isPointerType())
    return nullptr;
  R = R->StripCasts();
  QualType P = PT->getPointeeType().getUnqualifiedType();
  if (const FieldDecl *F = onlyField(P)) {
    HT = F->getType();
    return State->getLValue(F, loc::MemRegionVal(R)).getAsRegion();
  }
  if (!P->isPointerType() && !P->isIntegerType())
    return nullptr;
  HT = P;
  const auto *SR = dyn_cast<SubRegion>(R);
  if (!SR)
    return nullptr;
  if (const auto *TR = dyn_cast<TypedValueRegion>(SR))
    if (TR->getValueType().getCanonicalType().getUnqualifiedType() ==
        P.getCanonicalType())
      return SR;
  SValBuilder &SVB = State->getStateManager().getSValBuilder();
  return regions(State).getElementRegion(P, SVB.makeArrayIndex(0), SR,
                                         SVB.getContext());
}

SVal symVal(SymbolRef Sym, SValBuilder &SVB) {
  if (Loc::isLocType(Sym->getType()))
    return SVB.makeLoc(Sym);
  return nonloc::SymbolVal(Sym);
}

/// The failure value S as a value of type T.
SVal sentinelVal(WinSentinel S, QualType T, SValBuilder &SVB) {
  if (S == WinSentinel::Null)
    return T->isPointerType() ? SVal(SVB.makeNullWithType(T))
                              : SVal(SVB.makeZeroVal(T));
  return SVB.makeIntVal(~uint64_t(0), T);
}

/// Whether `Sym Op K` may hold in State.
bool may(ProgramStateRef State, SymbolRef Sym, BinaryOperatorKind Op, SVal K,
         SValBuilder &SVB) {
  SVal Cond =
      SVB.evalBinOp(State, Op, symVal(Sym, SVB), K, SVB.getConditionType());
  auto DC = Cond.getAs<DefinedOrUnknownSVal>();
  return !DC || State->assume(*DC, true) != nullptr;
}

/// Whether the handle may be a valid one on this path.
bool mayBeValid(ProgramStateRef State, SymbolRef Sym, const WinHState &H,
                SValBuilder &SVB) {
  if (H.Status) {
    QualType ST = H.Status->getType();
    SVal Zero = SVB.makeZeroVal(ST);
    if (!may(State, H.Status, H.Stat == WinStatus::NonZero ? BO_NE : BO_EQ,
             Zero, SVB))
      return false;
  }
  if (H.Sent != WinSentinel::None &&
      !may(State, Sym, BO_NE, sentinelVal(H.Sent, Sym->getType(), SVB), SVB))
    return false;
  // No acquisition gives a NULL kernel object, search or registry handle,
  // nor INVALID_HANDLE_VALUE (GetCurrentProcess's pseudo-handle): on a path
  // where the handle is either (after a test of the wrong sentinel), no
  // handle was acquired.
  if (H.Fam != WinFamily::Socket && Loc::isLocType(Sym->getType())) {
    QualType T = Sym->getType();
    ProgramStateRef S = State;
    for (WinSentinel W : {WinSentinel::Null, WinSentinel::Invalid}) {
      SVal Cnd = SVB.evalBinOp(S, BO_NE, symVal(Sym, SVB),
                               sentinelVal(W, T, SVB), SVB.getConditionType());
      if (auto D = Cnd.getAs<DefinedOrUnknownSVal>())
        S = S->assume(*D, true);
      if (!S)
        return false;
    }
  }
  return true;
}

/// The value an explicit cast converts ((HANDLE)s: s; the analyzer has no
/// value for an integer symbol cast to a pointer).
const Expr *castOperand(const Expr *E) {
  E = E->IgnoreParens();
  while (const auto *CE = dyn_cast<ExplicitCastExpr>(E))
    E = CE->getSubExpr()->IgnoreParens();
  return E;
}

/// The symbol of the variable (or field) an explicit cast converts; its
/// value is read from the store, since the cast's operand is no longer in
/// the environment at the call.
SymbolRef castOperandSym(const Expr *E, ProgramStateRef State,
                         CheckerContext &C) {
  const Expr *In = castOperand(E);
  if (SymbolRef S = C.getSVal(In).getAsSymbol())
    return S;
  if (auto L = operandLoc(In, State, C.getLocationContext()))
    return State->getSVal(*L, In->getType()).getAsSymbol();
  return nullptr;
}

/// A libiosafe function (0 or a negative errno; none on failure).
bool isLibrary(const WinRow &R) {
  return StringRef(R.Name).starts_with("iosafe_");
}

bool inLibraryHeader(SourceLocation L, const SourceManager &SM) {
  if (L.isInvalid())
    return false;
  if (SM.isInSystemHeader(L))
    return true;
  StringRef File = SM.getFilename(SM.getSpellingLoc(L));
  return File.contains("iosafe/");
}

/// libiosafe's Windows owners (the types of iosafe_auto_handle and
/// iosafe_auto_sock).
bool isWinOwner(QualType T) {
  const RecordDecl *RD = T.isNull() ? nullptr : T->getAsRecordDecl();
  return RD && RD->getIdentifier() &&
         (RD->getName() == "iosafe_owned_handle" ||
          RD->getName() == "iosafe_owned_socket");
}

/// Whether an iosafe_auto_handle or iosafe_auto_sock variable (AutoVars,
/// AutoCleanup.cpp) holds Sym.
bool heldByAutoVar(ProgramStateRef State, SymbolRef Sym) {
  for (const MemRegion *R : State->get<AutoVars>()) {
    const auto *VR = dyn_cast<VarRegion>(R);
    if (!VR)
      continue;
    QualType T = VR->getValueType();
    const FieldDecl *F = onlyField(T);
    const MemRegion *H = VR;
    if (F)
      H = regions(State).getFieldRegion(F, VR);
    if (State->getSVal(H).getAsSymbol() == Sym)
      return true;
  }
  return false;
}

class WinHandleChecker
    : public Checker<eval::Call, check::PreCall, check::DeadSymbols,
                     check::LiveSymbols, check::PointerEscape,
                     check::PreStmt<BinaryOperator>,
                     check::PreStmt<UnaryOperator>, check::BranchCondition,
                     check::PreStmt<ReturnStmt>, check::PostStmt<DeclStmt>,
                     check::PreStmt<CastExpr>> {
public:
  WinHandleChecker() {
    for (unsigned K = 0; K < NumBugKinds; ++K)
      BT[K] = std::make_unique<BugType>(this, bugKindName(BugKind(K)),
                                        "iosafe ownership",
                                        /*SuppressOnSink=*/false);
  }

  bool evalCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const;
  void checkLiveSymbols(ProgramStateRef State, SymbolReaper &SR) const;
  ProgramStateRef checkPointerEscape(ProgramStateRef State,
                                     const InvalidatedSymbols &Escaped,
                                     const CallEvent *Call,
                                     PointerEscapeKind Kind) const;
  void checkPreStmt(const BinaryOperator *BO, CheckerContext &C) const;
  void checkPreStmt(const UnaryOperator *UO, CheckerContext &C) const;
  void checkBranchCondition(const Stmt *Cond, CheckerContext &C) const;
  void checkPreStmt(const ReturnStmt *RS, CheckerContext &C) const;
  void checkPostStmt(const DeclStmt *DS, CheckerContext &C) const;
  void checkPreStmt(const CastExpr *CE, CheckerContext &C) const;

private:
  std::unique_ptr<BugType> BT[NumBugKinds];

  /// The release or use of argument I; false when a report ended the path.
  ProgramStateRef checkArg(const CallEvent &Call, const WinRow &R, unsigned I,
                           bool Release, ProgramStateRef State,
                           CheckerContext &C, ExplodedNode *&Pred) const;
  void report(BugKind K, std::string Msg, ExplodedNode *N, SymbolRef Sym,
              const Expr *E, CheckerContext &C) const;
  void reportLeak(SymbolRef Sym, const WinHState &H, ExplodedNode *N,
                  CheckerContext &C) const;
  /// A test of the value of E against the constant K (== / != when Eq,
  /// else an ordering).
  void checkTest(const Expr *E, SVal K, bool Eq, const Expr *Whole,
                 CheckerContext &C) const;
  const NoteTag *note(CheckerContext &C, SymbolRef Sym, std::string Msg) const {
    return C.getNoteTag([Sym, Msg](PathSensitiveBugReport &BR) -> std::string {
      return BR.isInteresting(Sym) ? Msg : std::string();
    });
  }
};

void WinHandleChecker::report(BugKind K, std::string Msg, ExplodedNode *N,
                              SymbolRef Sym, const Expr *E,
                              CheckerContext &C) const {
  if (!N || suppressed(K, N))
    return;
  auto R = std::make_unique<PathSensitiveBugReport>(*BT[K], Msg, N);
  if (Sym)
    R->markInteresting(Sym);
  if (E)
    R->addRange(E->getSourceRange());
  C.emitReport(std::move(R));
}

void WinHandleChecker::reportLeak(SymbolRef Sym, const WinHState &H,
                                  ExplodedNode *N, CheckerContext &C) const {
  // The acquisition: the oldest node of this path where the handle is
  // tracked.
  const ExplodedNode *Acq = nullptr;
  for (const ExplodedNode *P = N->getFirstPred(); P; P = P->getFirstPred()) {
    if (!P->getState()->get<WinHandleMap>(Sym))
      break;
    Acq = P;
  }
  if (suppressed(BK_Leak, N, Sym, Acq))
    return;
  PathDiagnosticLocation Loc;
  const Decl *UniqueDecl = nullptr;
  if (Acq)
    if (const Stmt *S = Acq->getStmtForDiagnostics()) {
      Loc = PathDiagnosticLocation::createBegin(S, C.getSourceManager(),
                                                Acq->getLocationContext());
      UniqueDecl = Acq->getLocationContext()->getDecl();
    }
  std::string Msg = std::string("fd leak: the ") + familyNoun(H.Fam) +
                    " acquired by '" + (H.By ? H.By : "?") +
                    "' is not closed with " + releaseName(H.Fam) +
                    " or handed on";
  auto R = std::make_unique<PathSensitiveBugReport>(*BT[BK_Leak], Msg, N, Loc,
                                                    UniqueDecl);
  addLeakPointRange(*R, Sym, Acq); // uniqued by (acquisition, leak point)
  R->markInteresting(Sym);
  C.emitReport(std::move(R));
}

ProgramStateRef WinHandleChecker::checkArg(const CallEvent &Call,
                                           const WinRow &R, unsigned I,
                                           bool Release, ProgramStateRef State,
                                           CheckerContext &C,
                                           ExplodedNode *&Pred) const {
  if (I >= Call.getNumArgs() || I >= Call.parameters().size())
    return State;
  QualType PT = Call.parameters()[I]->getType();
  SVal V;
  QualType HT;
  const MemRegion *Holder = nullptr;
  if (PT->isPointerType() && onlyField(PT->getPointeeType())) {
    Holder = holderOf(Call.getArgSVal(I), PT, State, HT);
    if (!Holder)
      return State;
    V = State->getSVal(Holder, HT);
  } else {
    V = handleOfValue(Call.getArgSVal(I), PT, State);
  }
  const Expr *E = Call.getArgExpr(I);
  SymbolRef Sym = V.getAsSymbol();
  if (!Holder && (!Sym || !State->get<WinHandleMap>(Sym)))
    // Through a cast between handle types ((HANDLE)s, (SOCKET)h).
    if (SymbolRef Inner = castOperandSym(E, State, C);
        Inner && State->get<WinHandleMap>(Inner))
      Sym = Inner;
  if (const WinCast *WC =
          Holder ? nullptr
                 : State->get<WinCastHandles>(E->IgnoreParenImpCasts())) {
    // (HANDLE)s passed straight on: the handle it was, as before the cast.
    Sym = WC->Sym;
    State = State->set<WinHandleMap>(Sym, WC->Before)
                ->remove<WinCastHandles>(E->IgnoreParenImpCasts());
  }
  if (!Sym)
    return State;
  const WinHState *H = State->get<WinHandleMap>(Sym);
  if (H && H->Closed) {
    ExplodedNode *N = C.generateErrorNode(State, Pred);
    report(Release ? BK_DoubleClose : BK_UseAfterClose,
           std::string(Release ? "double close" : "use after close") +
               ": the " + familyNoun(H->Fam) + " was already closed with '" +
               (H->By ? H->By : releaseName(H->Fam)) + "'",
           N, Sym, E, C);
    return nullptr;
  }
  if (!Release)
    return State;
  if (H && H->Fam != R.Fam) {
    ExplodedNode *N = C.generateNonFatalErrorNode(State, Pred);
    if (N) {
      report(BK_MismatchedRelease,
             std::string("mismatched release: the ") + familyNoun(H->Fam) +
                 " acquired by '" + (H->By ? H->By : "?") +
                 "' is released with '" + R.Name + "'; " + releaseName(H->Fam) +
                 " releases it",
             N, Sym, E, C);
      Pred = N;
    }
    // Not released: it still leaks, and is reported once for this.
    return State->remove<WinHandleMap>(Sym);
  }
  WinHState NH = H ? *H : WinHState();
  NH.Fam = R.Fam;
  NH.Closed = true;
  NH.By = R.Name;
  NH.Status = nullptr;
  State = State->set<WinHandleMap>(Sym, NH);
  if (Holder) // libiosafe's close and drop leave the owner none
    State = State->bindLoc(loc::MemRegionVal(Holder),
                           sentinelVal(R.Fam == WinFamily::Socket
                                           ? WinSentinel::Invalid
                                           : WinSentinel::Null,
                                       HT, C.getSValBuilder()),
                           C.getLocationContext());
  return State;
}

bool WinHandleChecker::evalCall(const CallEvent &Call,
                                CheckerContext &C) const {
  const WinRow *R = winRow(Call);
  const auto *CE = dyn_cast_or_null<CallExpr>(Call.getOriginExpr());
  if (!R || !CE)
    return false;
  // Uses are checked before the call (checkPreCall); the analyzer
  // evaluates the call itself.
  if (!R->RetAcquires && R->Out[0] < 0 && R->Close < 0)
    return false;
  ProgramStateRef State = C.getState();
  SValBuilder &SVB = C.getSValBuilder();
  const LocationContext *LC = C.getLocationContext();
  ExplodedNode *Pred = C.getPredecessor();
  llvm::SmallVector<std::pair<SymbolRef, std::string>, 3> Notes;

  for (int U : R->Use)
    if (U >= 0 &&
        !(State = checkArg(Call, *R, unsigned(U), false, State, C, Pred)))
      return true;
  // What the releases and moves act on, before the call changes it.
  SVal MoveVal = UnknownVal();
  if (R->MoveSrc >= 0 && unsigned(R->MoveSrc) < Call.getNumArgs())
    MoveVal = handleOfValue(Call.getArgSVal(R->MoveSrc),
                            Call.parameters()[R->MoveSrc]->getType(), State);
  if (R->Close >= 0) {
    SymbolRef Before = nullptr;
    {
      QualType HT;
      QualType PT = Call.parameters()[R->Close]->getType();
      SVal V = PT->isPointerType() && onlyField(PT->getPointeeType())
                   ? [&] {
                       const MemRegion *H =
                           holderOf(Call.getArgSVal(R->Close), PT, State, HT);
                       return H ? State->getSVal(H, HT) : SVal(UnknownVal());
                     }()
                   : handleOfValue(Call.getArgSVal(R->Close), PT, State);
      Before = V.getAsSymbol();
      if (!Before || !State->get<WinHandleMap>(Before))
        Before = castOperandSym(Call.getArgExpr(R->Close), State, C);
    }
    if (!(State = checkArg(Call, *R, unsigned(R->Close), true, State, C, Pred)))
      return true;
    if (Before && State->get<WinHandleMap>(Before))
      Notes.push_back(
          {Before, std::string(familyNoun(R->Fam)) + " closed here"});
  }
  if (R->Duplicate && Call.getNumArgs() == 7) {
    // DuplicateHandle(hSourceProcessHandle, hSourceHandle, ..., dwOptions):
    // DUPLICATE_CLOSE_SOURCE (1) "closes the source handle.  This occurs
    // regardless of any error status returned."
    if (auto O = Call.getArgSVal(6).getAs<nonloc::ConcreteInt>())
      if (O->getValue().getZExtValue() & 1) {
        WinRow Rel = *R;
        Rel.Name = "DuplicateHandle";
        if (!(State = checkArg(Call, Rel, 1, true, State, C, Pred)))
          return true;
      }
  }
  if (R->Invalidates)
    State = Call.invalidateRegions(C.blockCount(), State);

  // The return value: a new handle, or a status.
  QualType RT = Call.getResultType();
  SVal Ret = UnknownVal();
  if (!RT->isVoidType())
    Ret = SVB.conjureSymbolVal(nullptr, CE, LC, RT, C.blockCount());
  if (R->RetAcquires) {
    if (SymbolRef Sym = Ret.getAsSymbol()) {
      WinHState H;
      H.Fam = R->Fam;
      H.Sent = R->Sent;
      H.By = R->Name;
      State = State->set<WinHandleMap>(Sym, H);
      Notes.push_back({Sym, std::string(familyNoun(R->Fam)) + " opened here"});
    }
  }
  SymbolRef Status = R->RetAcquires ? nullptr : Ret.getAsSymbol();
  if (Status && R->Stat == WinStatus::Zero && RT->isIntegerType())
    // libiosafe: 0 or a negative errno; ERROR_SUCCESS or an error code.
    if (!RT->isUnsignedIntegerType() && isLibrary(*R)) {
      SVal Le = SVB.evalBinOp(State, BO_LE, Ret, SVB.makeZeroVal(RT),
                              SVB.getConditionType());
      if (auto D = Le.getAs<DefinedOrUnknownSVal>())
        if (ProgramStateRef S2 = State->assume(*D, true))
          State = S2;
    }
  bool Ours = true;
  if (R->Duplicate) {
    // The copy is this process's only when hTargetProcessHandle is
    // GetCurrentProcess()'s pseudo-handle, (HANDLE)-1.
    SVal Tgt = Call.getArgSVal(2);
    auto K = Tgt.getAs<loc::ConcreteInt>();
    Ours = K && K->getValue().isAllOnes();
    if (!Ours) {
      const auto *E = Call.getArgExpr(2)->IgnoreParenImpCasts();
      if (const auto *CE2 = dyn_cast<CallExpr>(E))
        if (const FunctionDecl *FD = CE2->getDirectCallee())
          Ours = FD->getIdentifier() && FD->getName() == "GetCurrentProcess";
    }
  }
  for (int O : R->Out) {
    if (O < 0 || unsigned(O) >= Call.getNumArgs())
      continue;
    QualType HT;
    const MemRegion *Holder = holderOf(
        Call.getArgSVal(O), Call.parameters()[O]->getType(), State, HT);
    if (!Holder)
      continue;
    SVal NewV;
    if (R->FromSentinel != WinSentinel::None) {
      // iosafe_handle_from_invalid/_null: the out-parameter takes over
      // argument 1's handle; the status is 0 exactly when it is not the
      // sentinel.
      NewV = handleOfValue(Call.getArgSVal(1), Call.parameters()[1]->getType(),
                           State);
      SymbolRef In = NewV.getAsSymbol();
      if (In && Status) {
        SVal Bad = sentinelVal(R->FromSentinel, In->getType(), SVB);
        SVal Z = SVB.makeZeroVal(RT);
        ProgramStateRef Fail = State;
        for (auto [Op, V, Sy] :
             {std::tuple{BO_EQ, Bad, In}, std::tuple{BO_LT, Z, Status}}) {
          if (!Fail)
            break;
          SVal Cnd = SVB.evalBinOp(Fail, Op, symVal(Sy, SVB), V,
                                   SVB.getConditionType());
          if (auto D = Cnd.getAs<DefinedOrUnknownSVal>())
            Fail = Fail->assume(*D, true);
        }
        if (Fail) {
          Fail = Fail->bindLoc(loc::MemRegionVal(Holder),
                               sentinelVal(WinSentinel::Null, HT, SVB), LC);
          Fail = Fail->remove<WinHandleMap>(In);
          C.addTransition(Fail->BindExpr(CE, LC, Ret), Pred);
        }
        for (auto [Op, V, Sy] :
             {std::tuple{BO_NE, Bad, In}, std::tuple{BO_EQ, Z, Status}}) {
          if (!State)
            break;
          SVal Cnd = SVB.evalBinOp(State, Op, symVal(Sy, SVB), V,
                                   SVB.getConditionType());
          if (auto D = Cnd.getAs<DefinedOrUnknownSVal>())
            State = State->assume(*D, true);
        }
        if (!State)
          return true;
      }
    } else {
      NewV = SVB.conjureSymbolVal(&R->Out[O == R->Out[0] ? 0 : 1], CE, LC, HT,
                                  C.blockCount());
    }
    State = State->bindLoc(loc::MemRegionVal(Holder), NewV, LC);
    SymbolRef Sym = NewV.getAsSymbol();
    if (!Sym || !Ours || !isTrackable(Holder))
      continue; // received into memory the caller shares: handed on
    WinHState H;
    if (const WinHState *Old = State->get<WinHandleMap>(Sym))
      H = *Old;
    H.Closed = false;
    H.Fam = R->Fam;
    H.By = H.By ? H.By : R->Name;
    if (R->FromSentinel == WinSentinel::None) {
      H.Stat = R->Stat;
      H.Status = Status;
      // libiosafe leaves the owner none on failure.
      if (isLibrary(*R))
        H.Sent = R->Fam == WinFamily::Socket ? WinSentinel::Invalid
                                             : WinSentinel::Null;
    } else {
      H.Sent = WinSentinel::None;
      H.Status = nullptr;
    }
    State = State->set<WinHandleMap>(Sym, H);
    Notes.push_back({Sym, std::string(familyNoun(R->Fam)) + " opened here"});
  }
  if (R->MoveSrc >= 0 && R->Close >= 0) {
    // iosafe_*_replace(dst, src): src's handle is now in *dst.
    QualType HT;
    if (const MemRegion *Holder =
            holderOf(Call.getArgSVal(R->Close),
                     Call.parameters()[R->Close]->getType(), State, HT))
      State = State->bindLoc(loc::MemRegionVal(Holder), MoveVal, LC);
  }
  if (!RT->isVoidType())
    State = State->BindExpr(CE, LC, Ret);
  const NoteTag *Tag = nullptr;
  if (!Notes.empty()) {
    auto Ns = Notes;
    Tag = C.getNoteTag([Ns](PathSensitiveBugReport &BR) -> std::string {
      for (const auto &[S, M] : Ns)
        if (BR.isInteresting(S))
          return M;
      return std::string();
    });
  }
  C.addTransition(State, Pred, Tag);
  return true;
}

void WinHandleChecker::checkPreCall(const CallEvent &Call,
                                    CheckerContext &C) const {
  const WinRow *R = winRow(Call);
  if (!R) {
    // A handle passed by value to a function with no row and no body is
    // handed on, as the engine hands on an fd (a HANDLE, a pointer, is
    // handed on by the analyzer's pointer escape; a SOCKET or a one-field
    // owner passed by value is not, so it is done here).  With no handle
    // tracked (any code for a POSIX target) there is none to hand on.
    if (C.getState()->get<WinHandleMap>().isEmpty())
      return;
    const Decl *D = Call.getRuntimeDefinition().getDecl();
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (FD && FD->hasBody())
      return;
    ProgramStateRef State = C.getState(), Old = State;
    for (unsigned I = 0, N = Call.getNumArgs(); I < N; ++I) {
      QualType T = I < Call.parameters().size()
                       ? Call.parameters()[I]->getType()
                       : Call.getArgExpr(I)->getType();
      SymbolRef Sym = handleOfValue(Call.getArgSVal(I), T, State).getAsSymbol();
      if (const WinHState *H = Sym ? State->get<WinHandleMap>(Sym) : nullptr;
          H && !H->Closed)
        State = State->remove<WinHandleMap>(Sym);
    }
    if (State != Old)
      C.addTransition(State);
    return;
  }
  // The uses of the rows the analyzer evaluates (ReadFile, send, ...).
  if (!R || R->RetAcquires || R->Out[0] >= 0 || R->Close >= 0)
    return;
  ProgramStateRef State = C.getState();
  ExplodedNode *Pred = C.getPredecessor();
  for (int U : R->Use)
    if (U >= 0 &&
        !(State = checkArg(Call, *R, unsigned(U), false, State, C, Pred)))
      return;
}

void WinHandleChecker::checkDeadSymbols(SymbolReaper &SR,
                                        CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  if (State->get<WinHandleMap>().isEmpty())
    return;
  SValBuilder &SVB = C.getSValBuilder();
  llvm::SmallVector<std::pair<SymbolRef, WinHState>, 2> Leaked;
  for (const auto &[Sym, H] : State->get<WinHandleMap>()) {
    if (!SR.isDead(Sym))
      continue;
    // The store still holds the dying bindings here: an
    // iosafe_auto_handle's or iosafe_auto_sock's content is known, and its
    // cleanup closes it.
    if (!H.Closed && mayBeValid(State, Sym, H, SVB) &&
        !heldByAutoVar(State, Sym))
      Leaked.push_back({Sym, H});
    State = State->remove<WinHandleMap>(Sym);
  }
  if (Leaked.empty()) {
    C.addTransition(State);
    return;
  }
  ExplodedNode *N = C.generateNonFatalErrorNode(State);
  if (!N)
    return;
  for (const auto &[Sym, H] : Leaked)
    reportLeak(Sym, H, N, C);
}

void WinHandleChecker::checkLiveSymbols(ProgramStateRef State,
                                        SymbolReaper &SR) const {
  for (const auto &[Sym, H] : State->get<WinHandleMap>())
    if (H.Status)
      SR.markLive(H.Status);
  // An iosafe_auto_handle or iosafe_auto_sock is read by its cleanup at
  // the end of its scope: its binding stays (the analysis no longer sees
  // that read, AutoCleanup.cpp), so that the handle it holds is known to
  // be closed when its symbol dies.
  for (const MemRegion *R : State->get<AutoVars>())
    if (const auto *VR = dyn_cast<VarRegion>(R))
      if (isWinOwner(VR->getValueType()))
        SR.markLive(VR);
}

ProgramStateRef WinHandleChecker::checkPointerEscape(
    ProgramStateRef State, const InvalidatedSymbols &Escaped,
    const CallEvent *Call, PointerEscapeKind Kind) const {
  // No handle tracked (any code for a POSIX target): nothing can escape.
  if (State->get<WinHandleMap>().isEmpty())
    return State;
  // A row's handle arguments are accounted for by the row, whether the
  // handle is the argument (a HANDLE) or a field of one passed by value (an
  // iosafe_borrowed_handle, which the analyzer invalidates as an indirect
  // escape).
  if (Call &&
      (Kind == PSK_DirectEscapeOnCall || Kind == PSK_IndirectEscapeOnCall))
    if (const WinRow *R = winRow(*Call); R && !R->Invalidates)
      return State;
  for (SymbolRef Sym : Escaped)
    if (const WinHState *H = State->get<WinHandleMap>(Sym); H && !H->Closed)
      State = State->remove<WinHandleMap>(Sym); // handed on
  return State;
}

/// (HANDLE)s: Clang 19 gives an integer symbol cast to a pointer no value
/// and lets it escape (handed on).  The handle it was is remembered for the
/// call the cast is passed to (checkArg), as the engine does for fds.
void WinHandleChecker::checkPreStmt(const CastExpr *CE,
                                    CheckerContext &C) const {
  if (CE->getCastKind() != CK_IntegralToPointer)
    return;
  ProgramStateRef State = C.getState();
  SymbolRef Sym = C.getSVal(CE->getSubExpr()).getAsSymbol();
  if (const WinHState *H = Sym ? State->get<WinHandleMap>(Sym) : nullptr)
    C.addTransition(State->set<WinCastHandles>(CE, WinCast{Sym, *H}));
  else if (State->get<WinCastHandles>(CE))
    C.addTransition(State->remove<WinCastHandles>(CE));
}

void WinHandleChecker::checkTest(const Expr *E, SVal K, bool Eq,
                                 const Expr *Whole, CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  if (State->get<WinHandleMap>().isEmpty() ||
      inLibraryHeader(Whole->getBeginLoc(), C.getSourceManager()))
    return;
  SymbolRef Sym = C.getSVal(E).getAsSymbol();
  const WinHState *H = Sym ? State->get<WinHandleMap>(Sym) : nullptr;
  if (!H || H->Closed || H->Sent == WinSentinel::None)
    return;
  std::optional<llvm::APSInt> KV;
  if (auto LK = K.getAs<loc::ConcreteInt>())
    KV = LK->getValue();
  else if (auto NK = K.getAs<nonloc::ConcreteInt>())
    KV = NK->getValue();
  if (!KV)
    return;
  SValBuilder &SVB = C.getSValBuilder();
  bool IsZero = KV->isZero(), IsOnes = KV->isAllOnes();
  std::string Wrong;
  if (!Eq) {
    if (H->Fam == WinFamily::Socket && IsZero)
      Wrong = "a SOCKET is unsigned: it is never < 0";
  } else if (H->Sent == WinSentinel::Invalid && IsZero) {
    Wrong = "not NULL";
  } else if (H->Sent == WinSentinel::Null && IsOnes) {
    Wrong = "not INVALID_HANDLE_VALUE";
  }
  if (Wrong.empty())
    return;
  // A bug only while the right failure value is still possible here.
  if (!may(State, Sym, BO_EQ, sentinelVal(H->Sent, Sym->getType(), SVB), SVB))
    return;
  ExplodedNode *N = C.generateNonFatalErrorNode(State);
  if (!N)
    return;
  report(BK_WrongSentinel,
         std::string("wrong handle sentinel: '") + (H->By ? H->By : "?") +
             "' fails with " + sentinelName(H->Sent, H->Fam) + ", " + Wrong,
         N, Sym, Whole, C);
}

void WinHandleChecker::checkPreStmt(const BinaryOperator *BO,
                                    CheckerContext &C) const {
  if (!BO->isComparisonOp())
    return;
  bool Eq = BO->isEqualityOp();
  for (int Side = 0; Side < 2; ++Side) {
    const Expr *H = Side ? BO->getRHS() : BO->getLHS();
    const Expr *K = Side ? BO->getLHS() : BO->getRHS();
    checkTest(H, C.getSVal(K), Eq, BO, C);
  }
}

void WinHandleChecker::checkPreStmt(const UnaryOperator *UO,
                                    CheckerContext &C) const {
  if (UO->getOpcode() != UO_LNot)
    return;
  checkTest(UO->getSubExpr(), C.getSValBuilder().makeIntVal(0, true), true, UO,
            C);
}

void WinHandleChecker::checkBranchCondition(const Stmt *Cond,
                                            CheckerContext &C) const {
  const auto *E = dyn_cast<Expr>(Cond);
  if (!E || isa<BinaryOperator>(E->IgnoreParenImpCasts()) ||
      isa<UnaryOperator>(E->IgnoreParenImpCasts()))
    return;
  checkTest(E, C.getSValBuilder().makeIntVal(0, true), true, E, C);
}

void WinHandleChecker::checkPreStmt(const ReturnStmt *RS,
                                    CheckerContext &C) const {
  // A handle returned from the analysed function is the caller's.
  const Expr *E = RS->getRetValue();
  if (!E || !C.inTopFrame())
    return;
  ProgramStateRef State = C.getState();
  SVal V = handleOfValue(C.getSVal(E), E->getType(), State);
  if (SymbolRef Sym = V.getAsSymbol())
    if (State->get<WinHandleMap>(Sym)) {
      C.addTransition(State->remove<WinHandleMap>(Sym));
    }
}

void WinHandleChecker::checkPostStmt(const DeclStmt *DS,
                                     CheckerContext &C) const {
  // Variables whose cleanup is a release of this model (iosafe_auto_handle,
  // iosafe_auto_sock): their attribute was removed for the analysis
  // (AutoCleanup.cpp), and the handle they hold at the end is closed.
  ProgramStateRef State = C.getState();
  bool Changed = false;
  for (const Decl *D : DS->decls()) {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD)
      continue;
    const FunctionDecl *Cleanup = autoCleanupOf(VD);
    if (!Cleanup)
      if (const auto *CA = VD->getAttr<CleanupAttr>())
        Cleanup = CA->getFunctionDecl();
    if (!Cleanup || !winReleasesFirstParam(Cleanup))
      continue;
    State = State->add<AutoVars>(State->getRegion(VD, C.getLocationContext()));
    Changed = true;
  }
  if (Changed)
    C.addTransition(State);
}

} // namespace

void registerWinHandleChecker(CheckerManager &Mgr) {
  Mgr.registerChecker<WinHandleChecker>();
  setWinModelOn();
}

} // namespace iosafe
