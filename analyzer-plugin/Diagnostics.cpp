// SPDX-License-Identifier: MIT
//
// analyzer-plugin/Diagnostics.cpp: the engine's bug types (one set per
// checker, so that a report names its checker), its reports, the path
// notes of a call (note tags), and leak uniqueing: one report per
// acquisition site and leak point (addLeakPointRange); and the engine's
// part of the state dumps (printState: -analyzer-dump-egraph,
// clang_analyzer_printState).
// Every report passes through the suppression rules of LeakHeuristics.cpp.

#include "Engine.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"

#include <string>

using namespace clang;
using namespace clang::ento;

namespace iosafe {

void FdEngine::enable(Source S, CheckerNameRef Name) {
  unsigned I = static_cast<unsigned>(S);
  Enabled.add(S);
  for (unsigned K = 0; K < NumBugKinds; ++K)
    BugTypes[I][K] = std::make_unique<BugType>(
        Name, bugKindName(BugKind(K)), "iosafe ownership",
        // Not SuppressOnSink: the analyzer also ends paths in sinks when a
        // loop reaches its visit limit, which would hide every leak in a
        // server's for (;;) accept loop.  Paths that end in exit/abort are
        // told apart from the CFG instead (LeakHeuristics.cpp).
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

bool FdEngine::isOurs(const BugType &BT) const {
  for (unsigned I = 0; I < NumSources; ++I)
    for (unsigned K = 0; K < NumBugKinds; ++K)
      if (BugTypes[I][K].get() == &BT)
        return true;
  return false;
}

bool FdEngine::isAttrBugType(const BugType &BT) const {
  for (unsigned I = 0; I < NumSources; ++I)
    for (unsigned K = 0; K < NumBugKinds; ++K)
      if (isAttrKind(K) && BugTypes[I][K].get() == &BT)
        return true;
  return false;
}

void FdEngine::report(BugKind K, Source Src, StringRef Msg, ExplodedNode *N,
                      CheckerContext &C, ArrayRef<SymbolRef> Interesting,
                      const Expr *E) const {
  if (!N || suppressed(K, N))
    return;
  auto R = std::make_unique<PathSensitiveBugReport>(bugType(Src, K), Msg, N);
  for (SymbolRef S : Interesting)
    if (S)
      R->markInteresting(S);
  if (E)
    R->addRange(E->getSourceRange());
  C.emitReport(std::move(R));
}

void FdEngine::reportLeak(SymbolRef Sym, Source Src, bool Dir, unsigned PairIdx,
                          ExplodedNode *N, CheckerContext &C) const {
  // The acquisition: the oldest node of this path where Sym is tracked.
  // Leaks are uniqued by it (one report per acquisition site).
  auto tracked = [&](const ExplodedNode *P) {
    return Dir ? P->getState()->get<DirStreams>(Sym) != nullptr
               : P->getState()->get<FdMap>(Sym) != nullptr;
  };
  const ExplodedNode *Acq = nullptr;
  for (const ExplodedNode *P = N->getFirstPred(); P; P = P->getFirstPred()) {
    if (!tracked(P))
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
  if (suppressed(BK_Leak, N, Sym, Acq))
    return;
  std::string Msg = "fd leak: ";
  if (Dir)
    Msg += By.empty() ? "a directory stream"
                      : "the directory stream opened by '" + By + "'";
  else if (!By.empty())
    Msg += "the fd acquired by '" + By + "'";
  else
    Msg += "an owned fd";
  Msg += Dir ? " is not closed with closedir or handed on"
             : " is not closed or handed on";
  // The two fds of a pair leak apart (uniqueing would merge them: one
  // acquisition site).
  if (PairIdx & FdState::OutParamIdx)
    Msg += " (out-parameter " +
           std::to_string(PairIdx & ~FdState::OutParamIdx) + ")";
  else if (PairIdx)
    Msg += PairIdx == 1 ? " (element [0] of the pair)"
                        : " (element [1] of the pair)";
  auto R = std::make_unique<PathSensitiveBugReport>(bugType(Src, BK_Leak), Msg,
                                                    N, Loc, UniqueDecl);
  addLeakPointRange(*R, Sym, Acq);
  R->markInteresting(Sym);
  C.emitReport(std::move(R));
}

namespace {
/// Whether a store binds some region to a value that mentions Sym.
class BindsSym : public StoreManager::BindingsHandler {
  SymbolRef Sym;

public:
  bool Found = false;
  explicit BindsSym(SymbolRef S) : Sym(S) {}
  bool HandleBinding(StoreManager &, Store, const MemRegion *,
                     SVal V) override {
    for (SymbolRef In : V.symbols())
      if (In == Sym) {
        Found = true;
        return false;
      }
    return true;
  }
};

/// The full expression or statement around S: up through its parent
/// expressions, so that the `-1` and the `0` of `return ok ? 0 : -1;` are
/// one leak point.
const Stmt *fullStmt(const Stmt *S, const LocationContext *LC) {
  const ParentMap &PM = LC->getParentMap();
  while (const Stmt *P = PM.getParent(S)) {
    if (!isa<Expr>(P))
      break;
    S = P;
  }
  return S;
}
} // namespace

/// The leak point of Sym on the path ending in N: where the last binding
/// that held it was overwritten or removed (`fd = socket(...)` in a loop's
/// next iteration; the `return` that ends the variable's scope), as a full
/// statement.  The analyzer notices the death later, at its next purge of
/// dead symbols, which differs between paths that lost the fd at the same
/// statement; the walk goes back from there.  Falls back to N's statement
/// when no binding held the fd after its acquisition Acq.
static const Stmt *leakPoint(SymbolRef Sym, const ExplodedNode *N,
                             const ExplodedNode *Acq) {
  StoreManager &SM = N->getState()->getStateManager().getStoreManager();
  const ExplodedNode *Lost = N;
  Store Last = nullptr;
  bool LastBinds = false;
  for (const ExplodedNode *P = N; P && P != Acq; P = P->getFirstPred()) {
    Store St = P->getState()->getStore();
    if (St != Last || !Last) {
      BindsSym H(Sym);
      SM.iterBindings(St, H);
      Last = St;
      LastBinds = H.Found;
    }
    if (LastBinds)
      break;
    if (P->getStmtForDiagnostics())
      Lost = P;
  }
  if (!LastBinds)
    Lost = N;
  const Stmt *S = Lost->getStmtForDiagnostics();
  return S ? fullStmt(S, Lost->getLocationContext()) : nullptr;
}

/// Leaks are uniqued by (acquisition site, leak point).  The uniqueing
/// location and decl name the acquisition; PathSensitiveBugReport::Profile
/// (clang/lib/StaticAnalyzer/Core/BugReporter.cpp) also hashes the report's
/// own ranges, so one range over the leak point (leakPoint) makes two paths
/// that lose the same fd at the same statement one equivalence class (the
/// shortest path is shown) and different leak points one report each.
/// Without a leak point (the end of a function with no statement), the
/// report's own location is the range.
void addLeakPointRange(PathSensitiveBugReport &R, SymbolRef Sym,
                       const ExplodedNode *Acq) {
  if (const Stmt *S = leakPoint(Sym, R.getErrorNode(), Acq)) {
    R.addRange(S->getSourceRange());
    return;
  }
  PathDiagnosticLocation At = R.getLocation();
  if (At.isValid())
    R.addRange(SourceRange(At.asLocation()));
}

const NoteTag *noteTagFor(const FdEngine &Engine, const NoteList &Notes,
                          CheckerContext &C) {
  if (Notes.empty())
    return nullptr;
  const FdEngine *Self = &Engine;
  return C.getNoteTag([Notes, Self](BugReporterContext &,
                                    PathSensitiveBugReport &BR) -> std::string {
    if (!Self->isOurs(BR.getBugType()))
      return "";
    std::string Out;
    bool Attr = Self->isAttrBugType(BR.getBugType());
    for (const Note &No : Notes) {
      if (!BR.isInteresting(No.Sym))
        continue;
      const std::string &M = Attr && !No.AttrMsg.empty() ? No.AttrMsg : No.Msg;
      if (M.empty())
        continue;
      if (!Out.empty())
        Out += "; ";
      Out += M;
    }
    return Out;
  });
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

// ---------------------------------------------------------------------------
// The engine's part of the analyzer's state dumps (printState)

static const char *kindName(FdState::Kind K) {
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
  // The other traits by size only: enough to see, in an exploded graph
  // (-analyzer-dump-egraph), which one keeps two states apart.
  std::string Sizes;
  auto Size = [&](const char *Name, unsigned N) {
    if (N)
      Sizes += std::string(Sizes.empty() ? "" : ", ") + Name + " " +
               std::to_string(N);
  };
  auto Count = [](const auto &Set) {
    unsigned N = 0;
    for (auto I = Set.begin(), E = Set.end(); I != E; ++I)
      ++N;
    return N;
  };
  Size("AutoVars", Count(State->get<AutoVars>()));
  Size("StoredFds", Count(State->get<StoredFds>()));
  Size("StreamFds", Count(State->get<StreamFds>()));
  Size("FreedSlot", State->get<FreedSlot>());
  Size("ClosedConsts", Count(State->get<ClosedConsts>()));
  Size("ForkRets", Count(State->get<ForkRets>()));
  Size("DirStreams", Count(State->get<DirStreams>()));
  Size("CastFds", Count(State->get<CastFds>()));
  Size("DupResults", Count(State->get<DupResults>()));
  Size("FailedFds", Count(State->get<FailedFds>()));
  Size("InferredSockets", Count(State->get<InferredSockets>()));
  Size("PendingBinds", Count(State->get<PendingBinds>()));
  Size("OutFds", Count(State->get<OutFds>()));
  Size("HeapFds", Count(State->get<HeapFds>()));
  Size("UnreadFds", Count(State->get<UnreadFds>()));
  Size("EventFds", Count(State->get<EventFds>()));
  Size("HeapCallFds", Count(State->get<HeapCallFds>()));
  Size("ReallocFrom", Count(State->get<ReallocFrom>()));
  Size("HeapCallSite", State->get<HeapCallSite>() != nullptr);
  if (!Sizes.empty())
    Out << Sep << "iosafe traits: " << Sizes << NL;
}

} // namespace iosafe
