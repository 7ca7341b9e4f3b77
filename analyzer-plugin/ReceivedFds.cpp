// SPDX-License-Identifier: MIT
//
// analyzer-plugin/ReceivedFds.cpp: fds that arrive in memory rather than as
// a call's result, for iosafe.PosixFd.
//
// SCM_RIGHTS (unix(7)): a successful recvmsg(2) puts new fds, "as though
// created with dup(2)", in the control buffer its msghdr's msg_control
// points to; the receiver owns them and must close every one it does not
// keep.  Effect::ReceivesFds (the recvmsg row) models it:
//   - recvmsg leaves msg_control as it was (recvmsg(2) updates only
//     msg_controllen, msg_flags and msg_namelen), so that CMSG_FIRSTHDR
//     finds the caller's buffer again after the call's invalidation;
//   - the data of the first control message (CMSG_DATA of CMSG_FIRSTHDR:
//     sizeof(struct cmsghdr), 16 bytes on LP64 Linux, past the buffer's
//     start) gets one new owned fd per int that fits in msg_controllen
//     (at most MaxSlots), each remembered with its byte offset in the
//     buffer's variable (ScmSlots; union members count from 0, so a
//     `union { char buf[...]; struct cmsghdr align; }` buffer works);
//     each is also stored at its offset (a plain array's reads find it
//     there), and lives, unread, while its buffer's frame runs;
//     a load of an int at that offset that still holds what recvmsg wrote
//     (`*(int *)CMSG_DATA(c)`, `((int *)CMSG_DATA(c))[i]` at a known i,
//     `memcpy(&fd, CMSG_DATA(c) + i * sizeof fd, sizeof fd)`) reads that
//     fd (the analyzer's own memcpy without unix.cstring invalidates the
//     source too: what it leaves there still counts as recvmsg's); the
//     note "fd received here" is at the recvmsg, and a leak names it as
//     the acquirer;
//   - such an fd counts only once the program reads it (UnreadFds): the
//     checker cannot tell how many slots a message filled (cmsg_len says,
//     at run time), so an unread slot dies quietly;
//   - on the path where recvmsg fails (-1) nothing arrived.
// A read fd is then an owned fd like any other: closed, handed on (stored
// where the caller can reach it, passed to an unknown function, returned)
// or leaked.
//
// fanotify (fanotify(7)): each struct fanotify_event_metadata read(2) from
// a fanotify group carries in `fd` "an open file descriptor for the object
// being accessed, or FAN_NOFD", which the reader must close.  A load of
// that field, from memory a read(2) filled, acquires the fd there (at the
// load, the first time: EventFds), unchecked until the program tests it
// against FAN_NOFD (-1) or 0; events walked with FAN_EVENT_NEXT sit at
// offsets the analysis does not know, which is why this one is acquired
// where it is read.  A pointer to the event given to a call the checker
// does not see into (iosafe_fanotify_event_take_fd) hands the fd on.

#include "Engine.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecordLayout.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"

using namespace clang;
using namespace clang::ento;

namespace iosafe {

namespace {
/// The fds one recvmsg can give the checker: one per int of the first
/// control message's data, at most this many (the rest are not followed).
constexpr unsigned MaxSlots = 16;
/// Distinct conjuring tags, so that the slots of one call differ (and a
/// received fd is recognised by its tag).
const int SlotTags[MaxSlots] = {};
/// CMSG_LEN(0): the data of a control message starts this many bytes past
/// its header (Linux LP64: size_t cmsg_len, int cmsg_level, int cmsg_type).
constexpr int64_t CmsgHdrBytes = 16;

const FieldDecl *fieldNamed(const RecordDecl *RD, StringRef Name) {
  if (!RD || !(RD = RD->getDefinition()))
    return nullptr;
  for (const FieldDecl *F : RD->fields())
    if (F->getIdentifier() && F->getName() == Name)
      return F;
  return nullptr;
}

/// Where a received fd sits: its buffer's variable and the byte offset.
struct SlotPos {
  const MemRegion *Base;
  int64_t Off;
  bool operator==(const SlotPos &O) const {
    return Base == O.Base && Off == O.Off;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Base);
    ID.AddInteger(Off);
  }
};
} // namespace
} // namespace iosafe

