#pragma once

#include <optional>
#include <string_view>

namespace dossier {

// The order of the work list: `sort=updated` (the default: oldest change
// first), `nom`, `formation` or `status`, each reversed by a leading "-".
// Ties are broken by id, in the same direction.
enum class WorkListOrder { kUpdated, kNom, kFormation, kStatus };

struct WorkListSort {
  WorkListOrder order = WorkListOrder::kUpdated;
  bool descending = false;
};

// nullopt for anything but the eight values above.
std::optional<WorkListSort> ParseWorkListSort(std::string_view text);

}  // namespace dossier
