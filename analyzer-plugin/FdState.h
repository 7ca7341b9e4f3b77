// SPDX-License-Identifier: MIT
//
// analyzer-plugin/FdState.h: what the engine keeps in the program state,
// and the bug kinds it reports.  The state machine these values move
// through is drawn once, in analyzer-plugin/README.md ("State").
//
// Every trait is declared here and registered once (its GDM index is
// defined in Traits.cpp), so that all of the engine's files read and write
// the same maps; Clang's REGISTER_MAP_WITH_PROGRAMSTATE would give each
// translation unit a map of its own.

#ifndef IOSAFE_ANALYZER_FDSTATE_H
#define IOSAFE_ANALYZER_FDSTATE_H

#include "Summary.h"

#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramState.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SVals.h"
#include "llvm/ADT/FoldingSet.h"
#include "llvm/ADT/ImmutableMap.h"
#include "llvm/ADT/ImmutableSet.h"

namespace iosafe {

/// The bug types, with their names: one list, so that an identifier and
/// its name cannot drift apart.  The names are stable (tests, SARIF rules
/// and users' suppressions depend on them) and start every message.
#define IOSAFE_BUG_KINDS(X)                                                    \
  X(Leak, "fd leak")                                                           \
  X(DoubleClose, "double close")                                               \
  X(UseAfterClose, "use after close")                                          \
  X(UseAfterMove, "use after move")                                            \
  X(BorrowOutlivesOwner, "borrow outlives owner")                              \
  X(CloseOfBorrowed, "close of borrowed fd")                                   \
  X(Unchecked, "unchecked fd")                                                 \
  X(AnnotationMismatch, "annotation mismatch")                                 \
  /* iosafe.PosixFd's attribute checks */                                      \
  X(AccessMode, "access mode mismatch")                                        \
  X(SocketPhase, "socket phase mismatch")                                      \
  X(MismatchedRelease, "mismatched release")                                   \
  /* iosafe.WinHandle (WinHandles.cpp) */                                      \
  X(WrongSentinel, "wrong handle sentinel")

enum BugKind : unsigned {
#define IOSAFE_BUG_KIND_ID(Id, Name) BK_##Id,
  IOSAFE_BUG_KINDS(IOSAFE_BUG_KIND_ID)
#undef IOSAFE_BUG_KIND_ID
      NumBugKinds
};

/// The name of a bug type ("fd leak").
inline const char *bugKindName(BugKind K) {
  static const char *const Names[NumBugKinds] = {
#define IOSAFE_BUG_KIND_NAME(Id, Name) Name,
      IOSAFE_BUG_KINDS(IOSAFE_BUG_KIND_NAME)
#undef IOSAFE_BUG_KIND_NAME
  };
  return K < NumBugKinds ? Names[K] : "?";
}

/// The reports about an fd's attributes (access mode, socket phase): their
/// path notes say where the attribute came from.
inline bool isAttrKind(unsigned K) {
  return K == BK_AccessMode || K == BK_SocketPhase;
}

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
                   ///< (StreamFds): usable until fclose/closedir closes it
    DirStreamed,   ///< Streamed, and usable only through its DIR *
                   ///< (fdopendir, SF_ExclusiveStream)
  };
  Kind K = Owned;
  bool Unchecked = false;
  /// Unchecked: the program has tested the fd or the status (a comparison,
  /// a branch, a `!`), whatever the analysis already knew (posix-stdclib.c).
  bool Tested = false;
  unsigned char Src = 0;
  /// 1 + the element of an int[2] pair (pipe, socketpair) the fd was
  /// acquired into; OutParamIdx | (1 + the argument's index) for one of
  /// several out-parameters of one call (openpty); 0 otherwise.
  static constexpr unsigned char OutParamIdx = 0x80;
  unsigned char PairIdx = 0;
  clang::ento::SymbolRef Status = nullptr; ///< Unchecked: the acquirer's status
  clang::ento::SymbolRef Owner = nullptr;  ///< Borrowed: the owner's fd
  const clang::ento::MemRegion *OwnerRegion = nullptr; ///< Borrowed: where
                                                       ///< the owner was
  FdAttrs At; ///< iosafe.PosixFd: mode, socket

  // Named constructors.
  static FdState make(Kind K, Source S) {
    FdState F;
    F.K = K;
    F.Src = static_cast<unsigned char>(S);
    return F;
  }
  /// A new fd from an acquisition whose success the program has not
  /// checked yet; Status is the acquirer's status, if it returns one.
  static FdState acquired(Source S, clang::ento::SymbolRef Status = nullptr,
                          FdAttrs At = FdAttrs()) {
    FdState F = make(Owned, S);
    F.Unchecked = true;
    F.Status = Status;
    F.At = At;
    return F;
  }
  /// A borrow of the fd Owner (or of an fd stored at OwnerRegion).
  static FdState borrowOf(Source S, clang::ento::SymbolRef Owner,
                          const clang::ento::MemRegion *OwnerRegion) {
    FdState F = make(Borrowed, S);
    F.Owner = Owner;
    F.OwnerRegion = OwnerRegion;
    return F;
  }
  /// This state moved to NK; an unchecked acquisition's test is dropped.
  FdState with(Kind NK) const {
    FdState F = *this;
    F.K = NK;
    F.Unchecked = false;
    F.Tested = false;
    F.Status = nullptr;
    return F;
  }
  /// The same fd, its acquisition now known to have succeeded.
  FdState checked() const { return with(K); }

  // Predicates.
  bool isOwned() const { return K == Owned; }
  /// Closed or moved away: the number is no longer this code's.
  bool isGone() const { return K == Closed || K == Moved; }
  bool isStreamed() const { return K == Streamed || K == DirStreamed; }
  bool isParam() const { return K == UsesParam || K == ReleasesParam; }
  Source source() const { return Source(Src); }

  bool operator==(const FdState &O) const {
    return K == O.K && Unchecked == O.Unchecked && Tested == O.Tested &&
           Src == O.Src && PairIdx == O.PairIdx && Status == O.Status &&
           Owner == O.Owner && OwnerRegion == O.OwnerRegion &&
           At.Mode == O.At.Mode && At.Kind == O.At.Kind &&
           At.Type == O.At.Type && At.Phase == O.At.Phase;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddInteger(K);
    ID.AddBoolean(Unchecked);
    ID.AddBoolean(Tested);
    ID.AddInteger(Src);
    ID.AddInteger(PairIdx);
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
  bool Moved;                 ///< moved out (take, into_raw, release); else
                              ///< closed
  clang::ento::SymbolRef Sym; ///< the fd it held
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
  clang::ento::SymbolRef Sym;
  FdState Before;
  bool operator==(const CastFd &O) const {
    return Sym == O.Sym && Before == O.Before;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Sym);
    Before.Profile(ID);
  }
};

