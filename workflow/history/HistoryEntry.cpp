#include "workflow/history/HistoryEntry.h"

namespace dossier {
namespace {

template <typename Status>
std::string CodeOrNone(std::optional<Status> status) {
  return status ? Code(*status) : "";
}

}  // namespace

HistoryEntry PieceEntry(const std::string& candidature_id, const std::string& actor,
                        HistoryKind kind, const std::string& piece_code,
                        std::optional<PieceStatus> old_status,
                        std::optional<PieceStatus> new_status, const std::string& comment) {
  return {candidature_id,         actor,  kind, piece_code, CodeOrNone(old_status),
          CodeOrNone(new_status), comment};
}

HistoryEntry CandidatureEntry(const std::string& candidature_id, const std::string& actor,
                              HistoryKind kind, std::optional<CandidatureStatus> old_status,
                              std::optional<CandidatureStatus> new_status,
                              const std::string& comment) {
  return {candidature_id, actor, kind, "", CodeOrNone(old_status), CodeOrNone(new_status), comment};
}

}  // namespace dossier
