// SPDX-License-Identifier: MIT
//
// analyzer-plugin/WinModel.h: what iosafe.WinHandle (WinHandles.cpp) knows
// of a Win32, Winsock or libiosafe Windows function: one row per function
// (WinModel.cpp), by name and parameter count.

#ifndef IOSAFE_ANALYZER_WINMODEL_H
#define IOSAFE_ANALYZER_WINMODEL_H

#include "Summary.h"

namespace clang {
namespace ento {
class CheckerManager;
} // namespace ento
} // namespace clang

namespace iosafe {

/// The kinds of Windows handle, each with its one release function.
enum class WinFamily : unsigned char {
  Kernel, ///< a kernel object handle: CloseHandle
  Socket, ///< a Winsock SOCKET: closesocket
  Find,   ///< a FindFirstFile search handle: FindClose
  RegKey, ///< a registry key (HKEY): RegCloseKey
};

/// The value a function returns instead of a handle when it fails.
enum class WinSentinel : unsigned char {
  None,    ///< none (out-parameters: a status says)
  Invalid, ///< INVALID_HANDLE_VALUE ((HANDLE)-1), INVALID_SOCKET (~0)
  Null,    ///< NULL
};

/// What a status return says about the out-parameters.
enum class WinStatus : unsigned char {
  None,
  NonZero, ///< a BOOL: nonzero is success (CreatePipe, DuplicateHandle)
  Zero,    ///< ERROR_SUCCESS, or libiosafe's 0 (else a negative errno)
};

struct WinRow {
  const char *Name = nullptr;
  unsigned NArgs = 0;
  WinFamily Fam = WinFamily::Kernel;
  /// RetAcquires: the returned handle is owned; Sent is its failure value.
  bool RetAcquires = false;
  WinSentinel Sent = WinSentinel::None;
  /// Out-parameters (indices, -1: none) receiving owned handles; Stat says
  /// when they hold one.
  int Out[2] = {-1, -1};
  WinStatus Stat = WinStatus::None;
  /// The argument released (-1: none), with Fam's release.
  int Close = -1;
  /// Arguments used by the call (-1: none).
  int Use[2] = {-1, -1};
  /// iosafe_*_replace: this argument moves into the released owner.
  int MoveSrc = -1;
  /// iosafe_handle_from_invalid/_null: the out-parameter takes argument 1's
  /// handle over when it is not this sentinel.
  WinSentinel FromSentinel = WinSentinel::None;
  /// DuplicateHandle: the copy is ours only when the target process is the
  /// current one; DUPLICATE_CLOSE_SOURCE closes the source.
  bool Duplicate = false;
  /// The call may reach memory through its pointer arguments (CreateThread's
  /// lpParameter): it is invalidated, as an unknown call's.
  bool Invalidates = false;
  /// A POSIX name (socket, accept, send, ...): the row applies only when
  /// the target is Windows.
  bool WindowsTargetOnly = false;
};

/// The row of FD or of a call, or nullptr.
const WinRow *winRow(const clang::FunctionDecl *FD);
const WinRow *winRow(const clang::ento::CallEvent &Call);
/// Registers iosafe.WinHandle (Plugin.cpp) and turns the model on.
void registerWinHandleChecker(clang::ento::CheckerManager &Mgr);
/// Turned on when iosafe.WinHandle is registered.
void setWinModelOn();
bool winModelOn();

} // namespace iosafe

#endif // IOSAFE_ANALYZER_WINMODEL_H
