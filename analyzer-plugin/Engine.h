// SPDX-License-Identifier: MIT
//
// analyzer-plugin/Engine.h: the ownership engine, one state machine over the
// program state, shared by the checkers iosafe.Ownership and iosafe.PosixFd.
//
// Each fd the analysis knows is a symbol (the int value; for an fd wrapper
// struct such as iosafe_owned_fd, the symbol of its one int field) mapped to
// a small FdState in the program state (FdMap).  Function calls move fds
// between states according to a summary (Summary.h); the engine itself knows
// no function by name.
//
//                   acquire (IOSAFE_ACQUIRES, iosafe_open, ...)
//    [untracked] ─────────────────────────────► Owned, unchecked
//         ▲   failure certain (status != 0, fd < 0)   │ success certain
//         └────────────────────────────────────────────┤ (a branch checked it)
//                                                      ▼
//   "unchecked fd" ◄── use before the program      Owned ── dies ──► "fd leak"
//   tested the fd or its status (Tested bit)        │ │ │   (unless an
//    escape: stored in caller-reachable memory,     │ │ │   iosafe_auto_fd holds
//    passed by pointer or by value to an unknown ───┘ │ │   it: its cleanup
//    function, returned   ──► [untracked]             │ │   closes it)
//                                                      │ │
//             close (iosafe_fd_close/drop)  ◄──────────┘ └──► release / move
//                       │                                  (IOSAFE_RELEASES)
//                       ▼                                         ▼
//                    Closed ── close ──► "double close"         Moved ── use ──► "use after move"
//                       └──── use ─────► "use after close"
//
//   take / into_raw / from_raw keep the symbol Owned (the value moves to a
//   new owner) and mark the old owner's location gone (GoneOwners): using
//   that owner again is "use after move" (or "use after close").
//
//   Borrowed{owner} (iosafe_fd_borrow, IOSAFE_RETURNS_BORROW, a borrowed
//   parameter) ── use while the owner is Closed/Moved/gone ──► "borrow outlives owner"
//              ── close / release ──► "close of borrowed fd"
//
//   Leaks are not reported on a path that skipped, at its first test, a
//   loop over a guessed bound whose body uses the fd, nor after a fork()
//   child has left its branch (see skipsLoopUsing, forkChildLeftItsBranch).
//
//   In the function being analysed at top level: IOSAFE_USES params are
//   UsesParam (closing one is "annotation mismatch"), IOSAFE_RELEASES params
//   are ReleasesParam (not released on a path: "annotation mismatch").

#ifndef IOSAFE_ANALYZER_ENGINE_H
#define IOSAFE_ANALYZER_ENGINE_H

#include "Summary.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"

#include <memory>

