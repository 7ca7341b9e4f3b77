// SPDX-License-Identifier: MIT
//
// analyzer-plugin/Engine.h: the ownership engine, one state machine over the
// program state (FdState.h), shared by the checkers iosafe.Ownership and
// iosafe.PosixFd.  Its design and state diagram: analyzer-plugin/README.md.
//
// Each fd the analysis knows is a symbol (the int value; for an fd wrapper
// struct such as iosafe_owned_fd, the symbol of its one int field) mapped to
// a small FdState in the program state (FdMap).  Function calls move fds
// between states according to a summary (Summary.h); the engine itself knows
// no function by name.  The engine's files:
//
//   Engine.cpp         the state traits and the analyzer's callbacks
//   Outcomes.cpp       the program's tests of an acquisition and evalAssume
//   TopFrame.cpp       the analysed function's own annotations
//   CallEffects.cpp    evalCall: one function per Effect
//   Checks.cpp         what a call needs of its arguments (use, attribute
//                      and release checks)
//   Diagnostics.cpp    bug types, messages, note tags, leak uniqueing
//   LeakHeuristics.cpp every rule that keeps a report back (one entry point)
//   FdValues.cpp       fds resolved from values, arguments, fields, locations
//   Summaries.cpp      the one summary lookup, honouring the checkers on
//   DirStreams.cpp     directory streams (DIR *) as owned resources
//   ReceivedFds.cpp    fds that arrive without a call returning them:
//                      SCM_RIGHTS control data, fanotify event fds

#ifndef IOSAFE_ANALYZER_ENGINE_H
#define IOSAFE_ANALYZER_ENGINE_H

#include "FdState.h"
#include "Summary.h"

#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"

#include "llvm/ADT/DenseMap.h"

#include <memory>
#include <optional>
#include <string>