// This file's own traits (as REGISTER_TRAIT_WITH_PROGRAMSTATE declares
// them), with their keys in iosafe::TraitKeys (FdState.h).
namespace {
/// Each fd a recvmsg received, and where (only this file reads it).
class ScmSlots {};
using ScmSlotsTy = llvm::ImmutableMap<clang::ento::SymbolRef, iosafe::SlotPos>;
/// The received fd a memcpy being evaluated copies (the analyzer's own
/// evaluation of the copy may invalidate its source).
class CopiedSlot {};
using CopiedSlotTy = clang::ento::SymbolRef;
} // namespace
namespace clang::ento {
template <>
struct ProgramStateTrait<ScmSlots>
    : public ProgramStatePartialTrait<ScmSlotsTy> {
  static void *GDMIndex() {
    return &iosafe::TraitKeys[unsigned(iosafe::TraitKey::ScmSlots)];
  }
};
template <>
struct ProgramStateTrait<CopiedSlot>
    : public ProgramStatePartialTrait<CopiedSlotTy> {
  static void *GDMIndex() {
    return &iosafe::TraitKeys[unsigned(iosafe::TraitKey::CopiedSlot)];
  }
};
} // namespace clang::ento

namespace iosafe {
namespace {
/// R's variable (or other base) and R's byte offset in it, with every union
/// member at offset 0; nothing when an index is not a constant.
std::optional<SlotPos> flatOffset(const MemRegion *R, ASTContext &Ctx) {
  int64_t Off = 0;
  for (int Guard = 0; R && Guard < 16; ++Guard) {
    if (const auto *ER = dyn_cast<ElementRegion>(R)) {
      auto I = ER->getIndex().getAs<nonloc::ConcreteInt>();
      QualType ET = ER->getElementType();
      if (!I || (!ET->isVoidType() && ET->isIncompleteType()))
        return std::nullopt;
      int64_t Size =
          ET->isVoidType() ? 1 : Ctx.getTypeSizeInChars(ET).getQuantity();
      Off += I->getValue().getSExtValue() * Size;
      R = ER->getSuperRegion();
      continue;
    }
    if (const auto *FR = dyn_cast<FieldRegion>(R)) {
      const RecordDecl *RD = FR->getDecl()->getParent();
      if (!RD->isUnion())
        Off +=
            Ctx.toCharUnitsFromBits(Ctx.getASTRecordLayout(RD).getFieldOffset(
                                        FR->getDecl()->getFieldIndex()))
                .getQuantity();
      R = FR->getSuperRegion();
      continue;
    }
    return SlotPos{R, Off};
  }
  return std::nullopt;
}

/// Whether Sym is one of the fds a recvmsg put in a control buffer.
bool isReceived(SymbolRef Sym) {
  const auto *SC = dyn_cast_or_null<SymbolConjured>(Sym);
  if (!SC)
    return false;
  const void *T = SC->getTag();
  return T >= static_cast<const void *>(&SlotTags[0]) &&
         T <= static_cast<const void *>(&SlotTags[MaxSlots - 1]);
}

/// Whether S is a call to memcpy or memmove: the analyzer's evaluation of
/// one without Clang's string checker invalidates its source as well, which
/// the copy never writes.
bool isCopyCall(const Stmt *S) {
  const auto *CE = dyn_cast_or_null<CallExpr>(S);
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier())
    return false;
  StringRef N = FD->getName();
  N.consume_front("__builtin_");
  N.consume_front("__");
  N.consume_back("_chk");
  return N == "memcpy" || N == "memmove";
}

/// The received fd that the int at R (read as type T; a char pointer's
/// target as an int) still holds, if the program has not overwritten it
/// since the recvmsg; only while the engine tracks that fd.
SymbolRef slotFor(const MemRegion *R, QualType T, ProgramStateRef State) {
  const auto *SR = dyn_cast_or_null<SubRegion>(R);
  if (!SR || State->get<ScmSlots>().isEmpty())
    return nullptr;
  ASTContext &Ctx = State->getStateManager().getContext();
  if (T.isNull() || !T->isIntegerType()) {
    T = Ctx.IntTy;
    R = SR = regions(State).getElementRegion(
        T, State->getStateManager().getSValBuilder().makeArrayIndex(0), SR,
        Ctx);
  }
  if (Ctx.getTypeSizeInChars(T).getQuantity() != 4)
    return nullptr;
  SVal V = State->getSVal(loc::MemRegionVal(R), T);
  SymbolRef Cur = V.getAsSymbol();
  if (isReceived(Cur))
    return State->get<FdMap>(Cur) ? Cur : nullptr;
  // What the call's invalidation left there (derived from its symbol), or
  // an unknown value: the store gives no value to an element of
  // struct cmsghdr's flexible array member __cmsg_data past the first.
  const auto *D = dyn_cast_or_null<SymbolDerived>(Cur);
  const auto *P = D ? dyn_cast<SymbolConjured>(D->getParentSymbol()) : nullptr;
  if (!P && !V.isUnknown())
    return nullptr;
  bool Copied = P && isCopyCall(P->getStmt());
  std::optional<SlotPos> Pos = flatOffset(R, Ctx);
  if (!Pos)
    return nullptr;
  const SymbolConjured *Best = nullptr;
  for (const auto &[Sym, At] : State->get<ScmSlots>()) {
    const auto *SC = cast<SymbolConjured>(Sym);
    if (!(At == *Pos) || !State->get<FdMap>(Sym))
      continue;
    if (P && !Copied
            ? SC->getStmt() == P->getStmt() && SC->getCount() == P->getCount()
            : !Best || SC->getCount() > Best->getCount())
      Best = SC;
  }
  return Best;
}

/// Whether the call that filled memory with Sym's parent was a read(2).
bool filledByRead(SymbolRef Sym) {
  const auto *D = dyn_cast_or_null<SymbolDerived>(Sym);
  const auto *P = D ? dyn_cast<SymbolConjured>(D->getParentSymbol()) : nullptr;
  const auto *CE = P ? dyn_cast_or_null<CallExpr>(P->getStmt()) : nullptr;
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier())
    return false;
  StringRef N = FD->getName();
  N.consume_front("__");
  N.consume_back("_chk");
  return N == "read" || N == "pread" || N == "pread64";
}
} // namespace

