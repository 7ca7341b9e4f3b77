// SPDX-License-Identifier: MIT
//
// analyzer-plugin/WinModel.cpp: the table of Win32 and Winsock calls that
// acquire, release and use Windows handles and sockets, and libiosafe's
// Windows functions (include/iosafe/win.h), for iosafe.WinHandle
// (WinHandles.cpp).  Each row cites the documentation of its function
// (learn.microsoft.com, "Return value"): the failure value of the handle
// it returns, or the status that says whether its out-parameters hold a
// handle, and the function that releases it.

#include "WinModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <memory>
#include <string>

#include <vector>

using namespace clang;
using namespace clang::ento;

namespace iosafe {

namespace {
using F = WinFamily;
using S = WinSentinel;
using St = WinStatus;

/// Returns a handle of family Fam that is Sent on failure.
WinRow ret(const char *N, unsigned NA, F Fam, S Sent) {
  WinRow R;
  R.Name = N;
  R.NArgs = NA;
  R.Fam = Fam;
  R.Sent = Sent;
  R.RetAcquires = true;
  return R;
}
/// Stores one or two handles through out-parameters; Stat says success.
WinRow out(const char *N, unsigned NA, F Fam, St Stat, int O1, int O2 = -1) {
  WinRow R;
  R.Name = N;
  R.NArgs = NA;
  R.Fam = Fam;
  R.Stat = Stat;
  R.Out[0] = O1;
  R.Out[1] = O2;
  return R;
}
/// Releases the handle of argument A (a handle of family Fam).
WinRow rel(const char *N, unsigned NA, F Fam, int A = 0) {
  WinRow R;
  R.Name = N;
  R.NArgs = NA;
  R.Fam = Fam;
  R.Close = A;
  return R;
}
/// Uses the handle of argument A (and B).
WinRow use(const char *N, unsigned NA, int A, int B = -1) {
  WinRow R;
  R.Name = N;
  R.NArgs = NA;
  R.Use[0] = A;
  R.Use[1] = B;
  return R;
}
WinRow posix(WinRow R) {
  R.WindowsTargetOnly = true;
  return R;
}
WinRow with(WinRow R, int UseArg) {
  R.Use[0] = UseArg;
  return R;
}

const std::vector<WinRow> &rows() {
  static const std::vector<WinRow> Rows = {
      // CreateFileW/A: "If the function fails, the return value is
      // INVALID_HANDLE_VALUE."  CloseHandle releases it.
      ret("CreateFileW", 7, F::Kernel, S::Invalid),
      ret("CreateFileA", 7, F::Kernel, S::Invalid),
      // CreateEventW/A, CreateMutexW/A, CreateFileMappingW/A, OpenProcess,
      // OpenThread, CreateThread: "If the function fails, the return value
      // is NULL."
      ret("CreateEventW", 4, F::Kernel, S::Null),
      ret("CreateEventA", 4, F::Kernel, S::Null),
      ret("CreateMutexW", 3, F::Kernel, S::Null),
      ret("CreateMutexA", 3, F::Kernel, S::Null),
      ret("CreateFileMappingW", 6, F::Kernel, S::Null),
      ret("CreateFileMappingA", 6, F::Kernel, S::Null),
      ret("OpenProcess", 3, F::Kernel, S::Null),
      ret("OpenThread", 3, F::Kernel, S::Null),
      [] {
        // lpParameter reaches the new thread: memory it points to is
        // invalidated, and handles stored there are handed on.
        WinRow R = ret("CreateThread", 6, F::Kernel, S::Null);
        R.Invalidates = true;
        return R;
      }(),
      // CreatePipe: "If the function succeeds, the return value is
      // nonzero"; hReadPipe and hWritePipe then hold the two ends.
      out("CreatePipe", 4, F::Kernel, St::NonZero, 0, 1),
      // DuplicateHandle (WinHandles.cpp models its special cases:
      // another target process, DUPLICATE_CLOSE_SOURCE).
      [] {
        WinRow R = out("DuplicateHandle", 7, F::Kernel, St::NonZero, 3);
        R.Use[0] = 1;
        R.Duplicate = true;
        return R;
      }(),
      // FindFirstFileW/A, FindFirstFileExW: INVALID_HANDLE_VALUE on
      // failure; "When the search handle is no longer needed, close it by
      // using the FindClose function, not CloseHandle."
      ret("FindFirstFileW", 2, F::Find, S::Invalid),
      ret("FindFirstFileA", 2, F::Find, S::Invalid),
      ret("FindFirstFileExW", 6, F::Find, S::Invalid),
      use("FindNextFileW", 2, 0),
      use("FindNextFileA", 2, 0),
      // RegOpenKeyExW/A, RegCreateKeyExW: ERROR_SUCCESS (0) on success;
      // RegCloseKey releases the key.
      out("RegOpenKeyExW", 5, F::RegKey, St::Zero, 4),
      out("RegOpenKeyExA", 5, F::RegKey, St::Zero, 4),
      out("RegCreateKeyExW", 9, F::RegKey, St::Zero, 7),
      use("RegQueryValueExW", 6, 0),
      use("RegSetValueExW", 6, 0),
      // Winsock: socket, WSASocketW/A and accept return INVALID_SOCKET on
      // failure; closesocket releases a socket, not CloseHandle.  socket and
      // accept are POSIX names: these rows apply when the target is
      // Windows only.
      posix(ret("socket", 3, F::Socket, S::Invalid)),
      ret("WSASocketW", 6, F::Socket, S::Invalid),
      ret("WSASocketA", 6, F::Socket, S::Invalid),
      posix(with(ret("accept", 3, F::Socket, S::Invalid), 0)),
      // The releases.
      rel("CloseHandle", 1, F::Kernel),
      rel("FindClose", 1, F::Find),
      rel("RegCloseKey", 1, F::RegKey),
      rel("closesocket", 1, F::Socket),
      // Uses of a handle or socket: checked (use after close), and the
      // handle is not handed on by the call.
      use("ReadFile", 5, 0),
      use("WriteFile", 5, 0),
      use("WaitForSingleObject", 2, 0),
      use("WaitForSingleObjectEx", 3, 0),
      use("SetEvent", 1, 0),
      use("ResetEvent", 1, 0),
      use("ReleaseMutex", 1, 0),
      use("GetFileSizeEx", 2, 0),
      use("GetFileSize", 2, 0),
      use("SetFilePointerEx", 4, 0),
      use("FlushFileBuffers", 1, 0),
      use("GetFileType", 1, 0),
      use("MapViewOfFile", 5, 0),
      use("TerminateProcess", 2, 0),
      use("GetExitCodeProcess", 2, 0),
      use("GetExitCodeThread", 2, 0),
      use("GetProcessId", 1, 0),
      use("GetHandleInformation", 2, 0),
      use("SetHandleInformation", 3, 0),
      use("WSADuplicateSocketW", 3, 0),
      use("ioctlsocket", 3, 0),
      posix(use("send", 4, 0)),
      posix(use("recv", 4, 0)),
      posix(use("sendto", 6, 0)),
      posix(use("recvfrom", 6, 0)),
      posix(use("bind", 3, 0)),
      posix(use("listen", 2, 0)),
      posix(use("connect", 3, 0)),
      posix(use("shutdown", 2, 0)),
      posix(use("getsockname", 3, 0)),
      posix(use("getpeername", 3, 0)),
      posix(use("setsockopt", 5, 0)),
      posix(use("getsockopt", 5, 0)),
      // libiosafe's Windows functions (include/iosafe/win.h): 0 or a
      // negative errno; on failure the out-parameter is left none.
      out("iosafe_create_file_w", 7, F::Kernel, St::Zero, 0),
      out("iosafe_open_process", 3, F::Kernel, St::Zero, 0),
      out("iosafe_pipe_win", 2, F::Kernel, St::Zero, 0, 1),
      with(out("iosafe_handle_try_clone", 2, F::Kernel, St::Zero, 0), 1),
      [] {
        WinRow R = out("iosafe_handle_from_invalid", 2, F::Kernel, St::Zero, 0);
        R.FromSentinel = S::Invalid;
        return R;
      }(),
      [] {
        WinRow R = out("iosafe_handle_from_null", 2, F::Kernel, St::Zero, 0);
        R.FromSentinel = S::Null;
        return R;
      }(),
      rel("iosafe_handle_close", 1, F::Kernel),
      rel("iosafe_handle_drop", 1, F::Kernel),
      [] {
        WinRow R = rel("iosafe_handle_replace", 2, F::Kernel);
        R.MoveSrc = 1;
        return R;
      }(),
      use("iosafe_handle_set_inheritable", 2, 0),
      out("iosafe_sock_open", 4, F::Socket, St::Zero, 0),
      with(out("iosafe_sock_accept", 4, F::Socket, St::Zero, 0), 1),
      with(out("iosafe_sock_try_clone", 2, F::Socket, St::Zero, 0), 1),
      rel("iosafe_sock_close", 1, F::Socket),
      rel("iosafe_sock_drop", 1, F::Socket),
      [] {
        WinRow R = rel("iosafe_sock_replace", 2, F::Socket);
        R.MoveSrc = 1;
        return R;
      }(),
      // include/iosafe/filelike.h on Windows, where a filelike is a handle
      // and a socketlike a socket: the same calls under portable names (on
      // POSIX they are fds, which iosafe.Ownership follows by annotation).
      posix(out("iosafe_pipe_filelike", 2, F::Kernel, St::Zero, 0, 1)),
      posix(
          with(out("iosafe_filelike_try_clone", 2, F::Kernel, St::Zero, 0), 1)),
      posix(rel("iosafe_filelike_close", 1, F::Kernel)),
      posix(rel("iosafe_filelike_drop", 1, F::Kernel)),
      posix(use("iosafe_filelike_read", 3, 0)),
      posix(use("iosafe_filelike_write", 3, 0)),
      posix(with(out("iosafe_socketlike_try_clone", 2, F::Socket, St::Zero, 0),
                 1)),
      posix(rel("iosafe_socketlike_close", 1, F::Socket)),
      posix(rel("iosafe_socketlike_drop", 1, F::Socket)),
      posix(use("iosafe_socketlike_send", 4, 0)),
      posix(use("iosafe_socketlike_recv", 4, 0)),
  };
  return Rows;
}

const llvm::StringMap<const WinRow *> &byName() {
  static const llvm::StringMap<const WinRow *> M = [] {
    llvm::StringMap<const WinRow *> R;
    for (const WinRow &Row : rows())
      R[Row.Name] = &Row;
    return R;
  }();
  return M;
}

bool TheModelOn = false;

bool isWindowsTarget(const FunctionDecl *FD) {
  return FD->getASTContext().getTargetInfo().getTriple().isOSWindows();
}

/// A Windows handle type: HANDLE (and the typedefs of it), SOCKET, HKEY, or
/// libiosafe's owners and borrows of them; Fam is its family.
bool isWinHandleType(QualType T, WinFamily &Fam) {
  if (T.isNull())
    return false;
  if (const RecordDecl *RD = T->getAsRecordDecl()) {
    if (!RD->getIdentifier())
      return false;
    StringRef N = RD->getName();
    if (N == "iosafe_owned_handle" || N == "iosafe_borrowed_handle") {
      Fam = WinFamily::Kernel;
      return true;
    }
    if (N == "iosafe_owned_socket" || N == "iosafe_borrowed_socket") {
      Fam = WinFamily::Socket;
      return true;
    }
    return false;
  }
  for (int Guard = 0; Guard < 8; ++Guard) {
    const auto *TT = T->getAs<TypedefType>();
    if (!TT)
      return false;
    StringRef N = TT->getDecl()->getName();
    if (N == "SOCKET") {
      Fam = WinFamily::Socket;
      return true;
    }
    if (N == "HKEY") {
      Fam = WinFamily::RegKey;
      return true;
    }
    if (N == "HANDLE") {
      Fam = WinFamily::Kernel;
      return true;
    }
    T = TT->getDecl()->getUnderlyingType();
  }
  return false;
}

/// The row a function's iosafe annotations give (IOSAFE_ACQUIRES,
/// IOSAFE_RELEASES, IOSAFE_USES on its HANDLE, SOCKET or owner parameters
/// and return value), when every annotated one is a Windows handle; the
/// others are the engine's (AnnotationSummaries.cpp).  Cached.
const WinRow *annotatedRow(const FunctionDecl *FD) {
  struct Entry {
    std::string Name;
    WinRow Row;
  };
  static llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Entry>> Cache;
  FD = FD->getCanonicalDecl();
  auto It = Cache.find(FD);
  if (It != Cache.end())
    return It->second ? &It->second->Row : nullptr;
  std::unique_ptr<Entry> E;
  // libiosafe's own functions are the table's; its static inline ones
  // (from_raw, take, ...) are inlined, not summarised.
  // Only for a Windows target: elsewhere a HANDLE or SOCKET typedef is the
  // program's own (often an int fd), and its annotations are the engine's.
  const FnSummary *S =
      !isWindowsTarget(FD) ||
              (FD->getIdentifier() && FD->getName().starts_with("iosafe_"))
          ? nullptr
          : annotationSummary(FD);
  bool AllWin = S != nullptr;
  WinRow R;
  WinFamily F = WinFamily::Kernel;
  unsigned NOut = 0, NUse = 0;
  if (S && S->has(SF_RetAcquires)) {
    if (isWinHandleType(FD->getReturnType(), F)) {
      R.RetAcquires = true;
      R.Fam = F;
      // A user's acquirer may fail with either value: no sentinel is
      // assumed (neither NULL nor INVALID_HANDLE_VALUE is ever owned),
      // but INVALID_SOCKET is the only failure of a SOCKET.
      R.Sent =
          F == WinFamily::Socket ? WinSentinel::Invalid : WinSentinel::None;
    } else {
      AllWin = false;
    }
  }
  for (const ParamEffect &PE : S ? S->Effects : decltype(S->Effects)()) {
    if (PE.Index >= FD->getNumParams()) {
      AllWin = false;
      break;
    }
    QualType T = FD->getParamDecl(PE.Index)->getType();
    QualType V = T->isPointerType() ? T->getPointeeType() : T;
    if (!isWinHandleType(PE.E == Effect::AcquireOut ? V : T, F) &&
        !isWinHandleType(V, F)) {
      AllWin = false;
      break;
    }
    switch (PE.E) {
    case Effect::AcquireOut:
      if (NOut < 2 && T->isPointerType())
        R.Out[NOut++] = int(PE.Index);
      R.Fam = F;
      break;
    case Effect::Release:
      R.Close = int(PE.Index);
      R.Fam = F;
      break;
    case Effect::Use:
      if (NUse < 2)
        R.Use[NUse++] = int(PE.Index);
      break;
    default: break; // borrows are not followed
    }
  }
  if (AllWin && NOut) {
    // The convention of the engine's annotations: an int status, 0 on
    // success; a BOOL, nonzero.
    QualType RT = FD->getReturnType();
    const auto *TT = RT->getAs<TypedefType>();
    R.Stat = TT && TT->getDecl()->getName() == "BOOL" ? WinStatus::NonZero
             : RT->isIntegerType()                    ? WinStatus::Zero
                                                      : WinStatus::None;
    if (R.Stat == WinStatus::None)
      AllWin = false;
  }
  if (AllWin && FD->getIdentifier()) {
    E = std::make_unique<Entry>();
    E->Name = FD->getName().str();
    E->Row = R;
    E->Row.Name = E->Name.c_str();
    E->Row.NArgs = FD->getNumParams();
  }
  const WinRow *Out = E ? &E->Row : nullptr;
  Cache[FD] = std::move(E);
  return Out;
}

} // namespace

void setWinModelOn() { TheModelOn = true; }
bool winModelOn() { return TheModelOn; }

namespace {
const WinRow *findWinRow(const FunctionDecl *FD) {
  // C functions at file scope only.
  if (!FD->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return nullptr;
  auto It = byName().find(FD->getName());
  if (It == byName().end())
    return annotatedRow(FD);
  const WinRow *R = It->second;
  if (R->NArgs != FD->getNumParams())
    return nullptr;
  if (R->WindowsTargetOnly && !isWindowsTarget(FD))
    return nullptr;
  return R;
}
} // namespace

const WinRow *winRow(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return nullptr;
  // Asked at every call by the model and by the engine's summary lookup:
  // found by name once per declaration.  The analyzer runs one
  // translation unit per process, single-threaded.
  static llvm::DenseMap<const FunctionDecl *, const WinRow *> Found;
  auto [It, New] = Found.try_emplace(FD, nullptr);
  if (New)
    It->second = findWinRow(FD);
  return It->second;
}

const WinRow *winRow(const CallEvent &Call) {
  if (!Call.isGlobalCFunction())
    return nullptr;
  return winRow(dyn_cast_or_null<FunctionDecl>(Call.getDecl()));
}

bool winModelClaims(const FunctionDecl *FD) {
  if (!TheModelOn || !FD || !FD->getIdentifier())
    return false;
  if (winRow(FD))
    return true;
  // libiosafe's static inline Windows functions (from_raw, into_raw,
  // borrow, take, is_none, ...) are inlined for this model: their bodies
  // are field copies of the one HANDLE or SOCKET they hold.  The bridge to
  // the fd engine (iosafe_handle_borrow_from_fd) stays with it.
  StringRef N = FD->getName();
  // filelike.h's borrow, take and is_none are the same field copies on a
  // Windows target (a filelike is an iosafe_owned_handle there); on POSIX
  // they are fds, the engine's.
  if ((N.starts_with("iosafe_filelike_") ||
       N.starts_with("iosafe_socketlike_")) &&
      isWindowsTarget(FD))
    return true;
  return (N.starts_with("iosafe_handle_") || N.starts_with("iosafe_sock_")) &&
         N != "iosafe_handle_borrow_from_fd";
}

bool winReleasesFirstParam(const FunctionDecl *FD) {
  const WinRow *R = winRow(FD);
  return R && R->Close == 0;
}

} // namespace iosafe
