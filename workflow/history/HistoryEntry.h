#pragma once

#include <optional>
#include <string>

#include "workflow/CandidatureStatus.h"
#include "workflow/PieceStatus.h"
#include "workflow/history/HistoryKind.h"

namespace dossier {

// Who the history names for what no person did: the automatic pre-check.
inline constexpr const char* kPrecheckActor = "controle";

// One line of a candidature's history, as RecordHistory writes it. The
// statuses are codes, the pièce's when `piece_code` is set, else the
// candidature's ("" for none, NULL in the table): build it with PieceEntry
// or CandidatureEntry so that the two kinds of codes are never mixed.
struct HistoryEntry {
  std::string candidature_id;
  std::string actor;  // a token's sub, a role name, "candidat" or kPrecheckActor
  HistoryKind kind = HistoryKind::kCreation;
  std::string piece_code;  // "" for the candidature itself
  std::string old_status;
  std::string new_status;
  std::string comment;  // "" for none
};

// A change of (or about) a pièce.
HistoryEntry PieceEntry(const std::string& candidature_id, const std::string& actor,
                        HistoryKind kind, const std::string& piece_code,
                        std::optional<PieceStatus> old_status,
                        std::optional<PieceStatus> new_status, const std::string& comment = "");

// A change of the candidature itself.
HistoryEntry CandidatureEntry(const std::string& candidature_id, const std::string& actor,
                              HistoryKind kind, std::optional<CandidatureStatus> old_status,
                              std::optional<CandidatureStatus> new_status,
                              const std::string& comment = "");

}  // namespace dossier