/// ReceivesFds: the fds of the first control message in the buffer of the
/// msghdr param E.Index, owned from here when the call succeeds.
void FdEngine::effectReceivesFds(const ParamEffect &E, CallEval &CV) const {
  if (CV.Src != Source::PosixFd || E.Index >= CV.Call.getNumArgs() ||
      !CV.RetTy->isIntegerType())
    return;
  QualType PT = CV.Call.getArgExpr(E.Index)->getType();
  const RecordDecl *RD =
      PT->isPointerType() ? PT->getPointeeType()->getAsRecordDecl() : nullptr;
  const FieldDecl *Ctl = fieldNamed(RD, "msg_control");
  const FieldDecl *Len = fieldNamed(RD, "msg_controllen");
  SVal Msg = CV.Call.getArgSVal(E.Index);
  if (!Ctl || !Len || !Msg.getAsRegion())
    return;
  // The msghdr before the call: where msg_control pointed, how long it was.
  ProgramStateRef Before = CV.C.getState();
  auto CtlLoc = Before->getLValue(Ctl, Msg).getAs<Loc>();
  auto LenLoc = Before->getLValue(Len, Msg).getAs<Loc>();
  if (!CtlLoc || !LenLoc)
    return;
  SVal CtlV = Before->getSVal(*CtlLoc, Ctl->getType());
  const MemRegion *Buf = CtlV.getAsRegion();
  if (!Buf || !isa<StackSpaceRegion>(Buf->getMemorySpace()))
    return; // a buffer the caller shares: its fds are handed on
  std::optional<int64_t> Cap =
      constInt(Before->getSVal(*LenLoc, Len->getType()));
  unsigned Slots = 1;
  if (Cap)
    Slots =
        *Cap > CmsgHdrBytes
            ? unsigned(std::min<int64_t>((*Cap - CmsgHdrBytes) / 4, MaxSlots))
            : 0;
  ProgramStateRef &State = CV.State;
  State = State->bindLoc(*CtlLoc, CtlV, CV.LCtx);
  if (!Slots)
    return;
  if (!CV.Ret)
    CV.Ret = CV.SVB.conjureSymbolVal(nullptr, CV.CE, CV.LCtx, CV.RetTy,
                                     CV.C.blockCount());
  ASTContext &Ctx = CV.SVB.getContext();
  std::optional<SlotPos> At = flatOffset(Buf, Ctx);
  if (!At)
    return;
  for (unsigned K = 0; K < Slots; ++K) {
    SVal Fd = CV.SVB.conjureSymbolVal(&SlotTags[K], CV.CE, CV.LCtx, Ctx.IntTy,
                                      CV.C.blockCount());
    SymbolRef FS = Fd.getAsSymbol();
    if (!FS)
      continue;
    // A received fd is a real descriptor.
    if (ProgramStateRef S2 = assumeCmp(State, FS, BO_GE, 0, CV.SVB))
      State = S2;
    State = State->set<ScmSlots>(
        FS, SlotPos{At->Base, At->Off + CmsgHdrBytes + 4 * int64_t(K)});
    // Stored in the buffer too (the store keeps it alive with the buffer):
    // a read of a plain array at the same offset finds it there.
    const auto *BaseR = dyn_cast<SubRegion>(At->Base);
    if (!BaseR)
      continue;
    const ElementRegion *ByteR = regions(State).getElementRegion(
        Ctx.CharTy,
        CV.SVB.makeArrayIndex(At->Off + CmsgHdrBytes + 4 * int64_t(K)), BaseR,
        Ctx);
    State =
        State->bindLoc(loc::MemRegionVal(regions(State).getElementRegion(
                           Ctx.IntTy, CV.SVB.makeArrayIndex(0), ByteR, Ctx)),
                       Fd, CV.LCtx);
    State = State->set<FdMap>(FS, FdState::make(FdState::Owned, CV.Src));
    State = State->add<UnreadFds>(FS);
    CV.Received.push_back(FS);
    CV.Notes.push_back({FS, "fd received here"});
  }
  State = State->remove<ClosedConsts>(); // the new fds may reuse numbers
}

