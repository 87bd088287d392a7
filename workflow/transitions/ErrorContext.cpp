#include "workflow/transitions/ErrorContext.h"

namespace dossier {

std::string ContextOf(const CandidatureRow& candidature) {
  return "candidature " + candidature.id + " (" + Code(candidature.status) + ")";
}

std::string ContextOf(const CandidatureRow& candidature, const PieceRow& piece) {
  return ContextOf(candidature) + ", pièce " + piece.code + " (" + Code(piece.status) + ")";
}

}  // namespace dossier
