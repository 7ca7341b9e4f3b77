// SPDX-License-Identifier: MIT
//
// analyzer-plugin/Engine.cpp: the ownership engine (state diagram in
// Engine.h).  Modelled on Clang's FuchsiaHandleChecker (handle attributes,
// note tags, leak uniqueing at the acquisition site) and StreamChecker
// (evalCall models, state splitting on a call's success).
//
// How constructs are handled:
//   - Calls with a summary are evaluated by the engine (evalCall), never
//     inlined: an annotated function is checked against its annotations in
//     its callers, and its body against the same annotations when it is
//     analysed as a top-level function ("annotation mismatch").  Functions
//     without a summary are inlined by the analyzer as usual, so an fd
//     flows through same-TU helpers, copies, struct fields and returns as a
//     value the analyzer already follows.
//   - Success of an acquisition is not split eagerly: the fd stays
//     "unchecked" with its status symbol until a branch makes success or
//     failure certain (evalAssume), so that a use before the check is seen.
//     Then success also constrains fd >= 0, failure fd == -1 (*out none).
//   - iosafe_auto_fd: Clang 19's analyzer does not run cleanup-attribute
//     functions (CFGCleanupFunction elements are skipped by ExprEngine;
//     tested in tests/analyzer/auto-fd.c).  Instead, a variable whose
//     cleanup function releases its argument (iosafe_fd_drop, or any
//     function annotated IOSAFE_RELEASES) is remembered (AutoVars), and an
//     owned fd that dies while such a variable still holds it is closed by
//     the cleanup, not leaked.
//   - Only fds stored in stack memory at a concrete offset are followed:
//     storing one elsewhere (a global, the heap, memory reached through a
//     parameter, an array element at an unknown index) hands it on.

#include "Engine.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/CommonBugCategories.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramState.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

using namespace clang;
using namespace clang::ento;

namespace iosafe {

const char *const BugKindNames[NumBugKinds] = {
    "fd leak",       "double close",          "use after close",
    "use after move", "borrow outlives owner", "close of borrowed fd",
    "unchecked fd",  "annotation mismatch",   "access mode mismatch",
    "socket phase mismatch", "mismatched release"};

/// The state of one fd symbol.  Kept small and value-typed (it is part of
/// every program state the analyzer compares).
struct FdState {
  enum Kind : unsigned char {
    Owned,         ///< must be closed or handed on
    Closed,        ///< closed; any use or close is a bug
    Moved,         ///< ownership moved into a callee (IOSAFE_RELEASES)
    Borrowed,      ///< a borrow; Owner/OwnerRegion say of what
    UsesParam,     ///< an IOSAFE_USES parameter of the analysed function
    ReleasesParam, ///< an IOSAFE_RELEASES parameter of the analysed function
    Streamed,      ///< owned by the stream fdopen/fdopendir returned
    DirStreamed,   ///< Streamed, and usable only through its DIR *
                   ///< (fdopendir, SF_ExclusiveStream)
                   ///< (StreamFds): usable until fclose/closedir closes it
  };
  Kind K = Owned;
  bool Unchecked = false;
  /// Unchecked: the program has tested the fd or the status (a comparison,
  /// a branch, a `!`), whatever the analysis already knew (posix-stdclib.c).
  bool Tested = false;
  unsigned char Src = 0;
  SymbolRef Status = nullptr;           ///< Unchecked: the acquirer's status
  SymbolRef Owner = nullptr;            ///< Borrowed: the owner's fd
  const MemRegion *OwnerRegion = nullptr; ///< Borrowed: where the owner was
  FdAttrs At;                           ///< iosafe.PosixFd: mode, socket

  static FdState make(Kind K, Source S) {
    FdState F;
    F.K = K;
    F.Src = static_cast<unsigned char>(S);
    return F;
  }
  FdState with(Kind NK) const {
    FdState F = *this;
    F.K = NK;
    F.Unchecked = false;
    F.Tested = false;
    F.Status = nullptr;
    return F;
  }
  bool operator==(const FdState &O) const {
    return K == O.K && Unchecked == O.Unchecked && Tested == O.Tested &&
           Src == O.Src &&
           Status == O.Status && Owner == O.Owner &&
           OwnerRegion == O.OwnerRegion && At.Mode == O.At.Mode &&
           At.Kind == O.At.Kind && At.Type == O.At.Type &&
           At.Phase == O.At.Phase;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddInteger(K);
    ID.AddBoolean(Unchecked);
    ID.AddBoolean(Tested);
    ID.AddInteger(Src);
    ID.AddPointer(Status);
    ID.AddPointer(Owner);
    ID.AddPointer(OwnerRegion);
    ID.AddInteger((unsigned(At.Mode) << 24) | (unsigned(At.Kind) << 16) |
                  (unsigned(At.Type) << 8) | unsigned(At.Phase));
  }
};

/// An owner's location (the int, or an fd wrapper's int field) whose fd was
/// moved out or closed, leaving it none.
struct GoneInfo {
  bool Moved;    ///< moved out (take, into_raw, release); else closed
  SymbolRef Sym; ///< the fd it held
  bool operator==(const GoneInfo &O) const {
    return Moved == O.Moved && Sym == O.Sym;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddBoolean(Moved);
    ID.AddPointer(Sym);
  }
};

/// A tracked fd cast to a pointer, and its state before the cast.
struct CastFd {
  SymbolRef Sym;
  FdState Before;
  bool operator==(const CastFd &O) const {
    return Sym == O.Sym && Before == O.Before;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Sym);
    Before.Profile(ID);
  }
};

/// An fd passed to, or read from, an argument.
struct FdArg {
  bool Valid = false;
  SVal Val = UnknownVal();            ///< the int value
  const MemRegion *Holder = nullptr;  ///< its location, when by pointer
  SymbolRef sym() const { return Val.getAsSymbol(); }
};

} // namespace iosafe

using namespace iosafe;

REGISTER_MAP_WITH_PROGRAMSTATE(FdMap, SymbolRef, iosafe::FdState)
REGISTER_MAP_WITH_PROGRAMSTATE(GoneOwners, const MemRegion *, iosafe::GoneInfo)
REGISTER_SET_WITH_PROGRAMSTATE(AutoVars, const MemRegion *)
REGISTER_SET_WITH_PROGRAMSTATE(EscapeExempt, SymbolRef)
/// Where an owned fd was last stored inside a local struct or union (the
/// region bound, its fd): the analyzer's store keeps a union initialised by
/// a designated initialiser as one default binding the engine cannot read
/// back field by field (struct epoll_event ev = {.data.fd = c}).
REGISTER_MAP_WITH_PROGRAMSTATE(StoredFds, const MemRegion *, SymbolRef)
/// The stream (FILE *, DIR *) fdopen/fdopendir returned -> the fd it owns.
REGISTER_MAP_WITH_PROGRAMSTATE(StreamFds, SymbolRef, SymbolRef)
/// 1 + the lowest constant fd number closed since the last acquisition
/// (0: none).  POSIX: open and the other acquirers return "the lowest
/// numbered unused file descriptor", so the next one is at most that
/// number: `close(0); open("/dev/null", O_RDWR);` reopens a standard stream.
REGISTER_TRAIT_WITH_PROGRAMSTATE(FreedSlot, unsigned)
/// The results of fork() on this path (SF_Forks).
REGISTER_SET_WITH_PROGRAMSTATE(ForkRets, SymbolRef)
/// Integer-to-pointer casts of tracked fds (checkPreStmt<CastExpr>).
REGISTER_MAP_WITH_PROGRAMSTATE(CastFds, const clang::Stmt *, iosafe::CastFd)

namespace {

/// Distinct tags so that several fds conjured for one call differ.
const int ConjTags[8] = {};

const char *kindName(FdState::Kind K) {
  switch (K) {
  case FdState::Owned: return "owned";
  case FdState::Closed: return "closed";
  case FdState::Moved: return "moved";
  case FdState::Borrowed: return "borrowed";
  case FdState::UsesParam: return "uses-param";
  case FdState::ReleasesParam: return "releases-param";
  case FdState::Streamed: return "streamed";
  case FdState::DirStreamed: return "dir-streamed";
  }
  return "?";
}

/// The integer field of an fd wrapper (a struct of exactly one integer
/// field: iosafe_owned_fd, iosafe_borrowed_fd, users' own), or nullptr.
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

/// The fd a value of type T denotes: an int, a wrapper, or a pointer to one
/// of them (then Holder is the int's location).
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
  QualType T = I < Call.parameters().size()
                   ? Call.parameters()[I]->getType()
                   : Call.getArgExpr(I)->getType();
  return fdOfValue(Call.getArgSVal(I), T, State);
}