/// A directory stream (DIR *) from opendir or fdopendir (DirStreams.cpp).
struct DirState {
  bool Closed;       ///< closedir closed it
  unsigned char Src; ///< the checker that acquired it
  bool operator==(const DirState &O) const {
    return Closed == O.Closed && Src == O.Src;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddBoolean(Closed);
    ID.AddInteger(Src);
  }
};

/// An fd passed to, or read from, an argument (FdValues.cpp).
struct FdArg {
  bool Valid = false;
  clang::ento::SVal Val = clang::ento::UnknownVal(); ///< the int value
  const clang::ento::MemRegion *Holder = nullptr;    ///< its location, when by
                                                     ///< pointer
  clang::ento::SymbolRef sym() const { return Val.getAsSymbol(); }
};

/// Whether an entry of the immutable map or set M satisfies P.  A
/// range-for: llvm::any_of and the <algorithm> forms take M's iterators by
/// value, and an ImmutableMap iterator copies its path (a SmallVector) at
/// every copy, which at the callbacks that run at every branch and purge
/// costs more than the test.
template <typename MapT, typename Pred> bool anyEntry(const MapT &M, Pred P) {
  for (const auto &E : M)
    if (P(E))
      return true;
  return false;
}

} // namespace iosafe

/// Declares a program-state trait shared by the engine's files; its index
/// is defined once with IOSAFE_STATE_TRAIT_INDEX (Traits.cpp).
#define IOSAFE_STATE_TRAIT(Name, ...)                                          \
  namespace iosafe {                                                           \
  struct Name {};                                                              \
  using Name##Ty = __VA_ARGS__;                                                \
  }                                                                            \
  namespace clang {                                                            \
  namespace ento {                                                             \
  template <>                                                                  \
  struct ProgramStateTrait<iosafe::Name>                                       \
      : public ProgramStatePartialTrait<iosafe::Name##Ty> {                    \
    static void *GDMIndex();                                                   \
  };                                                                           \
  }                                                                            \
  }
