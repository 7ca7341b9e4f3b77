// SPDX-License-Identifier: MIT
//
// analyzer-plugin/PosixFdModel.cpp: summaries of the POSIX/Linux fd
// functions (open, close, read, ...), for the checker iosafe.PosixFd
// (issue 4).  They feed the same engine as the annotations: a row here is a
// FnSummary with From = Source::PosixFd, nothing more.
//
// The table is empty until issue 4 fills it; the checker iosafe.PosixFd is
// registered (Plugin.cpp) only once it has rows and tests.

#include "Summary.h"

#include "clang/AST/Decl.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"

using namespace clang;
using namespace clang::ento;

namespace iosafe {

const FnSummary *posixSummary(const CallEvent &) { return nullptr; }
const FnSummary *posixSummary(const FunctionDecl *) { return nullptr; }

} // namespace iosafe