/// A load of a received fd makes it read; a load of a fanotify event's fd
/// from memory read(2) filled acquires it.
void FdEngine::checkLocation(SVal L, bool IsLoad, const Stmt *S,
                             CheckerContext &C) const {
  if (!IsLoad || !Enabled.has(Source::PosixFd))
    return;
  auto ML = L.getAs<loc::MemRegionVal>();
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!ML || !E || !E->getType()->isIntegerType())
    return;
  ProgramStateRef State = C.getState();
  if (SymbolRef Slot = slotFor(ML->getRegion(), E->getType(), State)) {
    // The load reads the received fd (bound here, before the load).
    if (State->getSVal(*ML, E->getType()).getAsSymbol() != Slot)
      State =
          State->bindLoc(*ML, nonloc::SymbolVal(Slot), C.getLocationContext());
    C.addTransition(State->remove<UnreadFds>(Slot));
    return;
  }
  const auto *FR = dyn_cast<FieldRegion>(ML->getRegion());
  const RecordDecl *RD = FR ? FR->getDecl()->getParent() : nullptr;
  if (!RD || !RD->getIdentifier() ||
      RD->getName() != "fanotify_event_metadata" ||
      FR->getDecl()->getName() != "fd")
    return;
  SymbolRef Sym = State->getSVal(*ML, E->getType()).getAsSymbol();
  if (!Sym || State->get<FdMap>(Sym) || State->contains<EventFds>(Sym) ||
      !filledByRead(Sym))
    return;
  SValBuilder &SVB = C.getSValBuilder();
  // fanotify(7): "an open file descriptor for the object being accessed,
  // or FAN_NOFD" (-1).
  if (ProgramStateRef S2 = assumeCmp(State, Sym, BO_GE, -1, SVB))
    State = S2;
  State = State->set<FdMap>(Sym, FdState::acquired(Source::PosixFd));
  State = State->add<EventFds>(Sym);
  NoteList Notes{{Sym, "fd received in a fanotify event here"}};
  C.addTransition(State, noteTagFor(*this, Notes, C));
}

