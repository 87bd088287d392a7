#include "server/routes/CandidatureOutcome.h"

#include <algorithm>

namespace dossier {

std::string StatusAfterDecision(const std::string& current,
                                const std::vector<std::string>& piece_statuses) {
  auto is = [&](const char* status) {
    return [status](const std::string& s) { return s == status; };
  };
  if (std::any_of(piece_statuses.begin(), piece_statuses.end(), is("RE"))) return "IN";
  bool all_settled = std::all_of(piece_statuses.begin(), piece_statuses.end(),
                                 [](const std::string& s) { return s == "VA" || s == "NC"; });
  if (all_settled && !piece_statuses.empty()) return "CO";
  return current;
}

}  // namespace dossier