#define IOSAFE_STATE_TRAIT_INDEX(Name)                                         \
  void *clang::ento::ProgramStateTrait<iosafe::Name>::GDMIndex() {             \
    return &iosafe::TraitKeys[unsigned(iosafe::TraitKey::Name)];               \
  }
/// The index of a trait of another checker (WinHandles.cpp): a key of its
/// own, outside the engine's TraitKeys.
#define IOSAFE_OTHER_TRAIT_INDEX(Name)                                         \
  void *clang::ento::ProgramStateTrait<iosafe::Name>::GDMIndex() {             \
    static int Index;                                                          \
    return &Index;                                                             \
  }

/// Each fd the engine knows, by its symbol.
IOSAFE_STATE_TRAIT(FdMap,
                   llvm::ImmutableMap<clang::ento::SymbolRef, iosafe::FdState>)
/// Owners' locations left none by a close or a move (use after move/close).
IOSAFE_STATE_TRAIT(
    GoneOwners,
    llvm::ImmutableMap<const clang::ento::MemRegion *, iosafe::GoneInfo>)
/// Variables whose cleanup function closes the fd they hold
/// (iosafe_auto_fd; AutoCleanup.cpp).
IOSAFE_STATE_TRAIT(AutoVars, llvm::ImmutableSet<const clang::ento::MemRegion *>)
/// Fds a call's summary accounts for: their escape during the call's
/// invalidation is not a hand-on.
IOSAFE_STATE_TRAIT(EscapeExempt, llvm::ImmutableSet<clang::ento::SymbolRef>)
/// Where an owned fd was last stored inside a local struct or union (the
/// region bound, its fd): the analyzer's store keeps a union initialised by
/// a designated initialiser as one default binding the engine cannot read
/// back field by field (struct epoll_event ev = {.data.fd = c}).
IOSAFE_STATE_TRAIT(
    StoredFds,
    llvm::ImmutableMap<const clang::ento::MemRegion *, clang::ento::SymbolRef>)
/// The stream (FILE *, DIR *) fdopen/fdopendir returned -> the fd it owns.
IOSAFE_STATE_TRAIT(
    StreamFds,
    llvm::ImmutableMap<clang::ento::SymbolRef, clang::ento::SymbolRef>)
/// 1 + the lowest constant fd number closed since the last acquisition
/// (0: none).  POSIX: open and the other acquirers return "the lowest
/// numbered unused file descriptor", so the next one is at most that
/// number: `close(0); open("/dev/null", O_RDWR);` reopens a standard stream.
IOSAFE_STATE_TRAIT(FreedSlot, unsigned)
/// Constant fd numbers (STDIN_FILENO, 3, ...) closed by close(2) since the
/// last call that may have reused them (any acquisition, an unknown call):
/// closing one again is a double close.
IOSAFE_STATE_TRAIT(ClosedConsts, llvm::ImmutableSet<unsigned>)
/// The results of fork() on this path (SF_Forks).
IOSAFE_STATE_TRAIT(ForkRets, llvm::ImmutableSet<clang::ento::SymbolRef>)
/// The directory streams (DIR *) the engine knows, by their symbol.
IOSAFE_STATE_TRAIT(DirStreams,
                   llvm::ImmutableMap<clang::ento::SymbolRef, iosafe::DirState>)
