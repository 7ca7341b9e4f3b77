// SPDX-License-Identifier: MIT
//
// analyzer-plugin/FdValues.cpp: the fds the engine reads from values,
// arguments, fields and locations, and the constraint queries it makes on
// them.  Only fds stored in stack memory at a concrete offset are followed:
// storing one elsewhere (a global, the heap, memory reached through a
// parameter, an array element at an unknown index) hands it on.

#include "Engine.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/APSIntType.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/RangedConstraintManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"

using namespace clang;
using namespace clang::ento;

namespace iosafe {

const FieldDecl *wrapperField(QualType T) {
  if (T.isNull())
    return nullptr;
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD || RD->isUnion() || !RD->getDefinition())
    return nullptr;
  RD = RD->getDefinition();
  const FieldDecl *Only = nullptr;
  for (const FieldDecl *F : RD->fields()) {
    if (Only)
      return nullptr;
    Only = F;
  }
  if (!Only || !Only->getType()->isIntegerType() || Only->isBitField())
    return nullptr;
  return Only;
}

/// The first field of a struct that owns an fd there (its type
/// iosafe_owned_fd: iosafe_unix_listener), or nullptr.  A pointer to such a
/// struct denotes that fd.
static const FieldDecl *ownerField(QualType T) {
  if (T.isNull())
    return nullptr;
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD || RD->isUnion() || !RD->getDefinition())
    return nullptr;
  RD = RD->getDefinition();
  if (RD->field_empty())
    return nullptr;
  const FieldDecl *First = *RD->field_begin();
  const RecordDecl *FR = First->getType()->getAsRecordDecl();
  if (!FR || !FR->getIdentifier() || FR->getName() != "iosafe_owned_fd" ||
      !wrapperField(First->getType()))
    return nullptr;
  return First;
}

bool isFdValueType(QualType T) {
  return !T.isNull() && (T->isIntegerType() || wrapperField(T));
}

bool isBorrowedWrapper(QualType T) {
  const RecordDecl *RD = T.isNull() ? nullptr : T->getAsRecordDecl();
  return RD && RD->getIdentifier() && RD->getName() == "iosafe_borrowed_fd";
}

MemRegionManager &regions(ProgramStateRef State) {
  return State->getStateManager().getRegionManager();
}