/// Where the fd stored at region R (a variable or a pointee) lives.
const MemRegion *holderOf(const MemRegion *R, QualType T,
                          ProgramStateRef State) {
  const auto *SR = dyn_cast<SubRegion>(R);
  if (!SR)
    return nullptr;
  if (T->isIntegerType())
    return SR;
  if (const FieldDecl *F = wrapperField(T))
    return regions(State).getFieldRegion(F, SR);
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
  const auto *MS = dyn_cast_or_null<StackSpaceRegion>(R ? R->getMemorySpace()
                                                        : nullptr);
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

ProgramStateRef assumeCmp(ProgramStateRef State, SymbolRef Fd,
                          BinaryOperatorKind Op, int Val, SValBuilder &SVB);

/// What a path says about an unchecked acquisition: success is certain,
/// failure is certain, or neither (both are still possible).  Success of an
/// out-parameter acquirer is a status of 0 (it returns 0 or a negative
/// value); on failure the out-parameter holds none, so fd >= 0 means success
/// too.  Without a status, success is fd >= 0.
struct Outcome {
  bool SuccessCertain = false;
  bool FailureCertain = false;
};
Outcome resolve(ProgramStateRef State, SymbolRef Fd, SymbolRef Status,
                SValBuilder &SVB) {
  Outcome O;
  bool FdMayBeOpen = assumeCmp(State, Fd, BO_GE, 0, SVB) != nullptr;
  bool FdMayBeNone = assumeCmp(State, Fd, BO_LT, 0, SVB) != nullptr;
  if (!Status) {
    O.SuccessCertain = !FdMayBeNone;
    O.FailureCertain = !FdMayBeOpen;
    return O;
  }
  bool StMayBeOk = assumeCmp(State, Status, BO_GE, 0, SVB) != nullptr;
  bool StMayFail = assumeCmp(State, Status, BO_LT, 0, SVB) != nullptr;
  O.SuccessCertain = !StMayFail || !FdMayBeNone;
  O.FailureCertain = !StMayBeOk || !FdMayBeOpen;
  return O;
}

ProgramStateRef assumeCmp(ProgramStateRef State, SymbolRef Fd,
                          BinaryOperatorKind Op, int Val, SValBuilder &SVB) {
  if (!State || !Fd)
    return State;
  SVal Cond = SVB.evalBinOp(State, Op, nonloc::SymbolVal(Fd),
                            SVB.makeIntVal(Val, Fd->getType()),
                            SVB.getConditionType());
  auto DC = Cond.getAs<DefinedOrUnknownSVal>();
  if (!DC)
    return State;
  return State->assume(*DC, true);
}

/// Whether the fd may be a real descriptor (>= 0) in this state.
bool mayBeOpen(ProgramStateRef State, SVal V, SValBuilder &SVB) {
  SymbolRef S = V.getAsSymbol();
  if (!S)
    return false;
  return static_cast<bool>(assumeCmp(State, S, BO_GE, 0, SVB));
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

/// Whether every path from B ends in a noreturn call (exit, abort, a
/// _Noreturn function) and at least one does.  Unlike
/// CFGBlock::isInevitablySinking, an endless loop (a server's accept loop)
/// is not enough: it returns no fd to the system.
bool endsOnlyInNoReturn(const CFGBlock *Start) {
  const CFG *Cfg = Start->getParent();
  if (!Cfg)
    return false;
  llvm::SmallVector<const CFGBlock *, 16> Work{Start};
  llvm::SmallPtrSet<const CFGBlock *, 16> Seen{Start};
  bool SawNoReturn = false;
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    if (B == &Cfg->getExit())
      return false;
    if (B->hasNoReturnElement()) {
      SawNoReturn = true;
      continue;
    }
    for (const CFGBlock::AdjacentBlock &Succ : B->succs())
      if (const CFGBlock *SB = Succ.getReachableBlock())
        if (Seen.insert(SB).second)
          Work.push_back(SB);
  }
  return SawNoReturn;
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

/// Whether the loop body L reads a variable (or a field or constant-index
/// element of one) that holds Sym in State.
bool loopMentions(const Stmt *L, SymbolRef Sym, ProgramStateRef State,
                  const LocationContext *LC) {
  llvm::SmallVector<const Stmt *, 32> Work{L};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *E = dyn_cast<Expr>(S))
      if (auto Where = operandLoc(E, State, LC)) {
        if (State->getSVal(*Where).getAsSymbol() == Sym)
          return true;
        // A struct passed whole (dispatch(conn)): its fields.
        if (const RecordDecl *RD = E->getType()->getAsRecordDecl())
          if ((RD = RD->getDefinition()))
            for (const FieldDecl *F : RD->fields())
              if (auto FL = State->getLValue(F, *Where).getAs<Loc>())
                if (State->getSVal(*FL).getAsSymbol() == Sym)
                  return true;
      }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

/// Whether the path ending in N skipped, at its first test, a loop whose
/// body uses Sym, on a condition the analysis could not decide (for
/// (i = 0; i < cfg.workers; i++) dispatch(fd)): the analyzer explores the
/// zero-iteration path of every loop with an unknown bound, though the
/// program's invariants (option parsing, another function) often rule it
/// out.  A leak on such a path is not reported (posix-loop-bounds.c; memcached's
/// server_socket).  A bound the analysis knows is 0 (a concrete condition)
/// is not a guess and is still reported.  Stops at Acq, the acquisition.
bool skipsLoopUsing(const ExplodedNode *N, const ExplodedNode *Acq,
                    SymbolRef Sym) {
  for (const ExplodedNode *P = N; P && P != Acq; P = P->getFirstPred()) {
    auto BE = P->getLocation().getAs<BlockEdge>();
    if (!BE)
      continue;
    const CFGBlock *Src = BE->getSrc();
    const Stmt *T = Src->getTerminatorStmt();
    if (!T || !isa<ForStmt, WhileStmt>(T) || Src->succ_size() != 2 ||
        BE->getDst() != *(Src->succ_begin() + 1))
      continue;
    // How the path came to the loop's test: through the loop's own back
    // edge (an iteration ran) or from before the loop (its first test).
    const LocationContext *LC = P->getLocationContext();
    const ExplodedNode *Entry = nullptr;
    for (const ExplodedNode *Q = P->getFirstPred(); Q; Q = Q->getFirstPred()) {
      auto In = Q->getLocation().getAs<BlockEdge>();
      if (!In || In->getDst() != Src || Q->getLocationContext() != LC)
        continue;
      if (In->getSrc()->getLoopTarget() != T)
        Entry = Q;
      break;
    }
    if (!Entry)
      continue;
    // A guess: the condition's value was symbolic at the test.  (With
    // eagerly-assume, the analyzer's default, the comparison is split into
    // a true and a false node right after its evaluation, each with a
    // concrete value; the node before the split has the symbolic one.)
    const Stmt *Cond = Src->getTerminatorCondition();
    bool Guessed = false;
    for (const ExplodedNode *Q = P->getFirstPred(); Cond && Q && Q != Entry;
         Q = Q->getFirstPred()) {
      SVal V = Q->getSVal(Cond);
      if (!V.isUnknownOrUndef() && !V.getAs<nonloc::ConcreteInt>()) {
        Guessed = true;
        break;
      }
    }
    if (!Guessed)
      continue; // the analysis knows the bound
    const Stmt *Body = isa<ForStmt>(T) ? cast<ForStmt>(T)->getBody()
                                       : cast<WhileStmt>(T)->getBody();
    // The variables' values as the loop is entered (after it, a variable
    // the rest of the function does not read is already gone).
    if (loopMentions(Body, Sym, Entry->getState(), LC))
      return true;
  }
  return false;
}

/// Whether N is on a path of a fork() child that has left the branch the
/// program gave the child (`if (pid == 0) { ...; child_main(); }` and
/// then the parent's code).  A child runs its branch and ends in exec or
/// exit; when the path goes on past it, the branch ended in a call the
/// analysis cannot see does not return (child_main in another translation
/// unit: rsync's pipe.c), and whatever the parent's code then does to the
/// fds the child already closed is not a bug (posix-process.c).  Only an
/// `if` on fork's result is recognised.
bool forkChildLeftItsBranch(const ExplodedNode *N) {
  ProgramStateRef State = N->getState();
  auto Forks = State->get<ForkRets>();
  if (Forks.isEmpty())
    return false;
  SValBuilder &SVB = State->getStateManager().getSValBuilder();
  auto isChild = [&](ProgramStateRef St, SymbolRef R) {
    return St->contains<ForkRets>(R) && !assumeCmp(St, R, BO_NE, 0, SVB);
  };
  for (SymbolRef R : Forks) {
    if (!isChild(State, R))
      continue;
    // The path back to where the child was decided, then forward to the
    // branch it took.
    llvm::SmallVector<const ExplodedNode *, 256> Path;
    for (const ExplodedNode *P = N; P && isChild(P->getState(), R);
         P = P->getFirstPred())
      Path.push_back(P);
    const IfStmt *If = nullptr;
    const Stmt *Scope = nullptr;
    const LocationContext *ForkLC = nullptr;
    for (auto It = Path.rbegin(); It != Path.rend() && !If; ++It) {
      auto BE = (*It)->getLocation().getAs<BlockEdge>();
      if (!BE)
        continue;
      If = dyn_cast_or_null<IfStmt>(BE->getSrc()->getTerminatorStmt());
      if (!If)
        return false; // decided elsewhere (a switch): not recognised
      const CFGBlock *Src = BE->getSrc();
      bool Then = Src->succ_size() == 2 && BE->getDst() == *Src->succ_begin();
      Scope = Then ? If->getThen() : If->getElse();
      ForkLC = (*It)->getLocationContext();
    }
    if (!If || !Scope)
      return false;
    // Where N is, in the frame that forked: the call site of each callee.
    const Stmt *S = N->getStmtForDiagnostics();
    const LocationContext *LC = N->getLocationContext();
    while (LC && LC->getStackFrame() != ForkLC->getStackFrame()) {
      S = LC->getStackFrame()->getCallSite();
      LC = LC->getParent();
    }
    if (!LC)
      return true; // the child returned from the function that forked
    if (!S)
      return false;
    const ParentMap &PM = LC->getParentMap();
    for (const Stmt *X = S; X; X = PM.getParent(X))
      if (X == Scope)
        return false; // still inside its branch: a report as any other
    return true;
  }
  return false;
}

/// A location at or inside R whose fd was closed or moved out, if any: a
/// borrow of a struct (IOSAFE_RETURNS_BORROW on a struct pointer) is gone
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

/// A path note on an fd: Msg for every report of the engine; AttrMsg, when
/// set, instead of it for the reports about an fd's attributes (access
/// mode, socket phase), which say more ("fd opened read-only here").  A
/// note with an empty Msg shows only in those.
struct Note {
  SymbolRef Sym;
  std::string Msg;
  std::string AttrMsg = std::string();
};
using NoteList = llvm::SmallVector<Note, 4>;

bool isAttrKind(unsigned K) {
  return K == BK_AccessMode || K == BK_SocketPhase;
}

std::optional<int64_t> constInt(SVal V) {
  if (auto CI = V.getAs<nonloc::ConcreteInt>())
    return CI->getValue().getExtValue();
  return std::nullopt;
}

// Linux x86-64 / glibc values, read off constant arguments only
// (<bits/fcntl-linux.h>, <bits/socket_type.h>).
constexpr int64_t LinuxO_ACCMODE = 03, LinuxO_PATH = 010000000;
constexpr int64_t LinuxSOCK_NONBLOCK = 04000, LinuxSOCK_CLOEXEC = 02000000;

/// The attributes of the fd number I acquired by a call with summary S.
FdAttrs acquiredAttrs(const FnSummary &S, unsigned I, const CallEvent &Call,
                      ProgramStateRef State) {
  FdAttrs A = S.Acq[I < 2 ? I : 0];
  auto fdStateOf = [&](unsigned Arg) -> const FdState * {
    if (Arg >= Call.getNumArgs())
      return nullptr;
    SymbolRef Sym = Call.getArgSVal(Arg).getAsSymbol();
    return Sym ? State->get<FdMap>(Sym) : nullptr;
  };
  if (S.ModeArg >= 0 && unsigned(S.ModeArg) < Call.getNumArgs())
    if (auto F = constInt(Call.getArgSVal(S.ModeArg))) {
      // open(2): O_PATH "the file itself is not opened, and other file
      // operations (e.g., read(2), write(2)...) fail with EBADF".
      if (*F & LinuxO_PATH)
        A.Mode = FdMode::Path;
      else
        switch (*F & LinuxO_ACCMODE) {
        case 0: A.Mode = FdMode::Read; break;
        case 1: A.Mode = FdMode::Write; break;
        case 2: A.Mode = FdMode::ReadWrite; break;
        default: A.Mode = FdMode::Unknown; break;
        }
    }
  if (S.TypeArg >= 0 && unsigned(S.TypeArg) < Call.getNumArgs())
    if (auto T = constInt(Call.getArgSVal(S.TypeArg))) {
      // socket(2): "the type argument ... may include the bitwise OR of
      // SOCK_NONBLOCK, SOCK_CLOEXEC".  SOCK_STREAM 1 and SOCK_SEQPACKET 5
      // are connection-mode; SOCK_DGRAM 2, SOCK_RAW 3, SOCK_RDM 4 are not.
      int64_t Ty = *T & ~(LinuxSOCK_NONBLOCK | LinuxSOCK_CLOEXEC);
      if (Ty == 1 || Ty == 5)
        A.Type = SockType::Stream;
      else if (Ty == 2 || Ty == 3 || Ty == 4)
        A.Type = SockType::Dgram;
    }
  if (S.TypeFromFd >= 0)
    if (const FdState *FS = fdStateOf(S.TypeFromFd))
      A.Type = FS->At.Type;
  for (const ParamEffect &E : S.Effects)
    if (E.E == Effect::DupRet) {
      // dup(2): the copy "refers to the same open file description" (same
      // access mode, same socket).
      const FdState *FS = fdStateOf(E.Index);
      A = FS ? FS->At : FdAttrs();
    }
  return A;
}

/// The note at an acquisition, for the reports about attributes.
std::string acquiredNote(const FdAttrs &A, bool Dup) {
  if (Dup) {
    switch (A.Mode) {
    case FdMode::Read: return "fd duplicated here, read-only as its source";
    case FdMode::Write: return "fd duplicated here, write-only as its source";
    default: return "fd duplicated here";
    }
  }
  if (A.Kind == FdKind::Pipe)
    return A.Mode == FdMode::Read ? "read end of a pipe created here"
                                  : "write end of a pipe created here";
  if (A.Kind == FdKind::Socket)
    return A.Phase == SockPhase::Connected ? "connected socket created here"
                                           : "socket created here";
  switch (A.Mode) {
  case FdMode::Read: return "fd opened read-only here";
  case FdMode::Write: return "fd opened write-only here";
  case FdMode::Path: return "fd opened with O_PATH here";
  default: return std::string();
  }
}

} // namespace

// ---------------------------------------------------------------------------
// Registration-time set-up

void FdEngine::enable(Source S, CheckerNameRef Name) {
  unsigned I = static_cast<unsigned>(S);
  Enabled[I] = true;
  for (unsigned K = 0; K < NumBugKinds; ++K)
    BugTypes[I][K] = std::make_unique<BugType>(
        Name, BugKindNames[K], "iosafe ownership",
        // Not SuppressOnSink: the analyzer also ends paths in sinks when a
        // loop reaches its visit limit, which would hide every leak in a
        // server's for (;;) accept loop.  Paths that end in exit/abort are
        // told apart from the CFG instead (checkDeadSymbols).
        /*SuppressOnSink=*/false);
}

const BugType &FdEngine::bugType(Source S, BugKind K) const {
  unsigned I = static_cast<unsigned>(S);
  if (!BugTypes[I][K])
    I = static_cast<unsigned>(Source::Ownership);
  if (!BugTypes[I][K])
    for (unsigned J = 0; J < NumSources; ++J)
      if (BugTypes[J][K])
        I = J;
  return *BugTypes[I][K];
}

const FnSummary *FdEngine::summaryFor(const CallEvent &Call) const {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD)
    return nullptr;
  if (Enabled[unsigned(Source::Ownership)])
    if (const FnSummary *S = librarySummary(Call))
      return S;
  if (Enabled[unsigned(Source::PosixFd)])
    if (const FnSummary *S = posixSummary(Call))
      return S;
  if (Enabled[unsigned(Source::Ownership)])
    return annotationSummary(FD);
  return nullptr;
}

