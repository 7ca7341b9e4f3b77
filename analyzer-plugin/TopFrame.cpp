// SPDX-License-Identifier: MIT
//
// analyzer-plugin/TopFrame.cpp: the analysed function checked against its
// own annotations (at top level only).  IOSAFE_USES parameters are
// UsesParam (closing one is "annotation mismatch", Checks.cpp),
// IOSAFE_RELEASES parameters ReleasesParam (alive at the end of a path:
// "annotation mismatch"), an iosafe_borrowed_fd parameter a borrow; an
// IOSAFE_ACQUIRES function must return an fd it owns.

#include "Engine.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"
#include <memory>

using namespace clang;
using namespace clang::ento;

namespace iosafe {

namespace {
/// The file-scope statics of the unit that no function writes and whose
/// address is never taken, with the constant their initializer gives.
class ConstantStatics : public RecursiveASTVisitor<ConstantStatics> {
public:
  llvm::DenseMap<const VarDecl *, llvm::APSInt> Values;
  llvm::DenseSet<const VarDecl *> Written;

  explicit ConstantStatics(ASTContext &Ctx) : Ctx(Ctx) {
    TraverseDecl(Ctx.getTranslationUnitDecl());
    for (const VarDecl *VD : Written)
      Values.erase(VD);
  }
  bool VisitVarDecl(VarDecl *VD) {
    Expr::EvalResult R;
    if (VD->isFileVarDecl() && VD->getStorageClass() == SC_Static &&
        VD->getType()->isIntegralOrEnumerationType() &&
        !VD->getType().isVolatileQualified() && VD->getInit() &&
        VD->getInit()->EvaluateAsInt(R, Ctx))
      Values[VD->getCanonicalDecl()] = R.Val.getInt();
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      written(BO->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf)
      written(UO->getSubExpr());
    return true;
  }

private:
  ASTContext &Ctx;
  void written(const Expr *E) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        Written.insert(VD->getCanonicalDecl());
  }
};
} // namespace

void FdEngine::checkBeginFunction(CheckerContext &C) const {
  if (!C.inTopFrame())
    return;
  const auto *FD =
      dyn_cast_or_null<FunctionDecl>(C.getLocationContext()->getDecl());
  if (!FD)
    return;
  const FnSummary *S = ownAnnotations(FD);
  ProgramStateRef State = C.getState();
  const LocationContext *LCtx = C.getLocationContext();
  bool Changed = false;
  // A file-scope static that no function of the unit writes and whose
  // address is not taken holds its initializer on every path (`static int
  // configured = 1; ... if (!configured)`): the analyzer would take it as
  // unknown at the top of each function and explore impossible paths.
  static const ASTContext *StaticsOf = nullptr;
  static std::unique_ptr<ConstantStatics> Statics;
  if (StaticsOf != &C.getASTContext()) {
    Statics = std::make_unique<ConstantStatics>(C.getASTContext());
    StaticsOf = &C.getASTContext();
  }
  for (const auto &[VD, V] : Statics->Values) {
    SVal L = State->getLValue(VD, LCtx);
    State = State->bindLoc(L, C.getSValBuilder().makeIntVal(V), LCtx);
    Changed = true;
  }
  for (unsigned I = 0, N = FD->getNumParams(); I < N; ++I) {
    const ParmVarDecl *P = FD->getParamDecl(I);
    QualType T = P->getType();
    const MemRegion *VR = State->getRegion(P, LCtx);
    FdArg A;
    if (T->isPointerType())
      A = fdOfValue(State->getSVal(VR, T), T, State);
    else if (const MemRegion *H = holderOf(VR, T, State)) {
      A.Valid = true;
      A.Holder = H;
      A.Val = State->getSVal(H);
    }
    SymbolRef Sym = A.sym();
    if (!Sym)
      continue;
    FdState::Kind K = FdState::Owned;
    bool Set = false;
    if (S)
      for (const ParamEffect &E : S->Effects) {
        if (E.Index != I)
          continue;
        if (E.E == Effect::Release) {
          K = FdState::ReleasesParam;
          Set = true;
        } else if (E.E == Effect::Use && !Set) {
          K = FdState::UsesParam;
          Set = true;
        }
      }
    if (!Set && isBorrowedWrapper(T)) {
      K = FdState::Borrowed;
      Set = true;
    }
    if (!Set)
      continue;
    State = State->set<FdMap>(Sym, FdState::make(K, Source::Ownership));
    Changed = true;
  }
  if (Changed)
    C.addTransition(State);
}

