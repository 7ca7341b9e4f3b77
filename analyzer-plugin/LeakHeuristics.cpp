// SPDX-License-Identifier: MIT
//
// analyzer-plugin/LeakHeuristics.cpp: every rule that keeps a report back
// on a path where it is most likely false, behind one entry point
// (suppressed), called by Diagnostics.cpp for every report.  Each rule says
// which test holds its cases.
//
//   - any report, on a fork() child's path that has left the branch the
//     program gave the child (forkChildLeftItsBranch; posix-process.c);
//   - a leak of an fd known to be 0, 1 or 2: it took the place of a
//     closed standard stream, which stays open on purpose (posix-daemon.c);
//   - a leak on a path that can only end in a noreturn call (exit, abort,
//     a _Noreturn function): the process gives every fd back
//     (endsOnlyInNoReturn; exit-paths.c);
//   - a leak on a path that skipped, at its first test, a loop over a
//     guessed bound whose body uses the fd (skipsLoopUsing;
//     posix-loop-bounds.c);
//   - (not a report rule, but of the same kind) a call, not inlined, to a
//     function of the unit whose every path ends in exit, _exit, abort, a
//     noreturn call or exec is taken as not returning (neverReturns;
//     posix-noreturn-helpers.c): a fork child's `run_child(...)` does not
//     fall into the parent's closes;
//   - a leak of an fd acquired in a loop whose condition asks whether a
//     number is open (fcntl(n, F_GETFD), fstat): it fills a closed
//     standard stream (fillsStandardStreams; posix-daemon.c);
//   - a leak of an fd that dies just before a close_range(2) call that may
//     close it: the program no longer names the fd, so its symbol dies as
//     the call is reached (closedByRangeCall; posix-newer-calls.c).

#include "Engine.h"

#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ExplodedGraph.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <algorithm>
#include <cstdint>
#include <optional>

using namespace clang;
using namespace clang::ento;

namespace iosafe {

namespace {

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
/// out.  A leak on such a path is not reported (posix-loop-bounds.c;
/// memcached's server_socket).  A bound the analysis knows is 0 (a concrete
/// condition) is not a guess and is still reported.  Stops at Acq, the
/// acquisition.
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

/// Whether N is the analysis reaching a close_range(first, last, flags)
/// call whose range may hold Sym (and whose flags do not only set
/// close-on-exec): the fd dies there because the program no longer names
/// it, and the call closes it.
bool closedByRangeCall(const ExplodedNode *N, SymbolRef Sym) {
  auto SP = N->getLocation().getAs<StmtPoint>();
  if (!SP || !Sym->getType()->isIntegerType())
    return false;
  const LocationContext *LC = N->getLocationContext();
  const ParentMap &PM = LC->getParentMap();
  const CallExpr *Call = nullptr;
  for (const Stmt *S = SP->getStmt(); S && !isa<CompoundStmt>(S);
       S = PM.getParent(S))
    if ((Call = dyn_cast<CallExpr>(S)))
      break;
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier() || FD->getName() != "close_range" ||
      Call->getNumArgs() != 3)
    return false;
  ASTContext &Ctx = LC->getAnalysisDeclContext()->getASTContext();
  auto constant = [&](unsigned I) -> std::optional<int64_t> {
    Expr::EvalResult R;
    if (Call->getArg(I)->EvaluateAsInt(R, Ctx))
      return R.Val.getInt().getExtValue();
    return std::nullopt;
  };
  constexpr int64_t LinuxCLOSE_RANGE_CLOEXEC = 4; // <linux/close_range.h>
  if (auto Flags = constant(2); !Flags || (*Flags & LinuxCLOSE_RANGE_CLOEXEC))
    return false;
  auto Lo = constant(0), Hi = constant(1);
  if (!Lo || !Hi)
    return true; // may close it
  ProgramStateRef State = N->getState();
  SValBuilder &SVB = State->getStateManager().getSValBuilder();
  int Low = int(std::clamp<int64_t>(*Lo, 0, INT32_MAX));
  int High = int(std::clamp<int64_t>(*Hi, 0, INT32_MAX));
  return *Lo <= *Hi && assumeCmp(assumeCmp(State, Sym, BO_GE, Low, SVB), Sym,
                                 BO_LE, High, SVB);
}

/// Whether the acquisition at Acq runs in a loop that fills closed standard
/// streams: its condition asks whether an fd number is open with
/// fcntl(n, F_GETFD) or fstat(n, ...) (`while (fcntl(2, F_GETFD) == -1)
/// pipe(p);`).  The fds it acquires take the lowest free numbers, 0 to 2,
/// and are the process's standard streams from then on, not leaks.
bool fillsStandardStreams(const ExplodedNode *Acq) {
  const Stmt *S = Acq ? Acq->getStmtForDiagnostics() : nullptr;
  if (!S)
    return false;
  const LocationContext *LC = Acq->getLocationContext();
  const ParentMap &PM = LC->getParentMap();
  const Expr *Cond = nullptr;
  for (const Stmt *P = PM.getParent(S); P && !Cond; P = PM.getParent(P)) {
    if (const auto *W = dyn_cast<WhileStmt>(P))
      Cond = W->getCond();
    else if (const auto *D = dyn_cast<DoStmt>(P))
      Cond = D->getCond();
    else if (const auto *F = dyn_cast<ForStmt>(P))
      Cond = F->getCond();
  }
  if (!Cond)
    return false;
  ASTContext &Ctx = LC->getAnalysisDeclContext()->getASTContext();
  constexpr int64_t LinuxF_GETFD = 1; // <bits/fcntl-linux.h>
  llvm::SmallVector<const Stmt *, 16> Work{Cond};
  while (!Work.empty()) {
    const Stmt *X = Work.pop_back_val();
    if (!X)
      continue;
    if (const auto *CE = dyn_cast<CallExpr>(X))
      if (const FunctionDecl *FD = CE->getDirectCallee();
          FD && FD->getIdentifier()) {
        StringRef N = FD->getName();
        N.consume_front("__");
        Expr::EvalResult R;
        if (N.starts_with("fstat"))
          return true;
        if (N.starts_with("fcntl") && CE->getNumArgs() >= 2 &&
            CE->getArg(1)->EvaluateAsInt(R, Ctx) &&
            R.Val.getInt().getExtValue() == LinuxF_GETFD)
          return true;
      }
    for (const Stmt *Child : X->children())
      Work.push_back(Child);
  }
  return false;
}

} // namespace