const FnSummary *FdEngine::summaryFor(const FunctionDecl *FD) const {
  if (!FD)
    return nullptr;
  if (Enabled[unsigned(Source::Ownership)])
    if (const FnSummary *S = librarySummary(FD))
      return S;
  if (Enabled[unsigned(Source::PosixFd)])
    if (const FnSummary *S = posixSummary(FD))
      return S;
  if (Enabled[unsigned(Source::Ownership)])
    return annotationSummary(FD);
  return nullptr;
}

// ---------------------------------------------------------------------------
// Reports

void FdEngine::report(BugKind K, Source Src, StringRef Msg, ExplodedNode *N,
                      CheckerContext &C, ArrayRef<SymbolRef> Interesting,
                      const Expr *E) const {
  if (!N || forkChildLeftItsBranch(N))
    return;
  auto R = std::make_unique<PathSensitiveBugReport>(bugType(Src, K), Msg, N);
  for (SymbolRef S : Interesting)
    if (S)
      R->markInteresting(S);
  if (E)
    R->addRange(E->getSourceRange());
  C.emitReport(std::move(R));
}

void FdEngine::reportLeak(SymbolRef Sym, const FdState &FS, ExplodedNode *N,
                          CheckerContext &C) const {
  // The acquisition: the oldest node of this path where Sym is tracked.
  // Leaks are uniqued by it (one report per acquisition site, as
  // FuchsiaHandleChecker and StreamChecker do).
  const ExplodedNode *Acq = nullptr;
  for (const ExplodedNode *P = N->getFirstPred(); P; P = P->getFirstPred()) {
    if (!P->getState()->get<FdMap>(Sym))
      break;
    Acq = P;
  }
  PathDiagnosticLocation Loc;
  const Decl *UniqueDecl = nullptr;
  std::string By;
  if (Acq) {
    if (const Stmt *S = Acq->getStmtForDiagnostics()) {
      Loc = PathDiagnosticLocation::createBegin(S, C.getSourceManager(),
                                                Acq->getLocationContext());
      UniqueDecl = Acq->getLocationContext()->getDecl();
      if (const auto *CE = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *FD = CE->getDirectCallee())
          By = FD->getNameAsString();
    }
  }
  if (skipsLoopUsing(N, Acq, Sym) || forkChildLeftItsBranch(N))
    return;
  std::string Msg = "fd leak: ";
  std::string Name = describe(Sym);
  if (!By.empty())
    Msg += "the fd acquired by '" + By + "'";
  else
    Msg += "an owned fd";
  Msg += " is not closed or handed on";
  auto R = std::make_unique<PathSensitiveBugReport>(
      bugType(Source(FS.Src), BK_Leak), Msg, N, Loc, UniqueDecl);
  R->markInteresting(Sym);
  C.emitReport(std::move(R));
}

