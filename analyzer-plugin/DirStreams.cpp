// SPDX-License-Identifier: MIT
//
// analyzer-plugin/DirStreams.cpp: directory streams (DIR *) as owned
// resources of iosafe.PosixFd.  opendir(3) and fdopendir(3) return a DIR *
// the caller owns when it is not null; closedir(3) releases it (and the fd
// fdopendir took over); readdir, rewinddir, telldir, seekdir and dirfd use
// it.  A DIR * that becomes unreachable unclosed is an "fd leak" (it holds
// an open fd), closedir of a closed one a "double close", a use after
// closedir a "use after close"; the fd dirfd(3) returns is borrowed from
// the stream ("close of borrowed fd" when closed).  Like an fd, a DIR *
// passed to an unknown function, stored where the caller can reach it or
// returned is handed on.

#include "Engine.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"

using namespace clang;
using namespace clang::ento;

namespace iosafe {

namespace {
bool touchesDir(const FnSummary &S) {
  for (const ParamEffect &E : S.Effects)
    if (E.E == Effect::DirUse || E.E == Effect::ForeignRelease)
      return true;
  return false;
}
} // namespace

bool mayBeNonNull(ProgramStateRef State, SymbolRef D) {
  SVal V = loc::MemRegionVal(regions(State).getSymbolicRegion(D));
  return static_cast<bool>(
      State->assume(V.castAs<DefinedOrUnknownSVal>(), true));
}

ProgramStateRef FdEngine::dirPreCall(const FnSummary &S, const CallEvent &Call,
                                     CheckerContext &C, ProgramStateRef State,
                                     ExplodedNode *&Pred) const {
  for (const ParamEffect &E : S.Effects) {
    if ((E.E != Effect::DirUse && E.E != Effect::ForeignRelease) ||
        E.Index >= Call.getNumArgs())
      continue;
    SymbolRef D = Call.getArgSVal(E.Index).getAsLocSymbol();
    const DirState *DS = D ? State->get<DirStreams>(D) : nullptr;
    if (!DS)
      continue;
    const Expr *AE = Call.getArgExpr(E.Index);
    if (DS->Closed) {
      ExplodedNode *N = C.generateNonFatalErrorNode(State, Pred);
      if (!N)
        return nullptr;
      if (E.E == Effect::ForeignRelease)
        report(BK_DoubleClose, Source(DS->Src),
               "double close: the directory stream was already closed", N, C,
               {D}, AE);
      else
        report(BK_UseAfterClose, Source(DS->Src),
               "use after close: the directory stream is used after "
               "closedir closed it",
               N, C, {D}, AE);
      Pred = N;
      continue;
    }
    if (E.E == Effect::ForeignRelease)
      State = State->set<DirStreams>(D, DirState{true, DS->Src});
  }
  return State;
}

ProgramStateRef FdEngine::dirPostCall(const FnSummary &S, const CallEvent &Call,
                                      ProgramStateRef State) const {
  for (const ParamEffect &E : S.Effects) {
    if (E.E == Effect::DirOpenRet) {
      if (SymbolRef D = Call.getReturnValue().getAsLocSymbol())
        State = State->set<DirStreams>(
            D, DirState{false, static_cast<unsigned char>(S.From)});
    } else if (E.E == Effect::DirFdRet && E.Index < Call.getNumArgs()) {
      // dirfd(3): the stream's own fd, borrowed from it; for a stream
      // fdopendir made, from the fd it took over.
      SymbolRef D = Call.getArgSVal(E.Index).getAsLocSymbol();
      SymbolRef Fd = Call.getReturnValue().getAsSymbol();
      if (!D || !Fd || !State->get<DirStreams>(D) || State->get<FdMap>(Fd))
        continue;
      const SymbolRef *Owner = State->get<StreamFds>(D);
      State = State->set<FdMap>(
          Fd, FdState::borrowOf(S.From, Owner ? *Owner : nullptr, nullptr));
    }
  }
  return State;
}

ProgramStateRef FdEngine::dirDead(
    SymbolReaper &SR, ProgramStateRef State,
    llvm::SmallVectorImpl<std::pair<SymbolRef, Source>> &Leaked) const {
  for (const auto &[D, DS] : State->get<DirStreams>()) {
    if (SR.isLive(D))
      continue;
    ProgramStateRef Before = State;
    State = State->remove<DirStreams>(D);
    InAssume = true;
    bool Open = !DS.Closed && mayBeNonNull(Before, D);
    InAssume = false;
    if (Open)
      Leaked.push_back({D, Source(DS.Src)});
  }
  return State;
}

ProgramStateRef FdEngine::dirEscape(ProgramStateRef State,
                                    const InvalidatedSymbols &Escaped,
                                    const CallEvent *Call) const {
  if (State->get<DirStreams>().isEmpty())
    return State;
  // closedir and the stream's own functions are what a DIR * is for.
  if (Call)
    if (const FnSummary *S = summaryFor(*Call); S && touchesDir(*S))
      return State;
  for (SymbolRef Sym : Escaped)
    if (const DirState *DS = State->get<DirStreams>(Sym); DS && !DS->Closed)
      State = State->remove<DirStreams>(Sym);
  return State;
}

} // namespace iosafe