namespace iosafe {

struct CallEval;

class FdEngine
    : public clang::ento::Checker<
          clang::ento::eval::Call, clang::ento::eval::Assume,
          clang::ento::check::PreCall, clang::ento::check::PostCall,
          clang::ento::check::DeadSymbols, clang::ento::check::LiveSymbols,
          clang::ento::check::PointerEscape, clang::ento::check::Bind,
          clang::ento::check::BeginFunction, clang::ento::check::EndFunction,
          clang::ento::check::PreStmt<clang::ReturnStmt>,
          clang::ento::check::PostStmt<clang::DeclStmt>,
          clang::ento::check::PreStmt<clang::ExplicitCastExpr>,
          clang::ento::check::PreStmt<clang::BinaryOperator>,
          clang::ento::check::PreStmt<clang::UnaryOperator>,
          clang::ento::check::PreStmt<clang::CallExpr>,
          clang::ento::check::PostStmt<clang::CallExpr>,
          clang::ento::check::BranchCondition, clang::ento::check::Location> {
public:
  /// Turns a summary source on, under the checker name that reports for it
  /// (Diagnostics.cpp).
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
  void checkPreStmt(const clang::ExplicitCastExpr *CE,
                    clang::ento::CheckerContext &C) const;
  void checkPreStmt(const clang::BinaryOperator *BO,
                    clang::ento::CheckerContext &C) const;
  void checkPreStmt(const clang::UnaryOperator *UO,
                    clang::ento::CheckerContext &C) const;
  void checkPreStmt(const clang::CallExpr *CE,
                    clang::ento::CheckerContext &C) const;
  void checkPostStmt(const clang::CallExpr *CE,
                     clang::ento::CheckerContext &C) const;
  void checkBranchCondition(const clang::Stmt *Cond,
                            clang::ento::CheckerContext &C) const;
  /// A load of a received fd (ReceivedFds.cpp).
  void checkLocation(clang::ento::SVal Loc, bool IsLoad, const clang::Stmt *S,
                     clang::ento::CheckerContext &C) const;
  void printState(llvm::raw_ostream &Out, clang::ento::ProgramStateRef State,
                  const char *NL, const char *Sep) const override;

  /// Whether BT is one of this engine's bug types; whether it is one about
  /// an fd's attributes (Diagnostics.cpp).
  bool isOurs(const clang::ento::BugType &BT) const;
  bool isAttrBugType(const clang::ento::BugType &BT) const;

private:
  /// The summary sources on (indexed by Source).
  SourceSet Enabled;
  /// Bug types, one set per checker (so a report names its checker).
  std::unique_ptr<clang::ento::BugType> BugTypes[NumSources][NumBugKinds];
  /// evalAssume itself asks the constraint manager, which calls evalAssume.
  mutable bool InAssume = false;
  /// The fds a summarised call accounts for, while evalCall invalidates
  /// what the call can reach (checkPointerEscape runs inside that
  /// invalidation and leaves them tracked).  A member rather than the
  /// EscapeExempt trait: setting and clearing a trait makes two program
  /// states per call.
  mutable llvm::SmallVector<clang::ento::SymbolRef, 4> CallExempt;

  // HeapObjects.cpp
  /// The pointer parameter a function releases like free(3)
  /// (ownership_takes(malloc, N), or a body that only frees it), or -1.
  int freedObjectParam(const clang::FunctionDecl *FD) const;
  mutable llvm::DenseMap<const clang::FunctionDecl *, int> FreesParam;
  /// The fds stored in Obj leak as By releases it (nullptr: no node).
  clang::ento::ProgramStateRef
  heapFree(const clang::Expr *Arg, clang::ento::SVal Obj, llvm::StringRef By,
           clang::ento::ProgramStateRef State, clang::ento::CheckerContext &C,
           clang::ento::ExplodedNode *&Pred) const;
  void heapPreCall(const clang::ento::CallEvent &Call,
                   clang::ento::CheckerContext &C) const;
  void heapPostCall(const clang::ento::CallEvent &Call,
                    clang::ento::CheckerContext &C) const;
  /// realloc's fds moved into its new object (from checkPostStmt).
  void heapRealloc(const clang::CallExpr *CE,
                   clang::ento::CheckerContext &C) const;
  /// realloc's dead results: on the failure path, the fds go back to the
  /// old object (from checkDeadSymbols).
  clang::ento::ProgramStateRef
  heapDeadSymbols(clang::ento::ProgramStateRef State,
                  clang::ento::SymbolReaper &SR,
                  clang::ento::CheckerContext &C) const;

  /// checkPreStmt(CallExpr): what each fd argument of a POSIX call is as
  /// an integer constant expression (Checks.cpp).
  enum class ConstFdArg : unsigned char { NotConstant, Valid, NeverValid };
  mutable llvm::DenseMap<const clang::Expr *, ConstFdArg> ConstFdArgs;

  // Summaries.cpp
  const FnSummary *summaryFor(const clang::ento::CallEvent &Call) const;
  /// (callee, argument count) -> its summary; or, with ByArgs, when the
  /// summary depends on the argument values (posixDependsOnArgs), the one
  /// after the POSIX table's, for a call the table has no row for.  The
  /// engine analyses one translation unit, single-threaded.
  struct KnownSummary {
    const FnSummary *S = nullptr;
    bool ByArgs = false;
  };
  mutable llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>,
                         KnownSummary>
      Summaries;
  /// The analysed function's annotation summary, when iosafe.Ownership is
  /// on.
  const FnSummary *ownAnnotations(const clang::FunctionDecl *FD) const;

  // Outcomes.cpp
  /// Marks the unchecked fds whose value or status V involves as tested.
  clang::ento::ProgramStateRef markTested(clang::ento::ProgramStateRef State,
                                          clang::ento::SVal V) const;
  clang::ento::ProgramStateRef markTested(clang::ento::ProgramStateRef State,
                                          const clang::Expr *E,
                                          clang::ento::CheckerContext &C) const;
  /// markTested over a comparison's or a condition's operands.
  void testedBy(llvm::ArrayRef<const clang::Expr *> Operands,
                clang::ento::CheckerContext &C) const;

  // CallEffects.cpp: the steps of evalCall, one function per Effect.
  void applyEffect(const ParamEffect &E, CallEval &CV) const;
  void effectUse(const ParamEffect &E, CallEval &CV) const;
  void effectCloseOrRelease(const ParamEffect &E, CallEval &CV) const;
  void effectAcquireOut(const ParamEffect &E, CallEval &CV) const;
  void effectBorrowRet(const ParamEffect &E, CallEval &CV) const;
  void effectMoveRet(const ParamEffect &E, CallEval &CV) const;
  void effectRawRet(const ParamEffect &E, CallEval &CV) const;
  void effectMoveInto(const ParamEffect &E, CallEval &CV) const;
  void effectTestNone(const ParamEffect &E, CallEval &CV) const;
  void effectDupOnto(const ParamEffect &E, CallEval &CV) const;
  void effectCloseRange(const ParamEffect &E, CallEval &CV) const;
  void effectStreamRelease(const ParamEffect &E, CallEval &CV) const;
  // ReceivedFds.cpp
  void effectReceivesFds(const ParamEffect &E, CallEval &CV) const;
  // LibraryModel.cpp's stream hand-offs and views (SF_StreamOut,
  // SF_ViewBegin, SF_ViewEnd).
  void streamOutSplit(CallEval &CV) const;
  void viewEndArg(CallEval &CV) const;
  void acquireReturned(CallEval &CV) const;
  void constrainStatus(CallEval &CV) const;
  void finishCall(CallEval &CV) const;

  // Checks.cpp
  /// What effect E needs of its argument before the call: the checks of
  /// a use, a release or a close (one switch over Effect).
  /// false when a fatal report ended the path.
  bool checkBefore(const ParamEffect &E, CallEval &CV) const;
  /// A report that does not end the path (a non-fatal error node, as
  /// Clang's checkers make for bugs the program survives): the path goes
  /// on from it with State, so that a second bug on it is found too.
  clang::ento::ProgramStateRef
  goOn(BugKind K, Source Src, llvm::StringRef Msg,
       clang::ento::ProgramStateRef State, clang::ento::ExplodedNode *&Pred,
       clang::ento::CheckerContext &C,
       llvm::ArrayRef<clang::ento::SymbolRef> Interesting, const clang::Expr *E,
       const clang::ento::MemRegion *ForgetHolder = nullptr) const;
  clang::ento::ProgramStateRef
  checkUse(clang::ento::ProgramStateRef State, const FdArg &A,
           const clang::Expr *E, Source Src, clang::ento::CheckerContext &C,
           clang::ento::ExplodedNode *&Pred, unsigned Need = 0) const;
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

  // Diagnostics.cpp
  const clang::ento::BugType &bugType(Source S, BugKind K) const;
  void report(BugKind K, Source Src, llvm::StringRef Msg,
              clang::ento::ExplodedNode *N, clang::ento::CheckerContext &C,
              llvm::ArrayRef<clang::ento::SymbolRef> Interesting,
              const clang::Expr *E) const;
  /// A leak of Sym (an fd, or with Dir a DIR *) acquired by checker Src.
  /// PairIdx: FdState::PairIdx (each fd of a pair is its own report).
  void reportLeak(clang::ento::SymbolRef Sym, Source Src, bool Dir,
                  unsigned PairIdx, clang::ento::ExplodedNode *N,
                  clang::ento::CheckerContext &C) const;

  // DirStreams.cpp
  clang::ento::ProgramStateRef
  dirPreCall(const FnSummary &S, const clang::ento::CallEvent &Call,
             clang::ento::CheckerContext &C, clang::ento::ProgramStateRef State,
             clang::ento::ExplodedNode *&Pred) const;
  clang::ento::ProgramStateRef
  dirPostCall(const FnSummary &S, const clang::ento::CallEvent &Call,
              clang::ento::ProgramStateRef State) const;
  clang::ento::ProgramStateRef
  dirDead(clang::ento::SymbolReaper &SR, clang::ento::ProgramStateRef State,
          llvm::SmallVectorImpl<std::pair<clang::ento::SymbolRef, Source>>
              &Leaked) const;
  clang::ento::ProgramStateRef
  dirEscape(clang::ento::ProgramStateRef State,
            const clang::ento::InvalidatedSymbols &Escaped,
            const clang::ento::CallEvent *Call) const;

  bool heldByAutoVar(clang::ento::ProgramStateRef State,
                     clang::ento::SymbolRef Sym) const;
};

// ---------------------------------------------------------------------------
// FdValues.cpp: fds resolved from values, arguments, fields and locations.

/// The integer field of an fd wrapper (a struct of exactly one integer
/// field: iosafe_owned_fd, iosafe_borrowed_fd, users' own), or nullptr.
const clang::FieldDecl *wrapperField(clang::QualType T);
bool isFdValueType(clang::QualType T);
bool isBorrowedWrapper(clang::QualType T);
clang::ento::MemRegionManager &regions(clang::ento::ProgramStateRef State);
/// The fd a value of type T denotes: an int, a wrapper, or a pointer to one
/// of them (then Holder is the int's location).
FdArg fdOfValue(clang::ento::SVal V, clang::QualType T,
                clang::ento::ProgramStateRef State);
FdArg fdOfArg(const clang::ento::CallEvent &Call, unsigned I,
              clang::ento::ProgramStateRef State);
/// Where the fd stored at region R (a variable or a pointee) lives.
const clang::ento::MemRegion *holderOf(const clang::ento::MemRegion *R,
                                       clang::QualType T,
                                       clang::ento::ProgramStateRef State);
/// The checker follows fds only in stack memory at a concrete offset;
/// anywhere else they are handed on.
bool isTrackable(const clang::ento::MemRegion *R);
bool isLocalOf(const clang::ento::MemRegion *R,
               const clang::StackFrameContext *SFC);
/// A readable name for the variable an fd symbol came from.
std::string describe(clang::ento::SymbolRef Sym);
/// State with `Fd Op Val` assumed true (nullptr: impossible).
clang::ento::ProgramStateRef assumeCmp(clang::ento::ProgramStateRef State,
                                       clang::ento::SymbolRef Fd,
                                       clang::BinaryOperatorKind Op, int Val,
                                       clang::ento::SValBuilder &SVB);
/// State with New, a symbol the engine has just conjured for this call and
/// that no checker knows yet, constrained to [From, its type's maximum]
/// (or [From, To]).  ProgramState::assume would make both branches of the
/// comparison and run every checker's evalAssume on each, which nothing
/// needs for such a symbol: with Clang's range constraints (the default)
/// the range is set alone.
clang::ento::ProgramStateRef constrainNew(clang::ento::ProgramStateRef State,
                                          clang::ento::SymbolRef New,
                                          int64_t From,
                                          std::optional<int64_t> To,
                                          clang::ento::CheckerContext &C);
/// Whether `Sym Op Val` may hold in State (a query: no state is made).
bool mayHold(clang::ento::ProgramStateRef State, clang::ento::SymbolRef Sym,
             clang::BinaryOperatorKind Op, int Val,
             clang::ento::SValBuilder &SVB);
/// What a path says about an unchecked acquisition: success is certain,
/// failure is certain, or neither (both are still possible).
struct Outcome {
  bool SuccessCertain = false;
  bool FailureCertain = false;
};
Outcome resolve(clang::ento::ProgramStateRef State, clang::ento::SymbolRef Fd,
                clang::ento::SymbolRef Status, clang::ento::SValBuilder &SVB);
/// Whether the fd may be a real descriptor (>= 0) in this state.
bool mayBeOpen(clang::ento::ProgramStateRef State, clang::ento::SVal V,
               clang::ento::SValBuilder &SVB);
/// Whether IOSAFE_RELEASES on parameter I releases the number (an int
/// parameter: afterwards as good as closed) rather than moves an owner.
bool releasesAsClose(const clang::ento::CallEvent &Call, unsigned I);
/// The location an operand reads, when it is a variable, a field of one or
/// an element at a constant index (fd, c.fd, p[1]).
std::optional<clang::ento::Loc> operandLoc(const clang::Expr *E,
                                           clang::ento::ProgramStateRef State,
                                           const clang::LocationContext *LC);
std::optional<int64_t> constInt(clang::ento::SVal V);
/// The symbols in a value, through compound values.
void symbolsOf(clang::ento::SVal V,
               llvm::SmallVectorImpl<clang::ento::SymbolRef> &Out,
               int Depth = 0);
/// Whether the pointer symbol D may be non-null in State (DirStreams.cpp).
bool mayBeNonNull(clang::ento::ProgramStateRef State, clang::ento::SymbolRef D);
/// A location at or inside R whose fd was closed or moved out, if any.
const GoneInfo *goneUnder(clang::ento::ProgramStateRef State,
                          const clang::ento::MemRegion *R);

// ---------------------------------------------------------------------------
// LeakHeuristics.cpp: the one entry point of every rule that keeps a report
// back on a path where it is most likely false.

/// Whether FD has a body in this unit whose every path ends in a noreturn
/// call or an exec (execv, execvp, ...): a call to it that the analyzer did
/// not inline is taken as not returning.  Cached.
bool neverReturns(const clang::FunctionDecl *FD,
                  clang::AnalysisDeclContextManager &Mgr);

/// Whether a report of kind K at node N (for a leak: of Sym, acquired at
/// Acq) is kept back.
bool suppressed(BugKind K, const clang::ento::ExplodedNode *N,
                clang::ento::SymbolRef Sym = nullptr,
                const clang::ento::ExplodedNode *Acq = nullptr);

// ---------------------------------------------------------------------------
// Diagnostics.cpp: path notes.

/// A path note on an fd: Msg for every report of the engine; AttrMsg, when
/// set, instead of it for the reports about an fd's attributes (access
/// mode, socket phase), which say more ("fd opened read-only here").  A
/// note with an empty Msg shows only in those.
struct Note {
  clang::ento::SymbolRef Sym;
  std::string Msg;
  std::string AttrMsg = std::string();
};
using NoteList = llvm::SmallVector<Note, 4>;

// ---------------------------------------------------------------------------
// CallEffects.cpp, Checks.cpp: one call being evaluated (evalCall).

struct CallEval {
  CallEval(const clang::ento::CallEvent &Call, clang::ento::CheckerContext &C,
           const FnSummary &S, const clang::CallExpr *CE);

