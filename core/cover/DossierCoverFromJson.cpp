#include "core/cover/DossierCover.h"
#include "core/json/JsonObjectReader.h"

namespace dossier {

DossierCover DossierCover::FromJson(const std::string& text) {
  JsonObjectReader json = JsonObjectReader::Parse(text, "cover");
  DossierCover cover;
  cover.candidature_id = json.StringOrEmpty("candidature");
  cover.formation = json.StringOrEmpty("formation");
  cover.declared_ine = json.StringOrEmpty("declared_ine");
  cover.status = json.StringOrEmpty("status");
  cover.generated_at = json.StringOrEmpty("generated_at");
  for (const JsonObjectReader& line : json.Objects("pieces")) {
    CoverPiece piece;
    piece.label = line.StringOrEmpty("label");
    piece.status = line.StringOrEmpty("status");
    piece.precheck = line.StringOrEmpty("precheck");
    piece.comment = line.StringOrEmpty("comment");
    cover.pieces.push_back(std::move(piece));
  }
  return cover;
}

}  // namespace dossier
