#include "workflow/CandidatureStatus.h"

#include "workflow/CodeTable.h"

namespace dossier {
namespace {

constexpr CodedValue<CandidatureStatus> kTable[] = {
    {CandidatureStatus::kEnAttente, "AT", "En attente"},
    {CandidatureStatus::kReceptionne, "RE", "Réceptionné"},
    {CandidatureStatus::kIncomplet, "IN", "Incomplet"},
    {CandidatureStatus::kComplet, "CO", "Complet"},
};

}  // namespace

const char* Code(CandidatureStatus status) {
  return RowOf(kTable, status).code;
}

const char* Label(CandidatureStatus status) {
  return RowOf(kTable, status).label;
}

std::optional<CandidatureStatus> ParseCandidatureStatus(std::string_view code) {
  return ValueOf(kTable, code);
}

}  // namespace dossier