  const clang::ento::CallEvent &Call;
  clang::ento::CheckerContext &C;
  const FnSummary &S;
  const clang::CallExpr *CE;
  clang::ento::ProgramStateRef State;
  const clang::LocationContext *LCtx;
  clang::ento::SValBuilder &SVB;
  Source Src;
  clang::ento::ExplodedNode *Pred;
  NoteList Notes;
  /// The arguments' fds before the call.
  llvm::SmallVector<FdArg, 4> Args;
  /// Owned fds stored in memory the callee keeps (HandsOnPointee).
  llvm::SmallVector<clang::ento::SymbolRef, 2> HandedOn;
  /// The stream fdopen/fdopendir returned (SF_ReleaseOnSuccess).
  clang::ento::SymbolRef StreamSym = nullptr;
  /// The return type; an fd wrapper's int field; the int type of an fd
  /// returned (null when the call returns none).
  clang::QualType RetTy;
  const clang::FieldDecl *RetField = nullptr;
  clang::QualType RetIntTy;
  std::optional<clang::ento::SVal> Ret;
  /// Ret is a symbol conjured for this call's result after the effects,
  /// which no checker knows yet (constrainNew).
  bool RetNew = false;
  /// dup2 onto a closed number: the state of its failure.
  clang::ento::ProgramStateRef DupOntoFail;
  /// A check before the call showed that it certainly fails (accept on a
  /// socket known not to be listening): it acquires nothing, returns -1.
  bool CertainFailure = false;
  /// The status an out-parameter acquirer returns (SF_StatusRet).
  clang::ento::SymbolRef StatusSym = nullptr;
  unsigned TagIdx = 0;
  /// The out-parameter acquisitions, made once the status is known.
  llvm::SmallVector<const ParamEffect *, 2> PendingOut;
  /// Fds received in a control buffer (ReceivesFds): not on the path where
  /// the call fails.
  llvm::SmallVector<clang::ento::SymbolRef, 4> Received;

