// SPDX-License-Identifier: MIT
//
// analyzer-plugin/Traits.cpp: the keys of the engine's program-state
// traits (FdState.h), and the two questions asked of all of them at once.
//
// Every key is one byte of TraitKeys.  The generic data map of a program
// state is a binary search tree ordered by key address (llvm::ImmutableMap
// with std::less), so one descent of it tells whether any key lies within
// the array: hasEngineState, which lets the callbacks that only read or
// drop what the engine tracks return at once on code that touches no fd.
//
// A trait whose last entry was removed stays in the map with a null value
// (ProgramStateManager::addGDM): every later state change, by any checker,
// then updates a larger map, and two states that differ only in such a key
// do not merge.  dropEmptyTraits takes them out, in one walk of the map.

#include "FdState.h"

using namespace clang;
using namespace clang::ento;

char iosafe::TraitKeys[unsigned(iosafe::TraitKey::Count)];
IOSAFE_TRAITS(IOSAFE_STATE_TRAIT_INDEX)

namespace iosafe {

static bool isTraitKey(const void *Key) {
  auto K = reinterpret_cast<uintptr_t>(Key);
  return K >= reinterpret_cast<uintptr_t>(&TraitKeys[0]) &&
         K <= reinterpret_cast<uintptr_t>(
                  &TraitKeys[unsigned(TraitKey::Count) - 1]);
}

bool hasEngineState(const ProgramStateRef &State) {
  auto Lo = reinterpret_cast<uintptr_t>(&TraitKeys[0]);
  for (const auto *T = State->getGDM().getRootWithoutRetain(); T;) {
    const void *Key = T->getValue().first;
    if (isTraitKey(Key))
      return true;
    T = reinterpret_cast<uintptr_t>(Key) < Lo ? T->getRight() : T->getLeft();
  }
  return false;
}

ProgramStateRef dropEmptyTraits(ProgramStateRef State) {
  const ProgramState::GenericDataMap GDM = State->getGDM();
  for (const auto &[Key, Data] : GDM)
    if (!Data && isTraitKey(Key))
      State = State->getStateManager().removeGDM(State, Key);
  return State;
}

} // namespace iosafe
