// SPDX-License-Identifier: MIT
//
// analyzer-plugin/HeapObjects.cpp: owned fds stored in heap objects
// (obj->fd = fd into malloc'd memory, unix.Malloc's heap space; HeapFds,
// set by checkBind in Engine.cpp) and the calls that release the object:
//   - free(3): the fds still stored there leak;
//   - a function that releases its pointer parameter like free: declared
//     with Clang's ownership_takes(malloc, N) (MallocChecker reads it the
//     same way), or whose body frees that parameter and does nothing else
//     with it (freeObjectParam).  Called without its body (not inlined,
//     no body), the fds stored in the object leak there; inlined, its own
//     free(3) is seen.  ownership_holds(malloc, N) keeps the object: its
//     fds are handed on with it, as to any unknown function;
//   - realloc(3), reallocarray(3): on success "the contents ... will be
//     unchanged" in the new object, so its fds move there (and leak when it
//     is freed); on failure "the original block is left untouched", holding
//     them, so free of the old pointer on that path leaks them.

#include "Engine.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"

using namespace clang;
using namespace clang::ento;

namespace iosafe {

namespace {
/// The parameter P as an expression, casts and parentheses aside.
bool isParam(const Expr *E, const ParmVarDecl *P) {
  const auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
  return DR && DR->getDecl() == P;
}

bool isFreeCall(const CallExpr *CE) {
  const FunctionDecl *FD = CE->getDirectCallee();
  return FD && FD->getIdentifier() && FD->getName() == "free" &&
         CE->getNumArgs() == 1;
}

/// Whether every mention of P in S is free(P), free(P->member) or a test of
/// P (P == NULL, !P, if (P)), and free(P) is among them.
bool onlyFrees(const Stmt *S, const ParmVarDecl *P, bool &Frees) {
  if (!S)
    return true;
  if (const auto *CE = dyn_cast<CallExpr>(S); CE && isFreeCall(CE)) {
    const Expr *A = CE->getArg(0)->IgnoreParenCasts();
    if (isParam(A, P)) {
      Frees = true;
      return true;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(A);
        ME && isParam(ME->getBase(), P))
      return true;
  }
  if (const auto *DR = dyn_cast<DeclRefExpr>(S))
    return DR->getDecl() != P;
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->isEqualityOp() &&
      (isParam(BO->getLHS(), P) || isParam(BO->getRHS(), P)))
    return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(S);
      UO && UO->getOpcode() == UO_LNot && isParam(UO->getSubExpr(), P))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(S);
      If && If->getCond() && isParam(If->getCond(), P))
    return onlyFrees(If->getThen(), P, Frees) &&
           onlyFrees(If->getElse(), P, Frees);
  for (const Stmt *Child : S->children())
    if (!onlyFrees(Child, P, Frees))
      return false;
  return true;
}

/// Region R of the object From, as the same field or element of To.
const MemRegion *rebase(const MemRegion *R, const MemRegion *From,
                        const SubRegion *To, MemRegionManager &MM,
                        ASTContext &Ctx) {
  if (R == From)
    return To;
  if (const auto *FR = dyn_cast<FieldRegion>(R)) {
    const auto *S = dyn_cast_or_null<SubRegion>(
        rebase(FR->getSuperRegion(), From, To, MM, Ctx));
    return S ? MM.getFieldRegion(FR->getDecl(), S) : nullptr;
  }
  if (const auto *ER = dyn_cast<ElementRegion>(R)) {
    const auto *S = dyn_cast_or_null<SubRegion>(
        rebase(ER->getSuperRegion(), From, To, MM, Ctx));
    return S ? MM.getElementRegion(ER->getElementType(), ER->getIndex(), S, Ctx)
             : nullptr;
  }
  return nullptr;
}

bool isRealloc(const CallEvent &Call) {
  const IdentifierInfo *II = Call.getCalleeIdentifier();
  return II && Call.getNumArgs() >= 2 &&
         (II->getName() == "realloc" || II->getName() == "reallocarray");
}
} // namespace