/// Integer-to-pointer casts of tracked fds (checkPreStmt<CastExpr>).
IOSAFE_STATE_TRAIT(CastFds,
                   llvm::ImmutableMap<const clang::Stmt *, iosafe::CastFd>)
/// The results of dup2/dup3: the target's number, checked and used like a
/// new fd, but closed by whoever owns the target (or no one: a standard
/// stream), so never a leak of their own.
IOSAFE_STATE_TRAIT(DupResults, llvm::ImmutableSet<clang::ento::SymbolRef>)
/// Fds returned by an acquisition that failed on this path (they are -1
/// there), and whether the program tested them: a use of a tested one
/// (`if (fd == -1) read(fd, ...)`) is an "unchecked fd"; an untested one is
/// reported where the acquisition succeeded.  The flags: FailedTested, and
/// FailedGone once the symbol is dead.  A dead symbol's -1 can still be an
/// argument of the call about to be evaluated (its variable was read for
/// the last time there), so it is kept until the next purge of dead
/// symbols, and no longer: kept beyond, it would tell apart states that are
/// otherwise the same and stop the analyzer from merging paths (a loop
/// whose acquisition fails on some iterations).
IOSAFE_STATE_TRAIT(FailedFds,
                   llvm::ImmutableMap<clang::ento::SymbolRef, unsigned char>)
namespace iosafe {
enum : unsigned char { FailedTested = 1, FailedGone = 2 };
} // namespace iosafe
/// What the function's own calls tell of a socket it does not track (a
/// parameter, a global): bind made it bound, listen or accept listening,
/// connect connected (iosafe.PosixFd); the attributes packed by packAttrs.
IOSAFE_STATE_TRAIT(InferredSockets,
                   llvm::ImmutableMap<clang::ento::SymbolRef, unsigned>)
/// A socket -> the result of the bind that made it bound: until the path
/// rules out that bind failed (-1), the socket may still be unbound, and
/// listen on it is a phase mismatch.
IOSAFE_STATE_TRAIT(
    PendingBinds,
    llvm::ImmutableMap<clang::ento::SymbolRef, clang::ento::SymbolRef>)
/// Owned fds the analysed function stored through one of its pointer
/// parameters (*out = fd), and where: handed on to the caller if the
/// function returns success, leaked if it returns its failure value.
IOSAFE_STATE_TRAIT(
    OutFds,
    llvm::ImmutableMap<clang::ento::SymbolRef, const clang::ento::MemRegion *>)
/// Owned fds stored in heap memory (obj->fd = fd), and where: freeing the
/// object while the fd is still stored there leaks it.  Dropped when the
/// fd is closed or handed on, or the object escapes.
IOSAFE_STATE_TRAIT(
    HeapFds,
    llvm::ImmutableMap<clang::ento::SymbolRef, const clang::ento::MemRegion *>)
/// The fds stored in the object a call that releases or reallocates it is
/// given, from its pre-call to its post-call (HeapObjects.cpp).
IOSAFE_STATE_TRAIT(
    HeapCallFds,
    llvm::ImmutableMap<clang::ento::SymbolRef, const clang::ento::MemRegion *>)
/// The call (its expression) HeapCallFds belongs to.
IOSAFE_STATE_TRAIT(HeapCallSite, const void *)
/// realloc's result (the new object's symbol) and the old object, whose
/// fds stay there when the path takes realloc's failure (a null result):
/// heapFree reads it while the result lives, heapDeadSymbols when it dies
/// (it is not kept alive, so unix.Malloc still sees the new object die).
IOSAFE_STATE_TRAIT(
    ReallocFrom,
    llvm::ImmutableMap<clang::ento::SymbolRef, const clang::ento::MemRegion *>)

