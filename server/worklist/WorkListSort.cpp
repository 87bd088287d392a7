#include "server/worklist/WorkListSort.h"

namespace dossier {
namespace {

struct NamedOrder {
  std::string_view name;
  WorkListOrder order;
};

constexpr NamedOrder kOrders[] = {{"updated", WorkListOrder::kUpdated},
                                  {"nom", WorkListOrder::kNom},
                                  {"formation", WorkListOrder::kFormation},
                                  {"status", WorkListOrder::kStatus}};

}  // namespace

std::optional<WorkListSort> ParseWorkListSort(std::string_view text) {
  WorkListSort sort;
  if (!text.empty() && text.front() == '-') {
    sort.descending = true;
    text.remove_prefix(1);
  }
  for (const NamedOrder& known : kOrders)
    if (text == known.name) {
      sort.order = known.order;
      return sort;
    }
  return std::nullopt;
}

}  // namespace dossier