// ---------------------------------------------------------------------------
// Checks made at a call, before its effects

ProgramStateRef FdEngine::checkUse(ProgramStateRef State, const FdArg &A,
                                   const Expr *E, Source Src,
                                   CheckerContext &C, ExplodedNode *&Pred,
                                   unsigned Need) const {
  if (A.Holder)
    if (const GoneInfo *G = State->get<GoneOwners>(A.Holder)) {
      ExplodedNode *N = C.generateErrorNode(State, Pred);
      if (G->Moved)
        report(BK_UseAfterMove, Src,
               "use after move: the fd was moved out of this owner before "
               "this use",
               N, C, {G->Sym}, E);
      else
        report(BK_UseAfterClose, Src,
               "use after close: this owner's fd was closed before this use",
               N, C, {G->Sym}, E);
      return nullptr;
    }
  SymbolRef Sym = A.sym();
  if (!Sym)
    return State;
  const FdState *FS = State->get<FdMap>(Sym);
  if (!FS)
    return State;
  switch (FS->K) {
  case FdState::Closed:
    report(BK_UseAfterClose, Src,
           "use after close: the fd is used after it was closed",
           C.generateErrorNode(State, Pred), C, {Sym}, E);
    return nullptr;
  case FdState::Moved:
    report(BK_UseAfterMove, Src,
           "use after move: the fd is used after its ownership was moved",
           C.generateErrorNode(State, Pred), C, {Sym}, E);
    return nullptr;
  case FdState::Borrowed: {
    const GoneInfo *G = goneUnder(State, FS->OwnerRegion);
    const FdState *OS = FS->Owner ? State->get<FdMap>(FS->Owner) : nullptr;
    bool OwnerClosed = (G && !G->Moved) || (OS && OS->K == FdState::Closed);
    bool OwnerMoved = (G && G->Moved) || (OS && OS->K == FdState::Moved);
    if (OwnerClosed || OwnerMoved) {
      report(BK_BorrowOutlivesOwner, Src,
             OwnerClosed ? "borrow outlives owner: the borrowed fd is used "
                           "after its owner was closed"
                         : "borrow outlives owner: the borrowed fd is used "
                           "after its owner was moved",
             C.generateErrorNode(State, Pred), C,
             {Sym, FS->Owner, G ? G->Sym : nullptr}, E);
      return nullptr;
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
      FdState NS = *FS;
      NS.Unchecked = false;
      NS.Tested = false;
      NS.Status = nullptr;
      return Succ->set<FdMap>(Sym, NS);
    }
    return State;
  case FdState::UsesParam:
  case FdState::ReleasesParam:
  case FdState::Streamed: // fdopen(3): open until the stream is closed
    return State;
  case FdState::DirStreamed:
    if (!(Need & N_Offset))
      return State; // fstat, fchdir: the description is not changed
    report(BK_UseAfterMove, Src,
           "use after move: the fd's offset is changed after fdopendir "
           "took it over; use the directory stream (readdir, rewinddir)",
           C.generateErrorNode(State, Pred), C, {Sym}, E);
    return nullptr;
  }
  return State;
}

namespace {
/// The symbols in a value, through compound values (a union initialised by
/// a designated initialiser is one: .data.fd = c).
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
} // namespace

/// What a use needs of its fd's attributes (issue 4): the access mode the
/// fd was opened with, the phase of a socket.  Reported only when known;
/// non-fatal, so that the path goes on (a leak after it is still found).
ProgramStateRef FdEngine::checkAttrs(ProgramStateRef State, const FdArg &A,
                                     const ParamEffect &PE, const Expr *E,
                                     Source Src, CheckerContext &C,
                                     ExplodedNode *&Pred) const {
  SymbolRef Sym = A.sym();
  const FdState *FSp = Sym ? State->get<FdMap>(Sym) : nullptr;
  if (!FSp || FSp->K != FdState::Owned || !PE.Need)
    return State;
  const FdState FS = *FSp;
  std::string W = std::string("'") + (PE.What ? PE.What : "the call") + "'";
  std::string Msg;
  BugKind K = BK_AccessMode;
  const FdMode M = FS.At.Mode;
  const bool Pipe = FS.At.Kind == FdKind::Pipe;
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
  if (Msg.empty() && FS.At.Kind == FdKind::Socket) {
    K = BK_SocketPhase;
    const SockPhase P = FS.At.Phase;
    const SockType T = FS.At.Type;
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
      // unix_listen); POSIX leaves it unspecified.  Reported (issue 4).
      if (T == SockType::Dgram)
        Msg = Pre + " on a datagram socket";
      else if (P == SockPhase::New)
        Msg = Pre + " before bind: the socket was never bound";
      else if (P == SockPhase::Connected)
        Msg = Pre + " on a connected socket";
    } else if ((PE.Need & N_NotListening) && P == SockPhase::Listening) {
      Msg = Pre + " on a listening socket";
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
                                       const Expr *E, Source Src,
                                       bool IsClose, bool IsAdopt,
                                       CheckerContext &C,
                                       ExplodedNode *&Pred) const {
  // Closing an owner that is already none (after close, take, into_raw) is
  // a no-op by contract (iosafe_fd_close/drop); releasing one into a
  // function that takes ownership is a use after move.
  if (A.Holder && !IsClose)
    if (const GoneInfo *G = State->get<GoneOwners>(A.Holder)) {
      report(G->Moved ? BK_UseAfterMove : BK_UseAfterClose, Src,
             G->Moved ? "use after move: the fd was moved out of this owner "
                        "before it is released here"
                      : "use after close: this owner's fd was closed before "
                        "it is released here",
             C.generateErrorNode(State, Pred), C, {G->Sym}, E);
      return nullptr;
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
      report(BK_UseAfterClose, Src,
             "use after close: a closed fd is adopted as owned",
             C.generateErrorNode(State, Pred), C, {Sym}, E);
    else
      report(BK_DoubleClose, Src, "double close: the fd was already closed",
             C.generateErrorNode(State, Pred), C, {Sym}, E);
    return nullptr;
  case FdState::Moved:
    report(BK_UseAfterMove, Src,
           "use after move: the fd is released after its ownership was "
           "moved",
           C.generateErrorNode(State, Pred), C, {Sym}, E);
    return nullptr;
  case FdState::Borrowed:
    report(BK_CloseOfBorrowed, Src,
           IsAdopt ? "close of borrowed fd: a borrowed fd is adopted as "
                     "owned; only its owner may close it"
                   : "close of borrowed fd: a borrowed fd is released; only "
                     "its owner may close it",
           C.generateErrorNode(State, Pred), C, {Sym, FS->Owner}, E);
    return nullptr;
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
    report(BK_CloseOfBorrowed, Src,
           "close of borrowed fd: the fd belongs to the stream fdopen or "
           "fdopendir returned; closing the stream closes it",
           C.generateErrorNode(State, Pred), C, {Sym}, E);
    return nullptr;
  case FdState::Owned:
  case FdState::ReleasesParam:
    return State;
  }
  return State;
}

// ---------------------------------------------------------------------------
// Calls

bool FdEngine::evalCall(const CallEvent &Call, CheckerContext &C) const {
  const FnSummary *S = summaryFor(Call);
  if (!S || S->empty() || S->has(SF_CheckOnly))
    return false;
  const auto *CE = dyn_cast_or_null<CallExpr>(Call.getOriginExpr());
  if (!CE)
    return false;

  ProgramStateRef State = C.getState();
  const LocationContext *LCtx = C.getLocationContext();
  SValBuilder &SVB = C.getSValBuilder();
  Source Src = S->From;
  ExplodedNode *Pred = C.getPredecessor();
  NoteList Notes;

  // 1. The arguments' fds before the call, and the checks on them.
  llvm::SmallVector<FdArg, 4> Args;
  for (unsigned I = 0, N = Call.getNumArgs(); I < N; ++I)
    Args.push_back(fdOfArg(Call, I, State));

  for (const ParamEffect &E : S->Effects) {
    if (E.Index >= Args.size() || !Args[E.Index].Valid)
      continue;
    const FdArg &A = Args[E.Index];
    const Expr *AE = Call.getArgExpr(E.Index);
    switch (E.E) {
    case Effect::Use:
    {
      // One report per use: an unchecked fd has no attributes worth
      // reporting yet.
      ExplodedNode *Before = Pred;
      State = checkUse(State, A, AE, Src, C, Pred, E.Need);
      if (State && E.Need && Pred == Before)
        State = checkAttrs(State, A, E, AE, Src, C, Pred);
    }
      break;
    case Effect::BorrowRet:
    case Effect::RawRet:
    case Effect::DupRet:
      State = checkUse(State, A, AE, Src, C, Pred);
      break;
    case Effect::MoveRet:
      if (A.Holder)
        State = checkUse(State, A, AE, Src, C, Pred);
      else
        State = checkRelease(State, A, AE, Src, /*IsClose=*/false,
                             /*IsAdopt=*/true, C, Pred);
      break;
    case Effect::Close:
      State = checkRelease(State, A, AE, Src, true, false, C, Pred);
      break;
    case Effect::Release:
      State = checkRelease(State, A, AE, Src, releasesAsClose(Call, E.Index),
                           false, C, Pred);
      break;
    case Effect::MoveInto:
      State = checkRelease(State, A, AE, Src, false, true, C, Pred);
      break;
    case Effect::AcquireOut:
    case Effect::AcquireOutPair:
    case Effect::TestNone:
    case Effect::DupOnto:
    case Effect::ForeignRelease:
    case Effect::HandsOnPointee:
      break;
    }
    if (!State)
      return true; // a fatal report ended this path
  }

  // 1b. Owned fds stored in memory the callee keeps (epoll_ctl's event
  //     data): found before the invalidation below forgets them.
  llvm::SmallVector<SymbolRef, 2> HandedOn;
  for (const ParamEffect &E : S->Effects) {
    if (E.E != Effect::HandsOnPointee || E.Index >= Call.getNumArgs())
      continue;
    const MemRegion *R = Call.getArgSVal(E.Index).getAsRegion();
    if (!R)
      continue;
    const MemRegion *Base = R->StripCasts()->getBaseRegion();
    for (const auto &[Where, Sym] : State->get<StoredFds>()) {
      const FdState *FS = State->get<FdMap>(Sym);
      if (Where->getBaseRegion() == Base && FS && FS->K == FdState::Owned &&
          !llvm::is_contained(HandedOn, Sym))
        HandedOn.push_back(Sym);
    }
  }

  // 2. A call whose body may do anything else invalidates what it can
  //    reach, like the analyzer's own conservative evaluation.  The fds the
  //    summary accounts for do not escape through it.
  if (!S->has(SF_Precise)) {
    for (const FdArg &A : Args)
      if (SymbolRef Sym = A.sym())
        State = State->add<EscapeExempt>(Sym);
    State = Call.invalidateRegions(C.blockCount(), State);
    State = State->remove<EscapeExempt>();
    // An fd the callee only uses (IOSAFE_USES, a borrow) through a pointer
    // is still there afterwards: that is what the annotation promises.
    for (const ParamEffect &E : S->Effects) {
      if (E.Index >= Args.size())
        continue;
      const FdArg &A = Args[E.Index];
      if (A.Holder && A.sym() &&
          (E.E == Effect::Use || E.E == Effect::BorrowRet ||
           E.E == Effect::RawRet || E.E == Effect::TestNone))
        State = State->bindLoc(loc::MemRegionVal(A.Holder), A.Val, LCtx);
    }
  }

  SymbolRef StreamSym = nullptr;
  // 2b. fdopen/fdopendir take the fd over only when they succeed: the
  //     failure (a null stream) leaves it with the caller.
  if (S->has(SF_ReleaseOnSuccess) && Call.getResultType()->isPointerType()) {
    QualType PT = Call.getResultType();
    C.addTransition(State->BindExpr(CE, LCtx, SVB.makeNullWithType(PT)), Pred);
    SVal P = SVB.conjureSymbolVal(nullptr, CE, LCtx, PT, C.blockCount());
    StreamSym = P.getAsSymbol();
    if (auto DP = P.getAs<DefinedOrUnknownSVal>())
      if (ProgramStateRef S2 = State->assume(*DP, true))
        State = S2;
    State = State->BindExpr(CE, LCtx, P);
  }

  // 3. The return value.
  QualType RetTy = Call.getResultType();
  const FieldDecl *RetField = wrapperField(RetTy);
  QualType RetIntTy = RetField ? RetField->getType()
                      : RetTy->isIntegerType() ? RetTy
                                               : QualType();
  auto wrap = [&](SVal IntV) -> SVal {
    if (RetField) {
      BasicValueFactory &BVF = SVB.getBasicValueFactory();
      return SVB.makeCompoundVal(
          RetTy, BVF.prependSVal(IntV, BVF.getEmptySValList()));
    }
    return IntV;
  };
  std::optional<SVal> Ret;
  ProgramStateRef DupOntoFail; // dup2 onto a closed number: its failure
  SymbolRef StatusSym = nullptr;
  unsigned TagIdx = 0;
  auto conjureFd = [&](QualType T) -> SVal {
    const void *Tag = &ConjTags[TagIdx++ % 8];
    return SVB.conjureSymbolVal(Tag, CE, LCtx, T, C.blockCount());
  };

  if (S->has(SF_RetAcquires) && !RetIntTy.isNull()) {
    SVal Fd = conjureFd(RetIntTy);
    Ret = wrap(Fd);
    // POSIX acquirers return the new fd or -1, nothing else.
    if (SymbolRef FS = Fd.getAsSymbol(); FS && Src == Source::PosixFd) {
      if (ProgramStateRef S2 = assumeCmp(State, FS, BO_GE, -1, SVB))
        State = S2;
      // The lowest free number: at most the one just closed (the daemon
      // idiom `close(i); open("/dev/null", O_RDWR);` for i in 0..2 keeps
      // a standard stream, not a leak; rsync's become_daemon).
      if (unsigned Slot = State->get<FreedSlot>()) {
        if (ProgramStateRef S2 =
                assumeCmp(State, FS, BO_LE, int(Slot - 1), SVB))
          State = S2;
        State = State->set<FreedSlot>(0);
      }
    }
    if (SymbolRef FS = Fd.getAsSymbol()) {
      FdState St = FdState::make(FdState::Owned, Src);
      St.Unchecked = true;
      St.At = acquiredAttrs(*S, 0, Call, State);
      bool Dup = llvm::any_of(S->Effects, [](const ParamEffect &E) {
        return E.E == Effect::DupRet;
      });
      State = State->set<FdMap>(FS, St);
      Notes.push_back({FS, "fd opened here", acquiredNote(St.At, Dup)});
    }
  }

  // 4. The effects, in order.
  for (const ParamEffect &E : S->Effects) {
    if (E.E == Effect::BorrowRet && E.Index < Args.size() &&
        !Args[E.Index].Valid && !Ret && !RetIntTy.isNull()) {
      // A borrow of an fd inside a struct the argument points to
      // (conn_fd(const struct conn *c IOSAFE_RETURNS_BORROW)): linked to
      // the struct, whose fds' closes and moves end it.
      const MemRegion *R = Call.getArgSVal(E.Index).getAsRegion();
      if (R && Call.getArgExpr(E.Index)->getType()->isPointerType()) {
        SVal B = conjureFd(RetIntTy);
        Ret = wrap(B);
        if (SymbolRef BS = B.getAsSymbol()) {
          FdState St = FdState::make(FdState::Borrowed, Src);
          St.OwnerRegion = R->StripCasts();
          State = State->set<FdMap>(BS, St);
          Notes.push_back({BS, "fd borrowed here"});
        }
      }
      continue;
    }
    if (E.Index >= Args.size() || !Args[E.Index].Valid)
      continue;
    const FdArg &A = Args[E.Index];
    SymbolRef Sym = A.sym();
    const FdState *FS = Sym ? State->get<FdMap>(Sym) : nullptr;
    switch (E.E) {
    case Effect::Use:
      if (E.PhaseOut != SockPhase::Unknown && FS &&
          FS->K == FdState::Owned && FS->At.Kind == FdKind::Socket) {
        FdState NS = *FS;
        NS.At.Phase = E.PhaseOut;
        State = State->set<FdMap>(Sym, NS);
        Notes.push_back({Sym, "",
                         E.PhaseOut == SockPhase::Bound ? "socket bound here"
                         : E.PhaseOut == SockPhase::Listening
                             ? "socket listening here"
                             : "socket connected here"});
      }
      break;
    case Effect::DupRet:
    case Effect::ForeignRelease:
    case Effect::HandsOnPointee:
      break;

    case Effect::DupOnto: {
      // dup2(2)/dup3(2): "the file descriptor newfd is adjusted so that it
      // now refers to the same open file description as oldfd" (closing
      // what it referred to); on failure "newfd is not closed".  A tracked
      // target stays (or, closed, becomes again on success) owned, with
      // the source's attributes; a constant target (dup2(fd, 1)) is a
      // standard stream, not owned here.
      if (E.Other >= Args.size() || !Args[E.Other].Valid)
        break;
      const FdArg &T = Args[E.Other];
      SymbolRef TS = T.sym();
      const FdState *TFS = TS ? State->get<FdMap>(TS) : nullptr;
      if (!TFS || TS == Sym)
        break;
      FdState NS = TFS->with(FdState::Owned);
      NS.Owner = nullptr;
      NS.OwnerRegion = nullptr;
      NS.At = FS ? FS->At : FdAttrs();
      if (TFS->K == FdState::Owned) {
        State = State->set<FdMap>(TS, NS);
      } else if (TFS->K == FdState::Closed || TFS->K == FdState::Moved) {
        if (RetTy->isIntegerType()) {
          DupOntoFail = State->BindExpr(
              CE, LCtx, SVB.makeIntVal(-1, RetTy));
          Ret = T.Val;
        }
        State = State->set<FdMap>(TS, NS);
        if (T.Holder)
          State = State->remove<GoneOwners>(T.Holder);
        Notes.push_back({TS, "fd opened here by duplication"});
      }
      break;
    }

    case Effect::BorrowRet: {
      if (RetIntTy.isNull() || Ret)
        break;
      if (!Sym) {
        // A constant: a borrow of a descriptor owned elsewhere
        // (iosafe_stdout() is iosafe_fd_borrow_raw(1)), tracked as a borrow
        // equal to that number; a negative one, or unknown, passes as is.
        auto CI = A.Val.getAs<nonloc::ConcreteInt>();
        if (!CI || CI->getValue().isNegative()) {
          Ret = wrap(A.Val);
          break;
        }
      }
      SVal B = conjureFd(RetIntTy);
      SymbolRef BS = B.getAsSymbol();
      Ret = wrap(B);
      if (!BS)
        break;
      FdState St = FdState::make(FdState::Borrowed, Src);
      if (FS && FS->K == FdState::Borrowed) {
        St.Owner = FS->Owner; // a borrow of a borrow borrows the same owner
        St.OwnerRegion = FS->OwnerRegion;
      } else {
        St.Owner = Sym;
        St.OwnerRegion = A.Holder;
      }
      State = State->set<FdMap>(BS, St);
      // The borrow is the same number as its owner.  Not for a constant:
      // the analyzer would fold the borrow's symbol into it, and lose it.
      if (Sym) {
      SVal Eq = SVB.evalBinOp(State, BO_EQ, B, A.Val, SVB.getConditionType());
      if (auto DEq = Eq.getAs<DefinedOrUnknownSVal>())
        if (ProgramStateRef S2 = State->assume(*DEq, true))
          State = S2;
      } else if (ProgramStateRef S2 = assumeCmp(State, BS, BO_GE, 0, SVB)) {
        State = S2;
      }
      Notes.push_back({BS, "fd borrowed here"});
      break;
    }

    case Effect::RawRet:
      if (!Ret && !RetIntTy.isNull())
        Ret = wrap(A.Val);
      break;

    case Effect::TestNone:
      if (!Ret && !RetIntTy.isNull() && !A.Val.isUnknownOrUndef())
        Ret = SVB.evalBinOp(State, BO_LT, A.Val,
                            SVB.makeZeroVal(A.Val.getAsSymbol()
                                                ? A.Val.getAsSymbol()->getType()
                                                : SVB.getContext().IntTy),
                            RetTy);
      break;

    case Effect::MoveRet: {
      if (!RetIntTy.isNull() && !Ret) {
        SVal V = A.Val;
        if (!Sym) {
          // A constant: a negative one is none (-1).
          if (auto CI = V.getAs<nonloc::ConcreteInt>())
            if (CI->getValue().isNegative())
              V = SVB.makeIntVal(-1, RetIntTy);
        }
        Ret = wrap(V);
      }
      if (A.Holder) {
        if (S->has(SF_LeavesNone))
          State = State->bindLoc(
              loc::MemRegionVal(A.Holder),
              SVB.makeIntVal(-1, A.Val.getAsSymbol()
                                     ? A.Val.getAsSymbol()->getType()
                                     : SVB.getContext().IntTy),
              LCtx);
        if (Sym)
          State = State->set<GoneOwners>(A.Holder, GoneInfo{true, Sym});
        if (Sym && FS && (FS->K == FdState::Owned))
          Notes.push_back({Sym, "ownership moved here"});
      } else if (Sym && !FS && S->has(SF_Adopts)) {
        FdState St = FdState::make(FdState::Owned, Src);
        St.Unchecked = true;
        State = State->set<FdMap>(Sym, St);
        Notes.push_back({Sym, "fd adopted here"});
      }
      break;
    }

    case Effect::Close:
    case Effect::Release: {
      if (E.E == Effect::Close && Src == Source::PosixFd)
        if (auto K = A.Val.getAs<nonloc::ConcreteInt>())
          if (K->getValue().isNonNegative() &&
              K->getValue().getActiveBits() < 31) {
            unsigned Slot = unsigned(K->getValue().getZExtValue()) + 1;
            unsigned Old = State->get<FreedSlot>();
            State = State->set<FreedSlot>(Old ? std::min(Old, Slot) : Slot);
          }
      bool IsClose =
          E.E == Effect::Close || releasesAsClose(Call, E.Index);
      if (Sym && StreamSym && E.E == Effect::Release &&
          (!FS || FS->K == FdState::Owned)) {
        // fdopen/fdopendir: the stream owns the fd from here; fclose or
        // closedir of that stream closes it (checkPreCall).
        FdState Base = FS ? *FS : FdState::make(FdState::Owned, Src);
        State = State->set<FdMap>(
            Sym, Base.with(S->has(SF_ExclusiveStream) ? FdState::DirStreamed
                                                      : FdState::Streamed));
        State = State->set<StreamFds>(StreamSym, Sym);
        Notes.push_back({Sym, "ownership moved to the stream here"});
        break;
      }
      if (Sym) {
        if (!FS || FS->K == FdState::Owned || FS->K == FdState::ReleasesParam) {
          FdState Base = FS ? *FS : FdState::make(FdState::Owned, Src);
          State = State->set<FdMap>(
              Sym, Base.with(IsClose ? FdState::Closed : FdState::Moved));
          Notes.push_back({Sym, E.E == Effect::Close ? "fd closed here"
                                : IsClose           ? "fd released here"
                                                    : "ownership moved here"});
        }
      }
      if (A.Holder) {
        if (S->has(SF_LeavesNone))
          State = State->bindLoc(
              loc::MemRegionVal(A.Holder),
              SVB.makeIntVal(-1, Sym ? Sym->getType() : SVB.getContext().IntTy),
              LCtx);
        if (Sym)
          State = State->set<GoneOwners>(A.Holder, GoneInfo{!IsClose, Sym});
      }
      break;
    }

    case Effect::MoveInto: {
      if (E.Other >= Args.size() || !Args[E.Other].Holder)
        break;
      const MemRegion *Dst = Args[E.Other].Holder;
      State = State->bindLoc(loc::MemRegionVal(Dst), A.Val, LCtx);
      State = State->remove<GoneOwners>(Dst);
      if (Sym && FS && FS->K == FdState::Owned) {
        if (!isTrackable(Dst))
          State = State->remove<FdMap>(Sym); // handed on
        else
          Notes.push_back({Sym, "ownership moved here"});
      }
      break;
    }

    case Effect::AcquireOut:
    case Effect::AcquireOutPair:
      break; // after the return value is known, below
    }
  }

  if (!Ret && !RetTy->isVoidType() && !S->has(SF_ReleaseOnSuccess)) {
    Ret = SVB.conjureSymbolVal(nullptr, CE, LCtx, RetTy, C.blockCount());
  }
  if (S->has(SF_StatusRet) && Ret) {
    StatusSym = Ret->getAsSymbol();
    // An out-parameter acquirer returns 0 or a negative value (errno, or
    // -1), as libiosafe and POSIX do; annotations.h documents the rule.
    if (StatusSym)
      if (ProgramStateRef S2 = assumeCmp(State, StatusSym, BO_LE, 0, SVB))
        State = S2;
    // POSIX's pipe, pipe2, socketpair return 0 or -1, nothing else (their
    // RETURN VALUE sections): then `== -1` decides as well as `< 0`
    // (posix-socket-phase.c, neg_socketpair_checked_minus_one).
    if (StatusSym && Src == Source::PosixFd)
      if (ProgramStateRef S2 = assumeCmp(State, StatusSym, BO_GE, -1, SVB))
        State = S2;
  }

  for (const ParamEffect &E : S->Effects) {
    if ((E.E != Effect::AcquireOut && E.E != Effect::AcquireOutPair) ||
        E.Index >= Args.size())
      continue;
    const FdArg &A = Args[E.Index];
    if (!A.Holder)
      continue;
    llvm::SmallVector<const MemRegion *, 2> Holders{A.Holder};
    if (E.E == Effect::AcquireOutPair) {
      // The second int of the array: the element after the one the
      // argument points to.
      const auto *ER = dyn_cast<ElementRegion>(A.Holder);
      auto Idx = ER ? ER->getIndex().getAs<nonloc::ConcreteInt>() : std::nullopt;
      if (!ER || !Idx)
        continue;
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
      SVal Fd = conjureFd(IntTy);
      State = State->bindLoc(loc::MemRegionVal(H), Fd, LCtx);
      State = State->remove<GoneOwners>(H);
      SymbolRef FdS = Fd.getAsSymbol();
      if (!FdS || !isTrackable(H))
        continue; // received into memory the caller shares: handed on
      FdState St = FdState::make(FdState::Owned, Src);
      St.Unchecked = true;
      St.Status = StatusSym;
      St.At = acquiredAttrs(*S, HI, Call, State);
      State = State->set<FdMap>(FdS, St);
      Notes.push_back({FdS, "fd opened here", acquiredNote(St.At, false)});
    }
  }

  if (Ret)
    State = State->BindExpr(CE, LCtx, *Ret);

  const NoteTag *Tag = nullptr;
  if (!Notes.empty()) {
    const FdEngine *Self = this;
    Tag = C.getNoteTag(
        [Notes, Self](BugReporterContext &,
                      PathSensitiveBugReport &BR) -> std::string {
          bool Ours = false;
          for (unsigned I = 0; I < NumSources; ++I)
            for (unsigned K = 0; K < NumBugKinds; ++K)
              Ours |= Self->BugTypes[I][K].get() == &BR.getBugType();
          if (!Ours)
            return "";
          std::string Out;
          bool Attr = false;
          for (unsigned I = 0; I < NumSources; ++I)
            for (unsigned K = 0; K < NumBugKinds; ++K)
              if (isAttrKind(K))
                Attr |= Self->BugTypes[I][K].get() == &BR.getBugType();
          for (const Note &No : Notes) {
            if (!BR.isInteresting(No.Sym))
              continue;
            const std::string &M =
                Attr && !No.AttrMsg.empty() ? No.AttrMsg : No.Msg;
            if (M.empty())
              continue;
            if (!Out.empty())
              Out += "; ";
            Out += M;
          }
          return Out;
        });
  }
  if (!HandedOn.empty() && RetTy->isIntegerType()) {
    // Failure (-1): the caller still owns them.  Success (0): handed on.
    C.addTransition(State->BindExpr(CE, LCtx, SVB.makeIntVal(-1, RetTy)),
                    Pred, Tag);
    for (SymbolRef Sym : HandedOn)
      State = State->remove<FdMap>(Sym);
    State = State->BindExpr(CE, LCtx, SVB.makeIntVal(0, RetTy));
  }
  if (DupOntoFail)
    C.addTransition(DupOntoFail, Pred);
  C.addTransition(State, Pred, Tag);
  return true;
}

/// An fd cast to a pointer ((FILE *)(intptr_t)fd): the analyzer models an
/// integer-to-pointer cast of a symbol as an unknown value and lets the
/// symbol escape (the engine then hands the fd on: a number parked in a
/// void * is beyond it).  Before that, the engine remembers which fd the
/// cast expression was made from and what it knew of it, for the checks of
/// the call the pointer is passed to (checkPreCall).
void FdEngine::checkPreStmt(const CastExpr *CE, CheckerContext &C) const {
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
  if (!S || !S->has(SF_CheckOnly))
    return;
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
          if (SymbolRef Sym = State->getSVal(loc::MemRegionVal(TR)).getAsSymbol())
            if (State->get<FdMap>(Sym)) {
              State = State->add<EscapeExempt>(Sym);
              Changed = true;
            }
  }
  for (const ParamEffect &E : S->Effects) {
    if (E.E != Effect::ForeignRelease || E.Index >= Call.getNumArgs())
      continue;
    if (SymbolRef Str = Call.getArgSVal(E.Index).getAsLocSymbol())
      if (const SymbolRef *FdSym = State->get<StreamFds>(Str)) {
        // fclose/closedir of the stream fdopen/fdopendir returned closes
        // its fd: a close(2) of the number after it is a double close.
        SymbolRef F = *FdSym;
        State = State->remove<StreamFds>(Str);
        if (const FdState *FS = State->get<FdMap>(F);
            FS && (FS->K == FdState::Streamed ||
                   FS->K == FdState::DirStreamed))
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

// ---------------------------------------------------------------------------
// The program's own tests of an acquisition's result.
//
// "unchecked fd" asks whether the program tested the result before using
// it, not whether the analysis can tell success from failure: with
// unix.StdCLibraryFunctions on (as iosafe-check runs it), open, socket,
// pipe, socketpair and others are split into success and failure right
// after the call, so the constraints alone would call every fd "checked"
// and a later `if (pipe(p) != 0)` decides nothing, so no
// evalAssume sees it (dropbear's dbutil.c; posix-stdclib.c).  A test is a
// comparison, a `!`, or a branch condition whose value involves the fd or
// the acquirer's status, evaluated on the path.

ProgramStateRef FdEngine::markTested(ProgramStateRef State, SVal V) const {
  if (V.isUnknownOrUndef())
    return State;
  for (SymbolRef X : V.symbols())
    for (const auto &[Sym, FS] : State->get<FdMap>())
      if (FS.Unchecked && !FS.Tested && (X == Sym || X == FS.Status)) {
        FdState NS = FS;
        NS.Tested = true;
        State = State->set<FdMap>(Sym, NS);
      }
  return State;
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
  if (State->get<FdMap>().isEmpty())
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
      if (ProgramStateRef S2 = assumeCmp(Next, Sym, O.SuccessCertain ? BO_GE
                                                                    : BO_LT,
                                         0, SVB))
        Next = S2;
    InAssume = false;
  }
  if (Next != State)
    C.addTransition(Next);
}

/// A call the engine has no summary for and the analyzer did not inline:
/// an owned fd passed to it by value is handed on (it may be stored, or
/// closed, there).  Variadic arguments (printf("%d", fd)) are not.
void FdEngine::checkPostCall(const CallEvent &Call, CheckerContext &C) const {
  if (C.wasInlined)
    return;
  if (const FnSummary *S = summaryFor(Call)) {
    ProgramStateRef State = C.getState(), Next = State;
    if (S->has(SF_Forks))
      if (SymbolRef R = Call.getReturnValue().getAsSymbol())
        Next = Next->add<ForkRets>(R);
    if (S->has(SF_CopiesBytes))
      Next = Next->remove<EscapeExempt>();
    if (Next != State)
      C.addTransition(Next);
    return;
  }
  ProgramStateRef State = C.getState();
  bool Changed = false;
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
  }
  if (Changed)
    C.addTransition(State);
}

// ---------------------------------------------------------------------------
// Constraints: an unchecked acquisition becomes checked when a branch makes
// its success or its failure certain.

ProgramStateRef FdEngine::evalAssume(ProgramStateRef State, SVal Cond,
                                     bool) const {
  if (InAssume || !State)
    return State;
  FdMapTy M = State->get<FdMap>();
  if (M.isEmpty())
    return State;
  SValBuilder &SVB = State->getStateManager().getSValBuilder();
  for (const auto &[Sym, FS] : M) {
    if (FS.K != FdState::Owned || !FS.Unchecked)
      continue;
    bool Mentions = false;
    for (SymbolRef X : Cond.symbols())
      Mentions |= X == Sym || (FS.Status && X == FS.Status);
    if (!Mentions)
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
        Next = assumeCmp(Next, Sym, BO_GE, 0, SVB);
        Next = assumeCmp(Next, FS.Status, BO_EQ, 0, SVB);
      }
    } else if (O.FailureCertain && !O.SuccessCertain) {
      Next = State->remove<FdMap>(Sym);
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

// ---------------------------------------------------------------------------
// Leaks

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

void FdEngine::checkLiveSymbols(ProgramStateRef State,
                                SymbolReaper &SR) const {
  // fork's result decides, at a report, whether the path is the child's.
  for (SymbolRef R : State->get<ForkRets>())
    SR.markLive(R);
  // A borrow keeps its owner's state, so that a use of the borrow after
  // the owner is closed is still recognised.
  for (const auto &[Sym, FS] : State->get<FdMap>()) {
    if (FS.K == FdState::Borrowed && FS.Owner && SR.isLive(Sym))
      SR.markLive(FS.Owner);
    // The analysed function's annotated parameters: their constraints
    // (fd < 0 on a path) are needed when the function ends.
    if (FS.K == FdState::ReleasesParam || FS.K == FdState::UsesParam)
      SR.markLive(Sym);
    // An unchecked out-parameter fd's status: the constraints on it (the
    // program's own check, or unix.StdCLibraryFunctions' split of pipe's
    // result into 0 and -1 right after the call) say whether it succeeded
    // (posix-stdclib.c).
    if (FS.Unchecked && FS.Status && SR.isLive(Sym))
      SR.markLive(FS.Status);
  }
}

void FdEngine::checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  for (const auto &[Where, Sym] : State->get<StoredFds>())
    if (!SR.isLive(Sym) || !SR.isLiveRegion(Where))
      State = State->remove<StoredFds>(Where);
  for (const auto &[Str, Fd] : State->get<StreamFds>())
    if (!SR.isLive(Str) || !SR.isLive(Fd))
      State = State->remove<StreamFds>(Str);
  SValBuilder &SVB = C.getSValBuilder();
  llvm::SmallVector<std::pair<SymbolRef, FdState>, 2> Leaked, Unreleased;
  for (const auto &[Sym, FS] : State->get<FdMap>()) {
    if (SR.isLive(Sym))
      continue;
    // A symbol standing for a region's initial value (a parameter's fd)
    // can come back: reading the region again, through a copy of the
    // struct, yields it anew.  Keep what the engine knows about it, except
    // ownership (an owned fd no one references is leaked).
    if (FS.K != FdState::Owned &&
        isa<SymbolRegionValue, SymbolDerived>(Sym))
      continue;
    ProgramStateRef Before = State;
    State = State->remove<FdMap>(Sym);
    if (FS.K != FdState::Owned)
      continue;
    // The store still holds the dying bindings here (checkers see the
    // state before it is cleaned), so an iosafe_auto_fd's content is known.
    if (heldByAutoVar(Before, Sym))
      continue;
    InAssume = true;
    Outcome O = resolve(Before, Sym, FS.Status, SVB);
    InAssume = false;
    if (O.FailureCertain)
      continue; // it never held a descriptor on this path
    // Known to be 0, 1 or 2: it took the place of a closed standard
    // stream (a daemon reopening /dev/null), which stays open on purpose.
    if (!assumeCmp(Before, Sym, BO_GT, 2, SVB))
      continue;
    Leaked.push_back({Sym, FS});
  }
  // A path that can only end in a noreturn call (exit, abort, a _Noreturn
  // function): the process gives every fd back; nothing leaks.
  if (!Leaked.empty())
    if (const CFGBlock *B = C.getPredecessor()->getCFGBlock())
      if (endsOnlyInNoReturn(B))
        Leaked.clear();
  if (Leaked.empty() && Unreleased.empty()) {
    C.addTransition(State);
    return;
  }
  ExplodedNode *N = C.generateNonFatalErrorNode(State);
  if (!N)
    return;
  for (const auto &[Sym, FS] : Leaked)
    reportLeak(Sym, FS, N, C);
  for (const auto &[Sym, FS] : Unreleased)
    report(BK_AnnotationMismatch, Source(FS.Src),
           "annotation mismatch: IOSAFE_RELEASES parameter '" +
               describe(Sym) + "' is not released on this path",
           N, C, {Sym}, nullptr);
}

// ---------------------------------------------------------------------------
// Escapes

ProgramStateRef
FdEngine::checkPointerEscape(ProgramStateRef State,
                             const InvalidatedSymbols &Escaped,
                             const CallEvent *Call, PointerEscapeKind) const {
  // poll(2) and the like only read the fds in their arguments' memory.
  if (Call)
    if (const FnSummary *S = summaryFor(*Call); S && S->has(SF_KeepsNoFd))
      return State;
  auto Exempt = State->get<EscapeExempt>();
  for (SymbolRef Sym : Escaped) {
    if (Exempt.contains(Sym))
      continue;
    const FdState *FS = State->get<FdMap>(Sym);
    if (!FS)
      continue;
    if (FS->K == FdState::Owned || FS->K == FdState::ReleasesParam ||
        FS->K == FdState::Borrowed)
      State = State->remove<FdMap>(Sym);
  }
  return State;
}

void FdEngine::checkBind(SVal Loc, SVal Val, const Stmt *S,
                         CheckerContext &C) const {
  const MemRegion *R = Loc.getAsRegion();
  if (!R)
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
    if (!Cleanup || !releasesFirstParam(Cleanup))
      continue;
    const MemRegion *R = State->getRegion(VD, C.getLocationContext());
    State = State->add<AutoVars>(R);
    Changed = true;
  }
  if (Changed)
    C.addTransition(State);
}

// ---------------------------------------------------------------------------
// The analysed function's own annotations

void FdEngine::checkBeginFunction(CheckerContext &C) const {
  if (!C.inTopFrame())
    return;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(C.getLocationContext()->getDecl());
  if (!FD)
    return;
  const FnSummary *S = Enabled[unsigned(Source::Ownership)]
                           ? annotationSummary(FD)
                           : nullptr;
  ProgramStateRef State = C.getState();
  const LocationContext *LCtx = C.getLocationContext();
  bool Changed = false;
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

void FdEngine::checkPreStmt(const ReturnStmt *RS, CheckerContext &C) const {
  const Expr *RE = RS->getRetValue();
  if (!RE)
    return;
  ProgramStateRef State = C.getState();
  SVal V = C.getSVal(RE);
  FdArg A = fdOfValue(V, RE->getType(), State);
  SymbolRef Sym = A.sym();
  const FdState *FS = Sym ? State->get<FdMap>(Sym) : nullptr;
  if (!FS)
    return;
  if (FS->K == FdState::Borrowed && FS->OwnerRegion &&
      isLocalOf(FS->OwnerRegion->getBaseRegion(), C.getStackFrame())) {
    report(BK_BorrowOutlivesOwner, Source(FS->Src),
           "borrow outlives owner: a borrow of a local owner is returned",
           C.generateErrorNode(State), C, {Sym, FS->Owner}, RE);
    return;
  }
  if (!C.inTopFrame())
    return; // the caller receives it; the analysis goes on there
  const auto *FD = dyn_cast_or_null<FunctionDecl>(C.getLocationContext()->getDecl());
  const FnSummary *S = Enabled[unsigned(Source::Ownership)]
                           ? annotationSummary(FD)
                           : nullptr;
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

void FdEngine::checkEndFunction(const ReturnStmt *, CheckerContext &C) const {
  if (!C.inTopFrame())
    return;
  ProgramStateRef State = C.getState();
  SValBuilder &SVB = C.getSValBuilder();
  llvm::SmallVector<SymbolRef, 2> Unreleased;
  FdMapTy M = State->get<FdMap>();
  for (const auto &[Sym, FS] : M) {
    if (FS.K != FdState::ReleasesParam ||
        !mayBeOpen(State, nonloc::SymbolVal(Sym), SVB))
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

void FdEngine::printState(raw_ostream &Out, ProgramStateRef State,
                          const char *NL, const char *Sep) const {
  FdMapTy M = State->get<FdMap>();
  if (!M.isEmpty()) {
    Out << Sep << "iosafe fds:" << NL;
    for (const auto &[Sym, FS] : M) {
      Out << "  ";
      Sym->dumpToStream(Out);
      Out << " : " << kindName(FS.K);
      if (FS.Unchecked) {
        Out << ", unchecked";
        if (FS.Status) {
          Out << " (status ";
          FS.Status->dumpToStream(Out);
          Out << ")";
        }
      }
      if (FS.Owner) {
        Out << ", owner ";
        FS.Owner->dumpToStream(Out);
      }
      Out << NL;
    }
  }
  auto G = State->get<GoneOwners>();
  if (!G.isEmpty()) {
    Out << Sep << "iosafe owners left none:" << NL;
    for (const auto &[R, Info] : G)
      Out << "  " << R << (Info.Moved ? " : moved out" : " : closed") << NL;
  }
}
