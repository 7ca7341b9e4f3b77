// SPDX-License-Identifier: MIT
//
// analyzer-plugin/GccFdAttributes.cpp: GCC's fd attributes, for code
// annotated for GCC's analyzer (-fanalyzer).
//
// GCC documents three function attributes (GCC manual, "Common Function
// Attributes"):
//   fd_arg (N)        argument N is an open file descriptor: the caller must
//                     have checked its acquisition and not closed it;
//   fd_arg_read (N)   the same, and it must not be write-only;
//   fd_arg_write (N)  the same, and it must not be read-only.
// N counts parameters from 1.  Clang 19 knows none of them and drops them
// (-Wunknown-attributes), so this plugin registers them with Clang's
// plugin attribute registry (clang/Basic/ParsedAttrInfo.h,
// ParsedAttrInfoRegistry): in every spelling GCC accepts
// (__attribute__((fd_arg(1))), [[gnu::fd_arg(1)]]) on a function
// declaration, each is kept as an annotate attribute,
// annotate("iosafe_gcc_fd_arg:K:A"), K the 0-based parameter, A one of
// "use", "read", "write".  The registration takes effect when the plugin is
// loaded into the compiler that parses the unit: `clang -cc1 -load`, as
// iosafe-check and analyze-build load it, or `clang -fplugin=`; both load
// the plugin before parsing.
//
// The summary (gccFdArgSummary) makes each annotated parameter a use
// (Effect::Use) with the access the attribute names (N_Read, N_Write), so
// such a call is checked like read(2) or write(2): "unchecked fd", "use
// after close", "access mode mismatch".  It belongs to iosafe.PosixFd
// (GCC's attributes are about POSIX fds; Summaries.cpp).  A wrong argument
// (not an integer constant, not a parameter, a parameter of no integer
// type) is a warning and the attribute is not applied, as GCC rejects it.

#include "Summary.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/ParsedAttrInfo.h"
#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"
#include "llvm/ADT/DenseMap.h"

#include <memory>
#include <string>

using namespace clang;

namespace iosafe {

static constexpr llvm::StringLiteral Prefix = "iosafe_gcc_fd_arg:";

namespace {

/// One of the three attributes: its name and the access it needs.
template <unsigned char Need> struct FdArgInfo : public ParsedAttrInfo {
  static const char *name() {
    return Need == N_Read    ? "fd_arg_read"
           : Need == N_Write ? "fd_arg_write"
                             : "fd_arg";
  }
  static const char *access() {
    return Need == N_Read ? "read" : Need == N_Write ? "write" : "use";
  }

  FdArgInfo() {
    NumArgs = 1;
    // Clang 19 asks for a [[...]] plugin attribute by its name alone when
    // it parses the arguments (clang::hasAttribute, Basic/Attributes.cpp)
    // and by its scoped name when it applies it (ParsedAttrInfo::get), so
    // both are listed; [[fd_arg(1)]] unscoped is accepted as well.
    static const std::string Scoped = std::string("gnu::") + name();
    static const Spelling S[] = {{ParsedAttr::AS_GNU, name()},
                                 {ParsedAttr::AS_C23, name()},
                                 {ParsedAttr::AS_C23, Scoped.c_str()},
                                 {ParsedAttr::AS_CXX11, name()},
                                 {ParsedAttr::AS_CXX11, Scoped.c_str()}};
    Spellings = S;
    IsKnownToGCC = 1;
  }

  bool diagAppertainsToDecl(Sema &S, const ParsedAttr &Attr,
                            const Decl *D) const override {
    if (isa<FunctionDecl>(D))
      return true;
    S.Diag(Attr.getLoc(), diag::warn_attribute_wrong_decl_type_str)
        << Attr << Attr.isRegularKeywordAttribute() << "functions";
    return false;
  }

  AttrHandling handleDeclAttribute(Sema &S, Decl *D,
                                   const ParsedAttr &Attr) const override {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD)
      return AttributeNotApplied;
    auto Bad = [&](const char *Why) {
      unsigned ID = S.getDiagnostics().getCustomDiagID(
          DiagnosticsEngine::Warning,
          "'%0' attribute ignored: its argument %1 (iosafe reads GCC's fd "
          "attributes: analyzer-plugin/GccFdAttributes.cpp)");
      S.Diag(Attr.getLoc(), ID) << name() << Why;
      return AttributeNotApplied;
    };
    if (Attr.getNumArgs() != 1 || !Attr.isArgExpr(0))
      return Bad("must be one integer constant");
    std::optional<llvm::APSInt> N =
        Attr.getArgAsExpr(0)->getIntegerConstantExpr(S.Context);
    if (!N)
      return Bad("must be an integer constant");
    if (*N < 1 || *N > FD->getNumParams())
      return Bad("does not name a parameter (they count from 1)");
    unsigned K = unsigned(N->getZExtValue()) - 1;
    if (!FD->getParamDecl(K)->getType()->isIntegerType())
      return Bad("names a parameter that is not an integer");
    std::string Tag = (Prefix + std::to_string(K) + ":" + access()).str();
    D->addAttr(
        AnnotateAttr::Create(S.Context, Tag, nullptr, 0, Attr.getRange()));
    return AttributeApplied;
  }
};

} // namespace

static ParsedAttrInfoRegistry::Add<FdArgInfo<0>>
    RegUse("fd_arg", "GCC's fd_arg: an open file descriptor argument");
static ParsedAttrInfoRegistry::Add<FdArgInfo<N_Read>>
    RegRead("fd_arg_read", "GCC's fd_arg_read: a readable file descriptor");
static ParsedAttrInfoRegistry::Add<FdArgInfo<N_Write>>
    RegWrite("fd_arg_write", "GCC's fd_arg_write: a writable file descriptor");

static std::unique_ptr<FnSummary> compute(const FunctionDecl *FD) {
  auto S = std::make_unique<FnSummary>();
  S->From = Source::PosixFd;
  // The messages name the function: "'log_line' writes to an fd opened
  // read-only".  An identifier's name is null-terminated (StringMap keys).
  const char *What =
      FD->getIdentifier() ? FD->getIdentifier()->getNameStart() : nullptr;
  for (const FunctionDecl *R : FD->redecls())
    for (const auto *A : R->specific_attrs<AnnotateAttr>()) {
      StringRef T = A->getAnnotation();
      if (!T.consume_front(Prefix))
        continue;
      auto [Num, Acc] = T.split(':');
      unsigned K;
      if (Num.getAsInteger(10, K) || K >= FD->getNumParams())
        continue;
      unsigned char Need = Acc == "read"    ? N_Read
                           : Acc == "write" ? N_Write
                                            : 0;
      ParamEffect *Old = nullptr;
      for (ParamEffect &E : S->Effects)
        if (E.Index == K)
          Old = &E;
      if (Old) {
        Old->Need |= Need; // fd_arg_read and fd_arg_write: both
        continue;
      }
      ParamEffect E{Effect::Use, K};
      E.Need = Need;
      E.What = What;
      S->Effects.push_back(E);
    }
  if (S->Effects.empty())
    return nullptr;
  return S;
}

const FnSummary *gccFdArgSummary(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  FD = FD->getCanonicalDecl();
  // The analyzer runs one translation unit per process, single-threaded.
  static llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FnSummary>> Cache;
  auto It = Cache.find(FD);
  if (It != Cache.end())
    return It->second.get();
  auto &Slot = Cache[FD];
  Slot = compute(FD);
  return Slot.get();
}

} // namespace iosafe
