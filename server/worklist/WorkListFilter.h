#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "server/worklist/WorkListFlag.h"
#include "server/worklist/WorkListSort.h"
#include "workflow/CandidatureStatus.h"

namespace dossier {

// The bounds of the work list's parameters (contract of GET /api/v1/candidatures).
struct WorkListBounds {
  static constexpr int kDefaultLimit = 50;
  static constexpr int kMaxLimit = 200;
  static constexpr int kMaxSearchCharacters = 100;
  static constexpr int kMaxIds = 200;
  // The CSV export's cap: 50 000 rows build in about 0,8 s and 8 MB; more
  // is refused rather than cut short without a word.
  static constexpr int kMaxExportRows = 50'000;
};

// What the gestionnaire asked of the work list, checked: every field is
// within its bounds, so the query can take it as it is.
struct WorkListFilter {
  std::string q;          // trimmed; "" = no search
  std::string formation;  // "" = every formation
  std::optional<CandidatureStatus> status;
  std::vector<WorkListFlag> flags;  // any of them; none = no filter
  std::vector<std::string> ids;     // only these; none = no filter
  WorkListSort sort;
  int limit = WorkListBounds::kDefaultLimit;
  int offset = 0;
};

// The query string's name/value pairs, decoded, in order; a name may repeat.
using QueryParameters = std::vector<std::pair<std::string, std::string>>;

// Unknown names are ignored; a single-valued name given twice keeps its
// first value. Throws ClientError (invalid_parameter, invalid_status,
// invalid_flag) with a French sentence naming the parameter.
WorkListFilter ParseWorkListFilter(const QueryParameters& parameters);

}  // namespace dossier