  /// The argument effect E is about, when it holds an fd.
  const FdArg *arg(const ParamEffect &E) const {
    return E.Index < Args.size() && Args[E.Index].Valid ? &Args[E.Index]
                                                        : nullptr;
  }
  /// IntV as the call's return type (an fd wrapper around it).
  clang::ento::SVal wrap(clang::ento::SVal IntV) const;
  /// A new symbol of type T, distinct from the call's others.
  clang::ento::SVal conjureFd(clang::QualType T);
};

/// The note tag of a call's notes (nullptr when there are none).
const clang::ento::NoteTag *noteTagFor(const FdEngine &Engine,
                                       const NoteList &Notes,
                                       clang::ento::CheckerContext &C);
/// The note at an acquisition, for the reports about attributes.
std::string acquiredNote(const FdAttrs &A, bool Dup);
/// Adds the leak point's range to a leak report, so that leaks are uniqued
/// by (acquisition site, leak point) (Diagnostics.cpp).
void addLeakPointRange(clang::ento::PathSensitiveBugReport &R,
                       clang::ento::SymbolRef Sym,
                       const clang::ento::ExplodedNode *Acq);

// ---------------------------------------------------------------------------
// ReceivedFds.cpp: fds that arrive in memory (SCM_RIGHTS, fanotify events).

/// Received fds that die before the program read them leave quietly.
clang::ento::ProgramStateRef receivedDead(clang::ento::SymbolReaper &SR,
                                          clang::ento::ProgramStateRef State);
/// A call the checker does not see into, given a pointer to a fanotify
/// event (iosafe_fanotify_event_take_fd), takes over the fd read from it.
clang::ento::ProgramStateRef
receivedEventPassed(const clang::ento::CallEvent &Call,
                    clang::ento::ProgramStateRef State);
/// The received fds not read yet live as long as their buffer does.
void receivedLive(clang::ento::ProgramStateRef State,
                  clang::ento::SymbolReaper &SR);
/// memcpy/memmove out of a control buffer: before the call, the received
/// fd copied is exempt from the escape the copy's evaluation makes; after
/// it, the destination int holds that fd, now read.
clang::ento::ProgramStateRef
receivedCopyBefore(const clang::ento::CallEvent &Call,
                   clang::ento::ProgramStateRef State);
clang::ento::ProgramStateRef
receivedCopyAfter(const clang::ento::CallEvent &Call,
                  clang::ento::ProgramStateRef State);

} // namespace iosafe

#endif // IOSAFE_ANALYZER_ENGINE_H