ProgramStateRef receivedDead(SymbolReaper &SR, ProgramStateRef State) {
  for (SymbolRef Sym : State->get<UnreadFds>())
    if (!SR.isLive(Sym))
      State = State->remove<UnreadFds>(Sym)->remove<FdMap>(Sym);
  for (const auto &[Sym, At] : State->get<ScmSlots>())
    if (!SR.isLive(Sym))
      State = State->remove<ScmSlots>(Sym);
  for (SymbolRef Sym : State->get<EventFds>())
    if (!SR.isLive(Sym))
      State = State->remove<EventFds>(Sym);
  return State;
}

ProgramStateRef receivedEventPassed(const CallEvent &Call,
                                    ProgramStateRef State) {
  if (State->get<EventFds>().isEmpty())
    return State;
  for (unsigned I = 0, N = Call.getNumArgs(); I < N; ++I) {
    const Expr *AE = Call.getArgExpr(I);
    QualType T = AE ? AE->getType() : QualType();
    const RecordDecl *RD = !T.isNull() && T->isPointerType()
                               ? T->getPointeeType()->getAsRecordDecl()
                               : nullptr;
    const MemRegion *R = Call.getArgSVal(I).getAsRegion();
    if (!R || !RD || !RD->getIdentifier() ||
        RD->getName() != "fanotify_event_metadata")
      continue;
    for (SymbolRef Sym : State->get<EventFds>()) {
      const auto *D = dyn_cast<SymbolDerived>(Sym);
      const FdState *FS = State->get<FdMap>(Sym);
      if (D && FS && FS->isOwned() &&
          (D->getRegion()->isSubRegionOf(R) ||
           D->getRegion()->isSubRegionOf(R->StripCasts())))
        State = State->remove<FdMap>(Sym); // handed on
    }
  }
  return State;
}

void receivedLive(ProgramStateRef State, SymbolReaper &SR) {
  // While the frame of the buffer's variable runs (the store alone does
  // not keep them: a union member's binding has no fixed offset for it).
  const LocationContext *Now = SR.getLocationContext();
  if (!Now)
    return;
  for (const auto &[Sym, At] : State->get<ScmSlots>()) {
    const auto *VR = dyn_cast<VarRegion>(At.Base);
    const StackFrameContext *SF = VR ? VR->getStackFrame() : nullptr;
    if (SF && State->contains<UnreadFds>(Sym) &&
        (SF == Now->getStackFrame() || SF->isParentOf(Now)))
      SR.markLive(Sym);
  }
}

ProgramStateRef receivedCopyBefore(const CallEvent &Call,
                                   ProgramStateRef State) {
  if (Call.getNumArgs() < 3)
    return State;
  if (SymbolRef Sym =
          slotFor(Call.getArgSVal(1).getAsRegion(), QualType(), State))
    return State->add<EscapeExempt>(Sym)->set<CopiedSlot>(Sym);
  return State;
}

ProgramStateRef receivedCopyAfter(const CallEvent &Call,
                                  ProgramStateRef State) {
  if (Call.getNumArgs() < 3)
    return State;
  SymbolRef Sym = State->get<CopiedSlot>();
  State = State->remove<CopiedSlot>();
  if (!Sym || !State->get<FdMap>(Sym))
    return State;
  auto N = constInt(Call.getArgSVal(2));
  const auto *Dst =
      dyn_cast_or_null<TypedValueRegion>(Call.getArgSVal(0).getAsRegion());
  if (!Sym || !N || *N != 4 || !Dst || !Dst->getValueType()->isIntegerType())
    return State;
  State = State->remove<UnreadFds>(Sym);
  if (!isTrackable(Dst)) // copied where the caller can reach it: handed on
    return State->get<FdMap>(Sym)->isOwned() ? State->remove<FdMap>(Sym)
                                             : State;
  return State->bindLoc(loc::MemRegionVal(Dst), nonloc::SymbolVal(Sym),
                        Call.getLocationContext());
}

} // namespace iosafe
