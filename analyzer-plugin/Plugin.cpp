// SPDX-License-Identifier: MIT
//
// analyzer-plugin/Plugin.cpp: registers iosafe's checkers with the Clang
// Static Analyzer (the plugin interface of
// clang/StaticAnalyzer/Frontend/CheckerRegistry.h).
//
//   iosafe.Engine      (hidden) the one ownership engine (Engine.h)
//   iosafe.Ownership   turns on the summaries from annotations and the
//                      libiosafe table
//   iosafe.PosixFd     turns on the POSIX table (PosixFdModel.cpp)
//   iosafe.WinHandle   Windows handles and sockets (WinHandles.cpp)
//
// Load by hand:
//   clang-19 -cc1 -analyze -load iosafe-plugin.so \
//       -analyzer-checker=core,iosafe.Ownership file.c
//   clang-19 --analyze -Xclang -load -Xclang iosafe-plugin.so \
//       -Xclang -analyzer-checker=iosafe.Ownership file.c
//   clang-19 -fplugin=iosafe-plugin.so --analyze \
//       -Xclang -analyzer-checker=iosafe.Ownership file.c

#include "Engine.h"
#include "WinModel.h"

#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

using namespace clang;
using namespace clang::ento;

namespace {

void registerEngine(CheckerManager &Mgr) {
  Mgr.registerChecker<iosafe::FdEngine>();
}

void registerOwnership(CheckerManager &Mgr) {
  Mgr.getChecker<iosafe::FdEngine>()->enable(iosafe::Source::Ownership,
                                             Mgr.getCurrentCheckerName());
}

void registerPosixFd(CheckerManager &Mgr) {
  Mgr.getChecker<iosafe::FdEngine>()->enable(iosafe::Source::PosixFd,
                                             Mgr.getCurrentCheckerName());
}

bool always(const CheckerManager &) { return true; }

} // namespace

extern "C" void clang_registerCheckers(CheckerRegistry &Registry) {
  Registry.addChecker(registerEngine, always, "iosafe.Engine",
                      "The iosafe ownership engine (enabled by the iosafe "
                      "checkers that use it)",
                      "", /*IsHidden=*/true);
  Registry.addChecker(registerOwnership, always, "iosafe.Ownership",
                      "Ownership of file descriptors: leaks, double closes, "
                      "uses after close or move, borrows that outlive their "
                      "owner, from iosafe's annotations and library",
                      "", /*IsHidden=*/false);
  Registry.addDependency("iosafe.Ownership", "iosafe.Engine");
  Registry.addChecker(registerPosixFd, always, "iosafe.PosixFd",
                      "Ownership of plain POSIX file descriptors (open, "
                      "close, read, socket, pipe, ...), with the same bug "
                      "types as iosafe.Ownership",
                      "", /*IsHidden=*/false);
  Registry.addDependency("iosafe.PosixFd", "iosafe.Engine");
  Registry.addChecker(iosafe::registerWinHandleChecker, always,
                      "iosafe.WinHandle",
                      "Ownership of Windows handles and sockets (CreateFileW, "
                      "OpenProcess, CreatePipe, socket, CloseHandle, "
                      "closesocket, FindClose, RegCloseKey, libiosafe's "
                      "win.h), and the wrong failure sentinel tested",
                      "", /*IsHidden=*/false);
}

extern "C" const char clang_analyzerAPIVersionString[] =
    CLANG_ANALYZER_API_VERSION_STRING;