bool neverReturns(const FunctionDecl *FD, AnalysisDeclContextManager &Mgr) {
  if (!FD || !FD->hasBody() || FD->isNoReturn())
    return false;
  static llvm::DenseMap<const FunctionDecl *, bool> Cache;
  auto It = Cache.find(FD->getCanonicalDecl());
  if (It != Cache.end())
    return It->second;
  bool &Result = Cache[FD->getCanonicalDecl()];
  Result = false;
  AnalysisDeclContext *ADC = Mgr.getContext(FD);
  const CFG *Cfg = ADC ? ADC->getCFG() : nullptr;
  if (!Cfg)
    return false;
  // exec(3) returns only on failure; a body that calls it on every path
  // and does not go on past it (the usual `execvp(...); _exit(127);`) or
  // ends there is a child's last act.
  auto endsPath = [](const CFGBlock *B) {
    if (B->hasNoReturnElement())
      return true;
    for (const CFGElement &El : *B)
      if (auto CS = El.getAs<CFGStmt>())
        if (const auto *CE = dyn_cast<CallExpr>(CS->getStmt()))
          if (const FunctionDecl *Callee = CE->getDirectCallee())
            if (Callee->getIdentifier() &&
                llvm::StringRef(Callee->getName()).starts_with("exec"))
              return true;
    return false;
  };
  llvm::SmallVector<const CFGBlock *, 16> Work{&Cfg->getEntry()};
  llvm::SmallPtrSet<const CFGBlock *, 16> Seen{&Cfg->getEntry()};
  bool Saw = false;
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    if (B == &Cfg->getExit())
      return Result = false;
    if (endsPath(B)) {
      Saw = true;
      continue;
    }
    for (const CFGBlock::AdjacentBlock &Succ : B->succs())
      if (const CFGBlock *SB = Succ.getReachableBlock())
        if (Seen.insert(SB).second)
          Work.push_back(SB);
  }
  return Result = Saw;
}

bool suppressed(BugKind K, const ExplodedNode *N, SymbolRef Sym,
                const ExplodedNode *Acq) {
  if (!N)
    return true;
  if (K == BK_Leak && Sym) {
    ProgramStateRef State = N->getState();
    SValBuilder &SVB = State->getStateManager().getSValBuilder();
    // Known to be 0, 1 or 2: it took the place of a closed standard
    // stream (a daemon reopening /dev/null), which stays open on purpose.
    if (Sym->getType()->isIntegerType() &&
        !assumeCmp(State, Sym, BO_GT, 2, SVB))
      return true;
    // A path that can only end in a noreturn call: nothing leaks.
    if (const ExplodedNode *Pred = N->getFirstPred())
      if (const CFGBlock *B = Pred->getCFGBlock())
        if (endsOnlyInNoReturn(B))
          return true;
    if (skipsLoopUsing(N, Acq, Sym))
      return true;
    if (closedByRangeCall(N, Sym))
      return true;
    if (fillsStandardStreams(Acq))
      return true;
    // dup2/dup3's result is the target's number, closed through the target.
    if (State->contains<DupResults>(Sym))
      return true;
  }
  return forkChildLeftItsBranch(N);
}

} // namespace iosafe
