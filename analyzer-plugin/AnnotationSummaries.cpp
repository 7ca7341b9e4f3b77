// SPDX-License-Identifier: MIT
//
// analyzer-plugin/AnnotationSummaries.cpp: summaries read from declarations.
//
// IOSAFE_ACQUIRES / IOSAFE_RELEASES / IOSAFE_USES expand to Clang's handle
// attributes acquire_handle / release_handle / use_handle with the tag
// "iosafe" (include/iosafe/annotations.h); IOSAFE_RETURNS_BORROW expands to
// annotate("iosafe_returns_borrow").  Clang accepts (Clang attribute
// reference, "acquire_handle"):
//   acquire_handle  on a function (its return value), a parameter (an
//                   out-parameter), a typedef (every function returning it);
//   release_handle, use_handle  on parameters only;
//   annotate        anywhere; only a parameter means something to us.
// Any other position is dropped by Clang with -Wignored-attributes (the
// iosafe-check driver makes that an error; tests/analyzer/
// misplaced-annotation.c proves the warning).  Handle attributes with other
// tags (Fuchsia's "zircon") are not ours and are ignored.
//
// Parameter attributes live on each redeclaration's ParmVarDecl, and Clang
// does not copy every one of them onto the definition, so all
// redeclarations are read: a header prototype that annotates and a
// definition that does not (as include/iosafe/fd.h does) mean the same.

#include "Summary.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"
#include "clang/AST/TypeLoc.h"
#include "llvm/ADT/DenseMap.h"

#include <memory>

using namespace clang;

namespace iosafe {

static constexpr llvm::StringLiteral Tag = "iosafe";
static constexpr llvm::StringLiteral BorrowAnnotation = "iosafe_returns_borrow";

template <typename AttrT> static bool hasTagged(const Decl *D) {
  for (const auto *A : D->specific_attrs<AttrT>())
    if (A->getHandleType() == Tag)
      return true;
  return false;
}

static bool hasBorrowAnnotation(const Decl *D) {
  for (const auto *A : D->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == BorrowAnnotation)
      return true;
  return false;
}

/// acquire_handle on a typedef of the return type, at any depth of sugar
/// (typedef int fd_t IOSAFE_ACQUIRES; typedef fd_t my_fd_t; ...).
static bool returnTypeAcquires(QualType T) {
  while (const auto *TT = T->getAs<TypedefType>()) {
    if (hasTagged<AcquireHandleAttr>(TT->getDecl()))
      return true;
    QualType Next = TT->getDecl()->getUnderlyingType();
    if (Next == T)
      break;
    T = Next;
  }
  return false;
}

/// acquire_handle written after a function's declarator is a type
/// attribute: Clang keeps it on the function type (AttributedType), whose
/// kind alone does not say the tag; the tag is on the type's source info.
static bool functionTypeAcquires(const FunctionDecl *FD) {
  const TypeSourceInfo *TSI = FD->getTypeSourceInfo();
  if (!TSI)
    return false;
  TypeLoc TL = TSI->getTypeLoc();
  while (!TL.isNull()) {
    if (auto ATL = TL.getAs<AttributedTypeLoc>()) {
      if (const auto *A = ATL.getAttrAs<AcquireHandleAttr>())
        if (A->getHandleType() == Tag)
          return true;
      TL = ATL.getModifiedLoc();
    } else if (auto PTL = TL.getAs<ParenTypeLoc>()) {
      TL = PTL.getInnerLoc();
    } else if (auto MTL = TL.getAs<MacroQualifiedTypeLoc>()) {
      // Written through a macro (IOSAFE_ACQUIRES): the attribute is inside.
      TL = MTL.getInnerLoc();
    } else {
      break;
    }
  }
  return false;
}

static std::unique_ptr<FnSummary> compute(const FunctionDecl *FD) {
  auto S = std::make_unique<FnSummary>();
  S->From = Source::Ownership;
  bool Any = false;
  for (const FunctionDecl *R : FD->redecls()) {
    if (hasTagged<AcquireHandleAttr>(R) || functionTypeAcquires(R) ||
        returnTypeAcquires(R->getReturnType())) {
      S->Flags |= SF_RetAcquires;
      Any = true;
    }
  }
  for (unsigned I = 0, N = FD->getNumParams(); I < N; ++I) {
    bool Acq = false, Rel = false, Use = false, Bor = false;
    for (const FunctionDecl *R : FD->redecls()) {
      if (I >= R->getNumParams())
        continue;
      const ParmVarDecl *P = R->getParamDecl(I);
      Acq |= hasTagged<AcquireHandleAttr>(P);
      Rel |= hasTagged<ReleaseHandleAttr>(P);
      Use |= hasTagged<UseHandleAttr>(P);
      Bor |= hasBorrowAnnotation(P);
    }
    if (Acq)
      S->Effects.push_back({Effect::AcquireOut, I});
    if (Rel)
      S->Effects.push_back({Effect::Release, I});
    if (Use)
      S->Effects.push_back({Effect::Use, I});
    if (Bor)
      S->Effects.push_back({Effect::BorrowRet, I});
    Any |= Acq || Rel || Use || Bor;
  }
  if (!Any)
    return nullptr;
  // An out-parameter acquirer returning int reports its success as 0 (the
  // iosafe and POSIX convention: 0 or a negative errno / -1); otherwise the
  // fd it stores says (>= 0 is success).
  bool HasOut = false;
  for (const ParamEffect &E : S->Effects)
    HasOut |= E.E == Effect::AcquireOut;
  if (HasOut && FD->getReturnType()->isIntegerType() &&
      !FD->getReturnType()->isBooleanType() && !S->has(SF_RetAcquires))
    S->Flags |= SF_StatusRet;
  return S;
}

const FnSummary *annotationSummary(const FunctionDecl *FD) {
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
