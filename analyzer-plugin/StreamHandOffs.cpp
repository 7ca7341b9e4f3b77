// SPDX-License-Identifier: MIT
//
// analyzer-plugin/StreamHandOffs.cpp: libiosafe's FILE * / DIR * hand-offs
// and views (include/iosafe/stdio.h), which no handle attribute can state:
//   - iosafe_file_from_fd / iosafe_dir_from_fd (SF_StreamOut) move the fd
//     into the stream only when they return 0; on failure *out is null and
//     the caller still owns the fd (a leak if it is dropped);
//   - iosafe_fd_from_file closes the stream it is given (fclose(3)), and
//     with it the fd a hand-off moved into it (effectStreamRelease);
//   - iosafe_file_view_begin (SF_ViewBegin) puts in view->file a FILE *
//     over a borrowed fd: the stream never owns it, so fclose of that
//     stream is a close of a borrowed fd (Engine.cpp, checkPreCall), and
//     iosafe_file_view_end (SF_ViewEnd) after the owner was closed is a
//     borrow that outlives its owner.
// The split into success and failure is made at the call, like fdopen's
// in CallEffects.cpp (step 3), since the stream is only known on success.

#include "Engine.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"

using namespace clang;
using namespace clang::ento;

namespace iosafe {

namespace {
/// The field named Name of the record T points to, or nullptr.
const FieldDecl *fieldNamed(QualType PtrT, llvm::StringRef Name) {
  const auto *RT = PtrT->getPointeeType()->getAs<RecordType>();
  if (!RT)
    return nullptr;
  for (const FieldDecl *F : RT->getDecl()->fields())
    if (F->getIdentifier() && F->getName() == Name)
      return F;
  return nullptr;
}

/// Where the stream goes: *param 0 (SF_StreamOut) or param 0's `file`
/// field (SF_ViewBegin); nullptr when the argument is not a location.
const MemRegion *streamSlot(CallEval &CV, QualType &SlotTy) {
  if (CV.Call.getNumArgs() == 0)
    return nullptr;
  const MemRegion *R = CV.Call.getArgSVal(0).getAsRegion();
  QualType AT = CV.Call.getArgExpr(0)->IgnoreParenImpCasts()->getType();
  if (!R || !AT->isPointerType())
    return nullptr;
  if (!CV.S.has(SF_ViewBegin)) {
    SlotTy = AT->getPointeeType();
    return SlotTy->isPointerType() ? R : nullptr;
  }
  const FieldDecl *F = fieldNamed(AT, "file");
  if (!F)
    return nullptr;
  SlotTy = F->getType();
  return regions(CV.State).getFieldRegion(F, cast<SubRegion>(R->StripCasts()));
}
} // namespace

/// SF_StreamOut / SF_ViewBegin: the failure (a negative errno, a null
/// stream, nothing moved) as its own path; on the path that goes on the
/// call returned 0 and the slot holds a new non-null stream (StreamSym),
/// which the Release effect (hand-off) or the view's borrow then owns.
void FdEngine::streamOutSplit(CallEval &CV) const {
  QualType SlotTy;
  const MemRegion *Slot = streamSlot(CV, SlotTy);
  if (!Slot || !CV.RetTy->isIntegerType())
    return;
  SValBuilder &SVB = CV.SVB;
  const auto Loc = loc::MemRegionVal(Slot);
  ProgramStateRef Fail =
      CV.State->bindLoc(Loc, SVB.makeNullWithType(SlotTy), CV.LCtx);
  SVal Err = CV.conjureFd(CV.RetTy);
  if (SymbolRef ES = Err.getAsSymbol())
    if (ProgramStateRef F2 = assumeCmp(Fail, ES, BO_LT, 0, SVB))
      Fail = F2;
  CV.C.addTransition(Fail->BindExpr(CV.CE, CV.LCtx, Err), CV.Pred);

  SVal P = CV.conjureFd(SlotTy);
  if (auto DP = P.getAs<DefinedOrUnknownSVal>())
    if (ProgramStateRef S2 = CV.State->assume(*DP, true))
      CV.State = S2;
  CV.StreamSym = P.getAsLocSymbol();
  CV.State = CV.State->bindLoc(Loc, P, CV.LCtx);
  CV.Ret = SVB.makeIntVal(0, CV.RetTy);
  if (CV.S.has(SF_ViewBegin) && CV.StreamSym && CV.Args.size() > 1)
    if (SymbolRef B = CV.Args[1].sym()) {
      // The view's stream stands for its borrowed fd; the borrow is kept
      // while the stream lives (checkLiveSymbols).
      CV.State = CV.State->set<StreamFds>(CV.StreamSym, B);
      CV.Notes.push_back({B, "FILE * view of the borrowed fd made here"});
    }
}

/// SF_ViewEnd: param 0 is a view; its Use is a use of the fd under the
/// view's stream, found through StreamFds.
void FdEngine::viewEndArg(CallEval &CV) const {
  if (CV.Args.empty() || CV.Call.getNumArgs() == 0)
    return;
  const MemRegion *R = CV.Call.getArgSVal(0).getAsRegion();
  QualType AT = CV.Call.getArgExpr(0)->IgnoreParenImpCasts()->getType();
  const FieldDecl *F =
      R && AT->isPointerType() ? fieldNamed(AT, "file") : nullptr;
  if (!F)
    return;
  const MemRegion *FR =
      regions(CV.State).getFieldRegion(F, cast<SubRegion>(R->StripCasts()));
  SymbolRef P = CV.State->getSVal(loc::MemRegionVal(FR)).getAsLocSymbol();
  const SymbolRef *B = P ? CV.State->get<StreamFds>(P) : nullptr;
  if (!B)
    return;
  FdArg A;
  A.Valid = true;
  A.Val = nonloc::SymbolVal(*B);
  CV.Args[0] = A;
  CV.State = CV.State->remove<StreamFds>(P);
}

/// ForeignRelease in a call the engine evaluates (iosafe_fd_from_file):
/// the stream is closed, and with it the fd a hand-off moved into it.
void FdEngine::effectStreamRelease(const ParamEffect &E, CallEval &CV) const {
  if (CV.S.has(SF_CheckOnly) || E.Index >= CV.Call.getNumArgs())
    return;
  SymbolRef Str = CV.Call.getArgSVal(E.Index).getAsLocSymbol();
  const SymbolRef *FdSym = Str ? CV.State->get<StreamFds>(Str) : nullptr;
  if (!FdSym)
    return;
  SymbolRef F = *FdSym;
  CV.State = CV.State->remove<StreamFds>(Str);
  if (const FdState *FS = CV.State->get<FdMap>(F); FS && FS->isStreamed()) {
    CV.State = CV.State->set<FdMap>(F, FS->with(FdState::Closed));
    CV.Notes.push_back({F, "fd closed here with its stream"});
  }
}

} // namespace iosafe
