#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sql {
class Connection;
}

namespace dossier {

// One line of a candidature's history as it is shown: the stored codes with
// their French labels added (a pièce's status labels when `piece_code` is
// set, else the candidature's). nullopt stands for NULL.
struct HistoryLine {
  std::string at;  // "2026-12-03T18:40:00.123Z"
  std::string actor;
  std::string kind;  // a HistoryKind's code
  std::optional<std::string> piece_code;
  std::optional<std::string> piece_label;
  std::optional<std::string> old_status;
  std::optional<std::string> new_status;
  std::optional<std::string> old_status_label;
  std::optional<std::string> new_status_label;
  std::optional<std::string> comment;
};

// The candidature's history, oldest first (in the order the lines were
// written). Empty for a candidature without history, or none at all: the
// caller says whether the candidature exists.
std::vector<HistoryLine> ReadHistory(sql::Connection& connection,
                                     const std::string& candidature_id);

}  // namespace dossier
