#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dossier {

// The French label of a status read from a row, for pages, covers and
// lists: `LabelOrCode(ParsePieceStatus(code), code)`. The code itself for
// one the schema's CHECK would have refused, rather than no answer at all.
template <typename Status>
std::string LabelOrCode(std::optional<Status> status, std::string_view code) {
  return status ? std::string(Label(*status)) : std::string(code);
}

}  // namespace dossier