/// RE, returned by the analysed function, is its failure value: a negative
/// int, a null pointer or false, where some other return of FD returns
/// something else (0, a count, a pointer, true).
static bool returnsFailure(const Expr *RE, SVal V, const FunctionDecl *FD,
                           ProgramStateRef State, CheckerContext &C) {
  QualType T = RE->getType();
  SValBuilder &SVB = C.getSValBuilder();
  const llvm::APSInt *K = SVB.getKnownValue(State, V);
  bool Ptr = T->isPointerType();
  if (!FD || !FD->getBody() ||
      !(Ptr ? V.isZeroConstant()
            : K && (T->isBooleanType()
                        ? K->isZero()
                        : T->isSignedIntegerType() && K->isNegative())))
    return false;
  // Some other return: not the same kind of constant.
  llvm::SmallVector<const Stmt *, 32> Work{FD->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *R = dyn_cast<ReturnStmt>(S))
      if (const Expr *X = R->getRetValue()) {
        Expr::EvalResult E;
        if (!X->EvaluateAsRValue(E, C.getASTContext()) || !E.Val.isInt())
          return !(Ptr &&
                   X->isNullPointerConstant(C.getASTContext(),
                                            Expr::NPC_ValueDependentIsNotNull));
        const llvm::APSInt &I = E.Val.getInt();
        if (T->isBooleanType() ? !I.isZero() : !I.isNegative())
          return true;
      }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

void FdEngine::checkPreStmt(const ReturnStmt *RS, CheckerContext &C) const {
  const Expr *RE = RS->getRetValue();
  if (!RE)
    return;
  ProgramStateRef State = C.getState();
  SVal V = C.getSVal(RE);
  // Error-path out-parameters: an fd stored through a pointer parameter
  // (*out = fd) and still there when the function returns its failure
  // value leaks: callers do not close what a failed call left behind
  // (iosafe's own convention: *out holds none on failure).
  if (C.inTopFrame() && !State->get<OutFds>().isEmpty()) {
    const auto *FD =
        dyn_cast_or_null<FunctionDecl>(C.getLocationContext()->getDecl());
    if (returnsFailure(RE, V, FD, State, C)) {
      SValBuilder &SVB = C.getSValBuilder();
      for (const auto &[Sym, Where] : State->get<OutFds>()) {
        if (State->getSVal(Where, Sym->getType()).getAsSymbol() != Sym ||
            assumeCmp(State, Sym, BO_LT, 0, SVB))
          continue; // overwritten, or it may not be an fd
        ExplodedNode *N = C.generateNonFatalErrorNode(State);
        report(BK_Leak, Source::PosixFd,
               "fd leak: the fd stored through a parameter is not closed on "
               "this error path; callers do not close what a failed call "
               "returns",
               N, C, {Sym}, RE);
        if (!N)
          return;
        State = State->remove<OutFds>(Sym);
        C.addTransition(State, N);
        return;
      }
    }
  }
  // A directory stream returned from the analysed function: handed on.
  if (SymbolRef D = V.getAsLocSymbol(); D && C.inTopFrame())
    if (const DirState *DS = State->get<DirStreams>(D); DS && !DS->Closed) {
      C.addTransition(State->remove<DirStreams>(D));
      return;
    }
  FdArg A = fdOfValue(V, RE->getType(), State);
  SymbolRef Sym = A.sym();
  const FdState *FS = Sym ? State->get<FdMap>(Sym) : nullptr;
  if (!FS)
    return;
  if (FS->K == FdState::Borrowed && FS->OwnerRegion &&
      isLocalOf(FS->OwnerRegion->getBaseRegion(), C.getStackFrame())) {
    report(BK_BorrowOutlivesOwner, Source(FS->Src),
           "borrow outlives owner: a borrow of a local owner is returned",
           C.generateNonFatalErrorNode(State), C, {Sym, FS->Owner}, RE);
    return;
  }
  if (!C.inTopFrame())
    return; // the caller receives it; the analysis goes on there
  const auto *FD =
      dyn_cast_or_null<FunctionDecl>(C.getLocationContext()->getDecl());
  const FnSummary *S = ownAnnotations(FD);
  if (S && S->has(SF_RetAcquires) &&
      (FS->K == FdState::Borrowed || FS->K == FdState::UsesParam ||
       FS->K == FdState::Closed || FS->K == FdState::Moved)) {
    report(BK_AnnotationMismatch, Source(FS->Src),
           "annotation mismatch: an IOSAFE_ACQUIRES function returns an fd "
           "it does not own",
           C.generateNonFatalErrorNode(State), C, {Sym}, RE);
    return;
  }
  if (FS->K == FdState::Owned || FS->K == FdState::ReleasesParam)
    C.addTransition(State->remove<FdMap>(Sym)); // returned: handed on
}

// A parameter's fd read through a pointer (`iosafe_owned_fd *fd`,
// `iosafe_unix_listener *l`: the value of fd->raw at entry) on a path where
// that pointer is NULL: there was no fd to release (`if (l == NULL)
// return;`).
static bool heldThroughNull(ProgramStateRef State, SymbolRef Sym) {
  const auto *RV = dyn_cast<SymbolRegionValue>(Sym);
  if (!RV)
    return false;
  const auto *SR = dyn_cast<SymbolicRegion>(RV->getRegion()->getBaseRegion());
  return SR && State->isNull(loc::MemRegionVal(SR)).isConstrainedTrue();
}

void FdEngine::checkEndFunction(const ReturnStmt *, CheckerContext &C) const {
  if (!C.inTopFrame())
    return;
  ProgramStateRef State = C.getState();
  SValBuilder &SVB = C.getSValBuilder();
  llvm::SmallVector<SymbolRef, 2> Unreleased;
  FdMapTy M = State->get<FdMap>();
  for (const auto &[Sym, FS] : M) {
    if (FS.K != FdState::ReleasesParam ||
        !mayBeOpen(State, nonloc::SymbolVal(Sym), SVB) ||
        heldThroughNull(State, Sym))
      continue;
    // Two parameters holding the same fd (two owners: an ownership bug of
    // the caller that the function tolerates, as iosafe_fd_replace does
    // when src and *dst are the same descriptor) count as one.
    bool Aliased = false;
    for (const auto &[Other, OS] : M) {
      if (Other == Sym)
        continue;
      SVal Ne = SVB.evalBinOp(State, BO_NE, nonloc::SymbolVal(Sym),
                              nonloc::SymbolVal(Other), SVB.getConditionType());
      if (auto DNe = Ne.getAs<DefinedOrUnknownSVal>())
        Aliased |= !State->assume(*DNe, true);
    }
    if (!Aliased)
      Unreleased.push_back(Sym);
  }
  if (Unreleased.empty())
    return;
  ExplodedNode *N = C.generateNonFatalErrorNode(State);
  for (SymbolRef Sym : Unreleased)
    report(BK_AnnotationMismatch, Source::Ownership,
           "annotation mismatch: IOSAFE_RELEASES parameter '" + describe(Sym) +
               "' is not released on this path",
           N, C, {Sym}, nullptr);
}

} // namespace iosafe