namespace {
/// The int inside an fd wrapper value (CompoundVal from our own models and
/// initialisers, LazyCompoundVal from copies).
SVal fieldOfValue(SVal V, const FieldDecl *F, ProgramStateRef State) {
  if (auto CV = V.getAs<nonloc::CompoundVal>()) {
    auto It = CV->begin();
    return It != CV->end() ? *It : UnknownVal();
  }
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
} // namespace

FdArg fdOfValue(SVal V, QualType T, ProgramStateRef State) {
  FdArg A;
  if (T.isNull())
    return A;
  if (T->isIntegerType()) {
    A.Valid = true;
    A.Val = V;
    return A;
  }
  if (const FieldDecl *F = wrapperField(T)) {
    A.Valid = true;
    A.Val = fieldOfValue(V, F, State);
    return A;
  }
  if (T->isPointerType()) {
    QualType P = T->getPointeeType();
    const MemRegion *R = V.getAsRegion();
    if (!R)
      return A;
    const auto *SR = dyn_cast<SubRegion>(R->StripCasts());
    if (!SR)
      return A;
    QualType IntTy;
    // An array passed as a pointer may come as the whole array's region:
    // its first element is the int meant.
    if (const auto *TR = dyn_cast<TypedValueRegion>(SR))
      if (TR->getValueType()->isConstantArrayType()) {
        ASTContext &Ctx = State->getStateManager().getContext();
        SR = regions(State).getElementRegion(
            TR->getValueType()->getAsArrayTypeUnsafe()->getElementType(),
            State->getStateManager().getSValBuilder().makeArrayIndex(0), SR,
            Ctx);
      }
    if (P->isIntegerType()) {
      A.Holder = SR;
      IntTy = P;
    } else if (const FieldDecl *F = wrapperField(P)) {
      // The same region the analyzer forms for p->raw (through a symbolic
      // pointer that is Element{SymRegion, 0}.raw, not SymRegion.raw).
      A.Holder = State->getLValue(F, loc::MemRegionVal(SR)).getAsRegion();
      if (!A.Holder)
        return A;
      IntTy = F->getType();
    } else if (const FieldDecl *O = ownerField(P)) {
      // A struct that owns its fd in its first field (iosafe_unix_listener:
      // l->fd.raw).
      const FieldDecl *F = wrapperField(O->getType());
      SVal Outer = State->getLValue(O, loc::MemRegionVal(SR));
      A.Holder = State->getLValue(F, Outer).getAsRegion();
      if (!A.Holder)
        return A;
      IntTy = F->getType();
    } else {
      return A;
    }
    A.Valid = true;
    A.Val = State->getSVal(A.Holder, IntTy);
  }
  return A;
}

FdArg fdOfArg(const CallEvent &Call, unsigned I, ProgramStateRef State) {
  if (I >= Call.getNumArgs())
    return FdArg();
  QualType T = I < Call.parameters().size() ? Call.parameters()[I]->getType()
                                            : Call.getArgExpr(I)->getType();
  return fdOfValue(Call.getArgSVal(I), T, State);
}

const MemRegion *holderOf(const MemRegion *R, QualType T,
                          ProgramStateRef State) {
  const auto *SR = dyn_cast<SubRegion>(R);
  if (!SR)
    return nullptr;
  if (T->isIntegerType())
    return SR;
  if (const FieldDecl *F = wrapperField(T))
    return regions(State).getFieldRegion(F, SR);
  if (const FieldDecl *O = ownerField(T)) // l.fd.raw
    return regions(State).getFieldRegion(wrapperField(O->getType()),
                                         regions(State).getFieldRegion(O, SR));
  return nullptr;
}

/// The checker follows fds only in stack memory at a concrete offset;
/// anywhere else they are handed on (see the file comment).
bool isTrackable(const MemRegion *R) {
  if (!R || !isa<StackSpaceRegion>(R->getMemorySpace()))
    return false;
  return !R->getAsOffset().hasSymbolicOffset();
}

bool isLocalOf(const MemRegion *R, const StackFrameContext *SFC) {
  const auto *MS =
      dyn_cast_or_null<StackSpaceRegion>(R ? R->getMemorySpace() : nullptr);
  return MS && MS->getStackFrame() == SFC;
}

/// A readable name for the variable an fd symbol came from: 'fd' for the
/// int parameter fd, for the wrapper fd (fd.raw) and for the pointer fd
/// (fd->raw, *fd).
std::string describe(SymbolRef Sym) {
  const MemRegion *R = Sym ? Sym->getOriginRegion() : nullptr;
  for (int Guard = 0; R && Guard < 8; ++Guard) {
    if (const auto *FR = dyn_cast<FieldRegion>(R)) {
      const RecordDecl *RD = FR->getDecl()->getParent();
      if (RD && std::next(RD->field_begin()) == RD->field_end()) {
        R = FR->getSuperRegion(); // the wrapper's one field: the wrapper
        continue;
      }
      break;
    }
    if (const auto *ER = dyn_cast<ElementRegion>(R)) {
      if (isa<SymbolicRegion>(ER->getSuperRegion())) {
        R = ER->getSuperRegion(); // *p
        continue;
      }
      break;
    }
    if (const auto *SymR = dyn_cast<SymbolicRegion>(R)) {
      R = SymR->getSymbol()->getOriginRegion(); // the pointer variable
      continue;
    }
    break;
  }
  if (!R)
    return std::string();
  return R->getDescriptiveName(/*UseQuotes=*/false);
}

// resolve: success of an out-parameter acquirer is a status of 0 (it
// returns 0 or a negative value); on failure the out-parameter holds none,
// so fd >= 0 means success too.  Without a status, success is fd >= 0.
Outcome resolve(ProgramStateRef State, SymbolRef Fd, SymbolRef Status,
                SValBuilder &SVB) {
  Outcome O;
  bool FdMayBeOpen = mayHold(State, Fd, BO_GE, 0, SVB);
  bool FdMayBeNone = mayHold(State, Fd, BO_LT, 0, SVB);
  if (!Status) {
    O.SuccessCertain = !FdMayBeNone;
    O.FailureCertain = !FdMayBeOpen;
    return O;
  }
  bool StMayBeOk = mayHold(State, Status, BO_GE, 0, SVB);
  bool StMayFail = mayHold(State, Status, BO_LT, 0, SVB);
  O.SuccessCertain = !StMayFail || !FdMayBeNone;
  O.FailureCertain = !StMayBeOk || !FdMayBeOpen;
  return O;
}

// A signed symbol's range is what the constraint manager would intersect
// `Sym Op Val` with (RangeConstraintManager::assumeSymGE and the others), so
// its bounds answer the question without a new state, and without running
// every checker's evalAssume as ProgramState::assume does: resolve asks it
// four times at each branch that tests an unchecked fd.
bool mayHold(ProgramStateRef State, SymbolRef Sym, BinaryOperatorKind Op,
             int Val, SValBuilder &SVB) {
  if (!State || !Sym)
    return State != nullptr;
  QualType T = Sym->getType();
  bool Bounds = T->isSignedIntegerOrEnumerationType() &&
                (Op == BO_GE || Op == BO_LT || Op == BO_GT || Op == BO_LE);
  const llvm::APSInt *Lo = nullptr, *Hi = nullptr;
  if (Bounds) {
    nonloc::SymbolVal V(Sym);
    Lo = SVB.getMinValue(State, V);
    Hi = SVB.getMaxValue(State, V);
  }
  if (Bounds && (!Lo || !Hi) && isa<SymbolData>(Sym))
    return true; // no constraint on it: its type's whole range
  if (!Lo || !Hi)
    return assumeCmp(State, Sym, Op, Val, SVB) != nullptr;
  llvm::APSInt X = APSIntType(*Lo).getValue(Val);
  switch (Op) {
  case BO_GE: return *Hi >= X;
  case BO_GT: return *Hi > X;
  case BO_LT: return *Lo < X;
  default: return *Lo <= X; // BO_LE
  }
}

ProgramStateRef assumeCmp(ProgramStateRef State, SymbolRef Fd,
                          BinaryOperatorKind Op, int Val, SValBuilder &SVB) {
  if (!State || !Fd)
    return State;
  SVal Cond =
      SVB.evalBinOp(State, Op, nonloc::SymbolVal(Fd),
                    SVB.makeIntVal(Val, Fd->getType()), SVB.getConditionType());
  auto DC = Cond.getAs<DefinedOrUnknownSVal>();
  if (!DC)
    return State;
  return State->assume(*DC, true);
}

ProgramStateRef constrainNew(ProgramStateRef State, SymbolRef New, int64_t From,
                             std::optional<int64_t> To, CheckerContext &C) {
  if (!State || !New || !New->getType()->isIntegerType())
    return State;
  APSIntType T =
      C.getSValBuilder().getBasicValueFactory().getAPSIntType(New->getType());
  llvm::APSInt Lo = T.getValue(static_cast<uint64_t>(From));
  llvm::APSInt Hi =
      To ? T.getValue(static_cast<uint64_t>(*To)) : T.getMaxValue();
  // Any other constraint manager (z3) is not a RangedConstraintManager.
  if (C.getAnalysisManager().getAnalyzerOptions().AnalysisConstraintsOpt ==
      RangeConstraintsModel)
    return static_cast<RangedConstraintManager &>(State->getConstraintManager())
        .assumeSymInclusiveRange(State, New, Lo, Hi, true);
  return State->assumeInclusiveRange(nonloc::SymbolVal(New), Lo, Hi, true);
}

/// Whether the fd may be a real descriptor (>= 0) in this state.
bool mayBeOpen(ProgramStateRef State, SVal V, SValBuilder &SVB) {
  SymbolRef S = V.getAsSymbol();
  if (!S)
    return false;
  return mayHold(State, S, BO_GE, 0, SVB);
}

/// IOSAFE_RELEASES on a plain int parameter releases the number itself:
/// afterwards it is as good as closed (a second release is a double close).
/// On an owner (iosafe_owned_fd, by value or by pointer) it is a move: the
/// owner is left behind, and using it again is a use after move.
bool releasesAsClose(const CallEvent &Call, unsigned I) {
  if (I >= Call.parameters().size())
    return false;
  return Call.parameters()[I]->getType()->isIntegerType();
}

/// The location an operand reads, when it is a variable, a field of one or
/// an element at a constant index (fd, c.fd, p[1]).
std::optional<Loc> operandLoc(const Expr *E, ProgramStateRef State,
                              const LocationContext *LC) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return State->getLValue(VD, LC).getAs<Loc>();
    return std::nullopt;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD || ME->isArrow())
      return std::nullopt;
    if (auto Base = operandLoc(ME->getBase(), State, LC))
      return State->getLValue(FD, *Base).getAs<Loc>();
    return std::nullopt;
  }
  if (const auto *AE = dyn_cast<ArraySubscriptExpr>(E)) {
    const auto *Idx =
        dyn_cast<IntegerLiteral>(AE->getIdx()->IgnoreParenImpCasts());
    if (!Idx)
      return std::nullopt;
    auto Base = operandLoc(AE->getBase(), State, LC);
    if (!Base)
      return std::nullopt;
    SValBuilder &SVB = State->getStateManager().getSValBuilder();
    NonLoc I = SVB.makeArrayIndex(Idx->getValue().getZExtValue());
    return State->getLValue(AE->getType(), I, *Base).getAs<Loc>();
  }
  return std::nullopt;
}

std::optional<int64_t> constInt(SVal V) {
  if (auto CI = V.getAs<nonloc::ConcreteInt>())
    return CI->getValue().getExtValue();
  return std::nullopt;
}

/// Through compound values: a union initialised by a designated
/// initialiser is one (.data.fd = c).
void symbolsOf(SVal V, llvm::SmallVectorImpl<SymbolRef> &Out, int Depth) {
  if (Depth > 4)
    return;
  if (SymbolRef Sym = V.getAsSymbol()) {
    Out.push_back(Sym);
    return;
  }
  if (auto CV = V.getAs<nonloc::CompoundVal>())
    for (SVal E : *CV)
      symbolsOf(E, Out, Depth + 1);
}

/// A borrow of a struct (IOSAFE_RETURNS_BORROW on a struct pointer) is gone
/// when any fd inside the struct is.
const GoneInfo *goneUnder(ProgramStateRef State, const MemRegion *R) {
  if (!R)
    return nullptr;
  if (const GoneInfo *G = State->get<GoneOwners>(R))
    return G;
  for (const auto &[G, Info] : State->get<GoneOwners>())
    if (G->isSubRegionOf(R))
      return &Info;
  return nullptr;
}

} // namespace iosafe
