#include "store/workflow/Statuses.h"

#include <cstring>

namespace dossier {

const char* CandidatureStatusLabel(const char* code) {
  if (!std::strcmp(code, "AT")) return "En attente";
  if (!std::strcmp(code, "RE")) return "Réceptionné";
  if (!std::strcmp(code, "IN")) return "Incomplet";
  if (!std::strcmp(code, "CO")) return "Complet";
  return code;
}

const char* PieceStatusLabel(const char* code) {
  if (!std::strcmp(code, "AT")) return "En attente";
  if (!std::strcmp(code, "TR")) return "Transmise";
  if (!std::strcmp(code, "VA")) return "Validée";
  if (!std::strcmp(code, "RE")) return "Refusée";
  if (!std::strcmp(code, "NC")) return "Non concerné";
  return code;
}

}  // namespace dossier