int FdEngine::freedObjectParam(const FunctionDecl *FD) const {
  if (!FD)
    return -1;
  FD = FD->getCanonicalDecl();
  if (auto It = FreesParam.find(FD); It != FreesParam.end())
    return It->second;
  int Idx = -1;
  for (const FunctionDecl *R : FD->redecls())
    for (const auto *OA : R->specific_attrs<OwnershipAttr>())
      if (OA->getOwnKind() == OwnershipAttr::Takes &&
          OA->getModule()->getName() == "malloc" && OA->args_size() > 0)
        Idx = int(OA->args_begin()->getASTIndex());
  if (Idx < 0)
    if (const FunctionDecl *Def = FD->getDefinition())
      for (unsigned I = 0; I < Def->getNumParams() && Idx < 0; ++I) {
        const ParmVarDecl *P = Def->getParamDecl(I);
        bool Frees = false;
        if (P->getType()->isPointerType() &&
            onlyFrees(Def->getBody(), P, Frees) && Frees)
          Idx = int(I);
      }
  FreesParam[FD] = Idx;
  return Idx;
}

ProgramStateRef FdEngine::heapFree(const Expr *Arg, SVal Obj, StringRef By,
                                   ProgramStateRef State, CheckerContext &C,
                                   ExplodedNode *&Pred) const {
  const MemRegion *R = Obj.getAsRegion();
  if (!R || State->get<HeapFds>().isEmpty())
    return State;
  const MemRegion *Base = R->getBaseRegion();
  SValBuilder &SVB = C.getSValBuilder();
  for (const auto &[Fd, Where0] : State->get<HeapFds>()) {
    const MemRegion *Where = Where0;
    if (Where->getBaseRegion() != Base) {
      // Moved by a realloc whose failure this path took: the fd is still
      // in this, the old object.
      const auto *SR = dyn_cast<SymbolicRegion>(Where->getBaseRegion());
      const MemRegion *const *Old =
          SR ? State->get<ReallocFrom>(SR->getSymbol()) : nullptr;
      const auto *OldBase = dyn_cast<SubRegion>(Base);
      if (!Old || *Old != Base || !OldBase ||
          !State->isNull(loc::MemRegionVal(SR)).isConstrainedTrue())
        continue;
      Where = rebase(Where, SR, OldBase, C.getStoreManager().getRegionManager(),
                     C.getASTContext());
      if (!Where)
        continue;
    }
    State = State->remove<HeapFds>(Fd);
    if (State->getSVal(Where, Fd->getType()).getAsSymbol() != Fd ||
        assumeCmp(State, Fd, BO_LT, 0, SVB))
      continue; // overwritten, or it may not be an fd
    ExplodedNode *N = C.generateNonFatalErrorNode(State, Pred);
    if (!N)
      return nullptr;
    report(BK_Leak, Source::PosixFd,
           ("fd leak: the fd stored in this heap object is not closed "
            "before '" +
            By + "' releases the object")
               .str(),
           N, C, {Fd}, Arg);
    Pred = N;
  }
  return State;
}

void FdEngine::heapPreCall(const CallEvent &Call, CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  if (State->get<HeapFds>().isEmpty())
    return;
  int Idx = isRealloc(Call) ? 0 : -1;
  if (Idx < 0 && Call.getDecl() &&
      !(Call.getCalleeIdentifier() &&
        Call.getCalleeIdentifier()->isStr("free")))
    Idx = freedObjectParam(dyn_cast<FunctionDecl>(Call.getDecl()));
  if (Idx < 0 || unsigned(Idx) >= Call.getNumArgs())
    return;
  const MemRegion *R = Call.getArgSVal(unsigned(Idx)).getAsRegion();
  if (!R)
    return;
  // The fds the object holds now: the call invalidates its contents, and
  // lets the object escape (which drops them from HeapFds).
  const MemRegion *Base = R->getBaseRegion();
  for (const auto &[Fd, Where] : State->get<HeapFds>())
    if (Where->getBaseRegion() == Base &&
        State->getSVal(Where, Fd->getType()).getAsSymbol() == Fd)
      State = State->set<HeapCallFds>(Fd, Where);
  if (State != C.getState())
    C.addTransition(State->set<HeapCallSite>(Call.getOriginExpr()));
}