namespace iosafe {

/// The bug types; their names are stable (tests, SARIF rules and users'
/// suppressions depend on them) and start every message.
enum BugKind : unsigned {
  BK_Leak,
  BK_DoubleClose,
  BK_UseAfterClose,
  BK_UseAfterMove,
  BK_BorrowOutlivesOwner,
  BK_CloseOfBorrowed,
  BK_Unchecked,
  BK_AnnotationMismatch,
  BK_AccessMode,        ///< iosafe.PosixFd: "access mode mismatch"
  BK_SocketPhase,       ///< iosafe.PosixFd: "socket phase mismatch"
  BK_MismatchedRelease, ///< iosafe.PosixFd: "mismatched release"
  NumBugKinds
};
extern const char *const BugKindNames[NumBugKinds];

struct FdArg;
struct FdState;

class FdEngine
    : public clang::ento::Checker<
          clang::ento::eval::Call, clang::ento::eval::Assume,
          clang::ento::check::PreCall,
          clang::ento::check::PostCall, clang::ento::check::DeadSymbols,
          clang::ento::check::LiveSymbols, clang::ento::check::PointerEscape,
          clang::ento::check::Bind, clang::ento::check::BeginFunction,
          clang::ento::check::EndFunction,
          clang::ento::check::PreStmt<clang::ReturnStmt>,
          clang::ento::check::PostStmt<clang::DeclStmt>,
          clang::ento::check::PreStmt<clang::CastExpr>,
          clang::ento::check::PreStmt<clang::BinaryOperator>,
          clang::ento::check::PreStmt<clang::UnaryOperator>,
          clang::ento::check::PostStmt<clang::CallExpr>,
          clang::ento::check::BranchCondition> {
public:
  /// Turns a summary source on, under the checker name that reports for it.
  void enable(Source S, clang::ento::CheckerNameRef Name);

  bool evalCall(const clang::ento::CallEvent &Call,
                clang::ento::CheckerContext &C) const;
  clang::ento::ProgramStateRef evalAssume(clang::ento::ProgramStateRef State,
                                          clang::ento::SVal Cond,
                                          bool Assumption) const;
  void checkPreCall(const clang::ento::CallEvent &Call,
                    clang::ento::CheckerContext &C) const;
  void checkPostCall(const clang::ento::CallEvent &Call,
                     clang::ento::CheckerContext &C) const;
  void checkDeadSymbols(clang::ento::SymbolReaper &SR,
                        clang::ento::CheckerContext &C) const;
  void checkLiveSymbols(clang::ento::ProgramStateRef State,
                        clang::ento::SymbolReaper &SR) const;
  clang::ento::ProgramStateRef
  checkPointerEscape(clang::ento::ProgramStateRef State,
                     const clang::ento::InvalidatedSymbols &Escaped,
                     const clang::ento::CallEvent *Call,
                     clang::ento::PointerEscapeKind Kind) const;
  void checkBind(clang::ento::SVal Loc, clang::ento::SVal Val,
                 const clang::Stmt *S, clang::ento::CheckerContext &C) const;
  void checkBeginFunction(clang::ento::CheckerContext &C) const;
  void checkEndFunction(const clang::ReturnStmt *RS,
                        clang::ento::CheckerContext &C) const;
  void checkPreStmt(const clang::ReturnStmt *RS,
                    clang::ento::CheckerContext &C) const;
  void checkPostStmt(const clang::DeclStmt *DS,
                     clang::ento::CheckerContext &C) const;
  void checkPreStmt(const clang::CastExpr *CE,
                    clang::ento::CheckerContext &C) const;
  void checkPreStmt(const clang::BinaryOperator *BO,
                    clang::ento::CheckerContext &C) const;
  void checkPreStmt(const clang::UnaryOperator *UO,
                    clang::ento::CheckerContext &C) const;
  void checkPostStmt(const clang::CallExpr *CE,
                     clang::ento::CheckerContext &C) const;
  void checkBranchCondition(const clang::Stmt *Cond,
                            clang::ento::CheckerContext &C) const;
  void printState(llvm::raw_ostream &Out, clang::ento::ProgramStateRef State,
                  const char *NL, const char *Sep) const override;

private:
  bool Enabled[NumSources] = {};
  /// Bug types, one set per checker (so a report names its checker).
  std::unique_ptr<clang::ento::BugType> BugTypes[NumSources][NumBugKinds];
  /// evalAssume itself asks the constraint manager, which calls evalAssume.
  mutable bool InAssume = false;

  const FnSummary *summaryFor(const clang::ento::CallEvent &Call) const;
  /// Marks the unchecked fds whose value or status V involves as tested.
  clang::ento::ProgramStateRef markTested(clang::ento::ProgramStateRef State,
                                          clang::ento::SVal V) const;
  clang::ento::ProgramStateRef markTested(clang::ento::ProgramStateRef State,
                                          const clang::Expr *E,
                                          clang::ento::CheckerContext &C) const;
  /// markTested over a comparison's or a condition's operands.
  void testedBy(llvm::ArrayRef<const clang::Expr *> Operands,
                clang::ento::CheckerContext &C) const;
  const FnSummary *summaryFor(const clang::FunctionDecl *FD) const;
  const clang::ento::BugType &bugType(Source S, BugKind K) const;

  clang::ento::ProgramStateRef checkUse(clang::ento::ProgramStateRef State,
                                        const FdArg &A, const clang::Expr *E,
                                        Source Src,
                                        clang::ento::CheckerContext &C,
                                        clang::ento::ExplodedNode *&Pred,
                                        unsigned Need = 0) const;
  clang::ento::ProgramStateRef
  checkAttrs(clang::ento::ProgramStateRef State, const FdArg &A,
             const ParamEffect &PE, const clang::Expr *E, Source Src,
             clang::ento::CheckerContext &C,
             clang::ento::ExplodedNode *&Pred) const;
  clang::ento::ProgramStateRef
  checkRelease(clang::ento::ProgramStateRef State, const FdArg &A,
               const clang::Expr *E, Source Src, bool IsClose, bool IsAdopt,
               clang::ento::CheckerContext &C,
               clang::ento::ExplodedNode *&Pred) const;
  void report(BugKind K, Source Src, llvm::StringRef Msg,
              clang::ento::ExplodedNode *N, clang::ento::CheckerContext &C,
              llvm::ArrayRef<clang::ento::SymbolRef> Interesting,
              const clang::Expr *E) const;
  void reportLeak(clang::ento::SymbolRef Sym, const FdState &FS,
                  clang::ento::ExplodedNode *N,
                  clang::ento::CheckerContext &C) const;
  bool heldByAutoVar(clang::ento::ProgramStateRef State,
                     clang::ento::SymbolRef Sym) const;
};

} // namespace iosafe

#endif // IOSAFE_ANALYZER_ENGINE_H
