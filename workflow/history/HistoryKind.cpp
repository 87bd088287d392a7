#include "workflow/history/HistoryKind.h"

namespace dossier {
namespace {

struct KindCode {
  HistoryKind kind;
  const char* code;
};

constexpr KindCode kTable[] = {
    {HistoryKind::kCreation, "creation"},
    {HistoryKind::kUpload, "upload"},
    {HistoryKind::kPrecheck, "precheck"},
    {HistoryKind::kDecision, "decision"},
    {HistoryKind::kStatus, "status"},
    {HistoryKind::kTransmission, "transmission"},
    {HistoryKind::kNonConcerne, "non_concerne"},
};

}  // namespace

const char* Code(HistoryKind kind) {
  for (const KindCode& row : kTable)
    if (row.kind == kind) return row.code;
  return kTable[0].code;
}

std::optional<HistoryKind> ParseHistoryKind(std::string_view code) {
  for (const KindCode& row : kTable)
    if (code == row.code) return row.kind;
  return std::nullopt;
}

}  // namespace dossier