void FdEngine::heapRealloc(const CallExpr *CE, CheckerContext &C) const {
  // After every checker's post-call (PostStmt<CallExpr>): unix.Malloc
  // binds realloc's new object in its own post-call, which runs after the
  // engine's (checkers run in the order of their names).
  ProgramStateRef State = C.getState();
  auto Held = State->get<HeapCallFds>();
  for (const auto &[Fd, Where] : Held)
    State = State->remove<HeapCallFds>(Fd);
  State = State->remove<HeapCallSite>();
  // The contents move into the new object; the old one keeps them for
  // the failure path (its contents were invalidated by the call).
  const MemRegion *New = C.getSVal(CE).getAsRegion();
  const auto *NewBase =
      New ? dyn_cast<SymbolicRegion>(New->getBaseRegion()) : nullptr;
  for (const auto &[Fd, Where] : Held) {
    State = State->bindLoc(loc::MemRegionVal(Where), nonloc::SymbolVal(Fd),
                           C.getLocationContext());
    if (!NewBase)
      continue;
    const MemRegion *W =
        rebase(Where, Where->getBaseRegion(), NewBase,
               C.getStoreManager().getRegionManager(), C.getASTContext());
    if (!W)
      continue;
    State = State->bindLoc(loc::MemRegionVal(W), nonloc::SymbolVal(Fd),
                           C.getLocationContext());
    State = State->set<HeapFds>(Fd, W);
    State =
        State->set<ReallocFrom>(NewBase->getSymbol(), Where->getBaseRegion());
  }
  C.addTransition(State);
}

void FdEngine::heapPostCall(const CallEvent &Call, CheckerContext &C) const {
  if (isRealloc(Call))
    return; // heapRealloc, once unix.Malloc has bound the new object
  ProgramStateRef State = C.getState();
  auto Held = State->get<HeapCallFds>();
  for (const auto &[Fd, Where] : Held)
    State = State->remove<HeapCallFds>(Fd);
  State = State->remove<HeapCallSite>();
  ExplodedNode *Pred = C.getPredecessor();
  if (C.wasInlined) { // its own free(3) was seen
    C.addTransition(State);
    return;
  }
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  std::string By = FD ? FD->getNameAsString() : "the call";
  SValBuilder &SVB = C.getSValBuilder();
  for (const auto &[Fd, Where] : Held) {
    if (assumeCmp(State, Fd, BO_LT, 0, SVB))
      continue;
    ExplodedNode *N = C.generateNonFatalErrorNode(State, Pred);
    if (!N)
      return;
    int Idx = freedObjectParam(FD);
    report(BK_Leak, Source::PosixFd,
           "fd leak: the fd stored in this heap object is not closed "
           "before '" +
               By + "' releases the object",
           N, C, {Fd},
           Idx >= 0 && unsigned(Idx) < Call.getNumArgs()
               ? Call.getArgExpr(unsigned(Idx))
               : nullptr);
    Pred = N;
  }
  C.addTransition(State, Pred);
}

ProgramStateRef FdEngine::heapDeadSymbols(ProgramStateRef State,
                                          SymbolReaper &SR,
                                          CheckerContext &C) const {
  // realloc's result dies: if it was NULL on this path (realloc failed),
  // the fds are the old object's again; otherwise they stay in the new one.
  for (const auto &[New, Old] : State->get<ReallocFrom>()) {
    if (SR.isLive(New))
      continue;
    State = State->remove<ReallocFrom>(New);
    const auto *OldBase = dyn_cast<SubRegion>(Old);
    if (!OldBase || !State->getStateManager()
                         .getConstraintManager()
                         .isNull(State, New)
                         .isConstrainedTrue())
      continue;
    for (const auto &[Fd, Where] : State->get<HeapFds>()) {
      const auto *SymR = dyn_cast<SymbolicRegion>(Where->getBaseRegion());
      if (!SymR || SymR->getSymbol() != New)
        continue;
      if (const MemRegion *W =
              rebase(Where, SymR, OldBase,
                     C.getStoreManager().getRegionManager(), C.getASTContext()))
        State = State->set<HeapFds>(Fd, W);
      else
        State = State->remove<HeapFds>(Fd);
    }
  }
  return State;
}

} // namespace iosafe
