#include "workflow/PieceStatus.h"

#include "workflow/CodeTable.h"

namespace dossier {
namespace {

constexpr CodedValue<PieceStatus> kTable[] = {
    {PieceStatus::kEnAttente, "AT", "En attente"},     {PieceStatus::kTransmise, "TR", "Transmise"},
    {PieceStatus::kValidee, "VA", "Validée"},          {PieceStatus::kRefusee, "RE", "Refusée"},
    {PieceStatus::kNonConcerne, "NC", "Non concerné"},
};

}  // namespace

const char* Code(PieceStatus status) {
  return RowOf(kTable, status).code;
}

const char* Label(PieceStatus status) {
  return RowOf(kTable, status).label;
}

std::optional<PieceStatus> ParsePieceStatus(std::string_view code) {
  return ValueOf(kTable, code);
}

}  // namespace dossier
