// SPDX-License-Identifier: MIT
//
// analyzer-plugin/AutoCleanup.cpp: makes iosafe_auto_fd analysable.
//
// Clang 19's analyzer does not model cleanup-attribute calls: ExprEngine
// meets a CFGCleanupFunction element (one at each exit of the variable's
// scope) and produces no successor, so every path through the end of such a
// scope is silently dropped (ExprEngine::processCFGElement, "case
// CFGElement::CleanupFunction: return;").  A function using iosafe_auto_fd
// would be analysed only up to its first scope exit: no leak of another fd
// at the end of the function, nothing after a loop whose body declares one.
//
// So, when (and only when) the compiler runs the analyzer (-analyze, as
// clang --analyze and analyze-build do), this plugin action removes the
// cleanup attribute from the variables whose cleanup function releases an
// fd by the summaries of the iosafe checkers on (iosafe_fd_drop, or a
// function whose parameter is IOSAFE_RELEASES: Summaries.cpp), before the
// analyzer builds any CFG, and records them.
// The engine then knows such a variable is dropped at scope exit (see
// heldByAutoVar in Engine.cpp).  Other cleanup attributes are left alone.
// In any other compilation (code generation with -fplugin) the action does
// nothing.

#include "Summary.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/Attr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "llvm/ADT/DenseMap.h"

using namespace clang;

namespace iosafe {

static llvm::DenseMap<const VarDecl *, const FunctionDecl *> &autoVars() {
  static llvm::DenseMap<const VarDecl *, const FunctionDecl *> M;
  return M;
}

/// The cleanup function of a variable whose cleanup attribute was removed
/// for the analysis, or nullptr.
const FunctionDecl *autoCleanupOf(const VarDecl *VD) {
  auto It = autoVars().find(VD);
  return It == autoVars().end() ? nullptr : It->second;
}

/// The iosafe checkers this analysis runs (-analyzer-checker=iosafe,
/// iosafe.Ownership, iosafe.PosixFd; a later -analyzer-disable-checker
/// wins, as in the analyzer's own registry).
static SourceSet checkersOn(CompilerInstance &CI) {
  bool On[NumSources] = {};
  for (const auto &[Name, Enabled] : CI.getAnalyzerOpts().CheckersAndPackages) {
    StringRef N = Name;
    if (N == "iosafe") {
      On[unsigned(Source::Ownership)] = On[unsigned(Source::PosixFd)] = Enabled;
    } else if (N == "iosafe.Ownership") {
      On[unsigned(Source::Ownership)] = Enabled;
    } else if (N == "iosafe.PosixFd") {
      On[unsigned(Source::PosixFd)] = Enabled;
    }
  }
  SourceSet S;
  for (unsigned I = 0; I < NumSources; ++I)
    if (On[I])
      S.add(Source(I));
  return S;
}

namespace {

class Finder : public RecursiveASTVisitor<Finder> {
public:
  explicit Finder(SourceSet On) : On(On) {}
  bool VisitVarDecl(VarDecl *VD) {
    const auto *CA = VD->getAttr<CleanupAttr>();
    if (!CA || !CA->getFunctionDecl() ||
        !releasesFirstParam(CA->getFunctionDecl(), On))
      return true;
    autoVars()[VD] = CA->getFunctionDecl();
    VD->dropAttr<CleanupAttr>();
    return true;
  }

private:
  SourceSet On;
};

class Consumer : public ASTConsumer {
public:
  explicit Consumer(SourceSet On) : On(On) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    Finder(On).TraverseDecl(Ctx.getTranslationUnitDecl());
  }

private:
  SourceSet On;
};

class Action : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    if (CI.getFrontendOpts().ProgramAction != frontend::RunAnalysis)
      return std::make_unique<ASTConsumer>(); // never touch code generation
    return std::make_unique<Consumer>(checkersOn(CI));
  }
  bool ParseArgs(const CompilerInstance &,
                 const std::vector<std::string> &) override {
    return true;
  }
  ActionType getActionType() override { return AddBeforeMainAction; }
};

} // namespace
} // namespace iosafe

static FrontendPluginRegistry::Add<iosafe::Action>
    X("iosafe-auto-cleanup",
      "iosafe: let the analyzer see past iosafe_auto_fd scope exits");