/// Fds recvmsg(2) put in a control buffer (SCM_RIGHTS) that the program
/// has not read yet (ReceivedFds.cpp): owned, but they die quietly, since
/// the checker cannot tell how many of the buffer's slots a message filled.
/// Reading one (a load, a memcpy out of it) takes it out of this set.
IOSAFE_STATE_TRAIT(UnreadFds, llvm::ImmutableSet<clang::ento::SymbolRef>)
/// Fds read out of a fanotify event (struct fanotify_event_metadata's fd
/// in a buffer read(2) filled; ReceivedFds.cpp): acquired once, at their
/// first read, so that a read after a hand-on acquires nothing again.
IOSAFE_STATE_TRAIT(EventFds, llvm::ImmutableSet<clang::ento::SymbolRef>)

/// Every trait above, for what is done to each of them: its GDM index
/// and its key in TraitKeys (Traits.cpp).
#define IOSAFE_TRAITS(X)                                                       \
  X(FdMap)                                                                     \
  X(GoneOwners)                                                                \
  X(AutoVars)                                                                  \
  X(EscapeExempt)                                                              \
  X(StoredFds)                                                                 \
  X(StreamFds)                                                                 \
  X(FreedSlot)                                                                 \
  X(ForkRets)                                                                  \
  X(CastFds)                                                                   \
  X(DirStreams)                                                                \
  X(ClosedConsts)                                                              \
  X(DupResults)                                                                \
  X(FailedFds)                                                                 \
  X(InferredSockets)                                                           \
  X(PendingBinds)                                                              \
  X(OutFds)                                                                    \
  X(HeapFds)                                                                   \
  X(UnreadFds)                                                                 \
  X(EventFds)                                                                  \
  X(HeapCallFds)                                                               \
  X(ReallocFrom)                                                               \
  X(HeapCallSite)

namespace iosafe {
/// The GDM key of each trait is one byte of one array, so that a state
/// holding none of the engine's traits is told by one descent of its
/// generic data map (hasEngineState).  ScmSlots and CopiedSlot are
/// ReceivedFds.cpp's own traits.
// clang-format off
enum class TraitKey : unsigned {
#define IOSAFE_TRAIT_ENUM(Name) Name,
  IOSAFE_TRAITS(IOSAFE_TRAIT_ENUM)
#undef IOSAFE_TRAIT_ENUM
  ScmSlots,
  CopiedSlot,
  Count
};
// clang-format on
extern char TraitKeys[unsigned(TraitKey::Count)];
/// Whether State holds any of the engine's traits: the callbacks that only
/// read or drop what the engine tracks return at once when it holds none,
/// as in most of a program, which touches no fd.
bool hasEngineState(const clang::ento::ProgramStateRef &State);
/// State without the keys of the traits left empty (Traits.cpp).
clang::ento::ProgramStateRef
dropEmptyTraits(clang::ento::ProgramStateRef State);

/// FdAttrs as one number (a program-state value), and back.
inline unsigned packAttrs(const FdAttrs &A) {
  return (unsigned(A.Mode) << 24) | (unsigned(A.Kind) << 16) |
         (unsigned(A.Type) << 8) | unsigned(A.Phase);
}
inline FdAttrs unpackAttrs(unsigned P) {
  FdAttrs A;
  A.Mode = FdMode((P >> 24) & 0xff);
  A.Kind = FdKind((P >> 16) & 0xff);
  A.Type = SockType((P >> 8) & 0xff);
  A.Phase = SockPhase(P & 0xff);
  return A;
}
} // namespace iosafe

#endif // IOSAFE_ANALYZER_FDSTATE_H
