// SPDX-License-Identifier: MIT
//
// analyzer-plugin/SummaryTable.h: a table of summaries by function name and
// argument count, shared by LibraryModel.cpp (libiosafe) and
// PosixFdModel.cpp (POSIX/Linux).  A call is matched through Clang's
// CallDescriptionMap in the table's matching mode (CDM::SimpleFunc for
// libiosafe, CDM::CLibraryMaybeHardened for the C library, which also
// matches the _FORTIFY_SOURCE variants); a declaration by its name and
// parameter count.

#ifndef IOSAFE_ANALYZER_SUMMARYTABLE_H
#define IOSAFE_ANALYZER_SUMMARYTABLE_H

#include "Summary.h"

#include "clang/AST/Decl.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <optional>
#include <vector>

namespace iosafe {

/// One function: its name, its argument count (std::nullopt: any, for the
/// variadic open, fcntl, ioctl), what it does.
struct SummaryRow {
  const char *Name;
  std::optional<unsigned> NArgs;
  FnSummary S;
};

class SummaryTable {
public:
  SummaryTable(clang::ento::CDM Mode, const std::vector<SummaryRow> &Rows)
      : ByCall(build(Mode, Rows)) {
    for (const SummaryRow &R : Rows)
      ByName[R.Name] = &R;
  }
  /// The row a call matches.  CallDescriptionMap tries its descriptions
  /// one after another, and a call is looked up several times as it is
  /// evaluated (evalCall, pre- and post-call, escapes): what a description
  /// matches depends only on the callee's declaration and the argument
  /// count (CallDescription::matchesImpl), so each pair is matched once
  /// and remembered.  The analyzer runs one translation unit per process,
  /// single-threaded; the cache is emptied when the AST changes.
  const FnSummary *lookup(const clang::ento::CallEvent &Call) const {
    const auto *FD =
        llvm::dyn_cast_or_null<clang::FunctionDecl>(Call.getDecl());
    if (!FD)
      return nullptr; // CallDescription::matches needs a FunctionDecl
    if (&FD->getASTContext() != CacheAST) {
      Cache.clear();
      CacheAST = &FD->getASTContext();
    }
    auto [It, New] = Cache.try_emplace({FD, Call.getNumArgs()}, nullptr);
    if (New) {
      const FnSummary *const *S = ByCall.lookup(Call);
      It->second = S ? *S : nullptr;
    }
    return It->second;
  }
  /// A row by name alone.
  const FnSummary *lookup(llvm::StringRef Name) const {
    auto It = ByName.find(Name);
    return It == ByName.end() ? nullptr : &It->second->S;
  }
  const FnSummary *lookup(const clang::FunctionDecl *FD) const {
    if (!FD || !FD->getIdentifier())
      return nullptr;
    auto It = ByName.find(FD->getName());
    if (It == ByName.end())
      return nullptr;
    if (It->second->NArgs && *It->second->NArgs != FD->getNumParams())
      return nullptr;
    return &It->second->S;
  }

private:
  clang::ento::CallDescriptionMap<const FnSummary *> ByCall;
  llvm::StringMap<const SummaryRow *> ByName;
  /// (callee, argument count) -> its row or nullptr, for one AST.
  mutable llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>,
                         const FnSummary *>
      Cache;
  mutable const clang::ASTContext *CacheAST = nullptr;

  static clang::ento::CallDescriptionMap<const FnSummary *>
  build(clang::ento::CDM Mode, const std::vector<SummaryRow> &Rows) {
    std::vector<std::pair<clang::ento::CallDescription, const FnSummary *>> V;
    for (const SummaryRow &R : Rows)
      V.emplace_back(clang::ento::CallDescription(Mode, {R.Name}, R.NArgs),
                     &R.S);
    return clang::ento::CallDescriptionMap<const FnSummary *>(V.begin(),
                                                              V.end());
  }
};

} // namespace iosafe

#endif // IOSAFE_ANALYZER_SUMMARYTABLE_H
