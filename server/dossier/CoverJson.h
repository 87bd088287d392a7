#pragma once

#include <stdexcept>
#include <string>

#include "processors/dossier/DossierCover.h"

namespace dossier {

class CoverJsonError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The cover as `dossier assemble --cover` reads it:
//   {"candidature", "formation", "declared_ine", "status", "generated_at",
//    "pieces": [{"label", "status", "precheck", "comment"}, …]}
// every value a string (declared_ine and comment may be "").
std::string CoverToJson(const DossierCover& cover);
DossierCover CoverFromJson(const std::string& json);  // throws CoverJsonError

}  // namespace dossier
