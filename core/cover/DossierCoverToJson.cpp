#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "core/cover/DossierCover.h"
#include "core/json/JsonText.h"

namespace dossier {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr PieceJson(const CoverPiece& piece) {
  Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("label", piece.label);
  json->set("status", piece.status);
  json->set("precheck", piece.precheck);
  json->set("comment", piece.comment);
  return json;
}

}  // namespace

std::string DossierCover::ToJson() const {
  Object json(Poco::JSON_PRESERVE_KEY_ORDER);
  json.set("candidature", candidature_id);
  json.set("formation", formation);
  json.set("declared_ine", declared_ine);
  json.set("status", status);
  json.set("generated_at", generated_at);
  Array::Ptr piece_list = new Array;
  for (const CoverPiece& piece : pieces) piece_list->add(PieceJson(piece));
  json.set("pieces", piece_list);
  return JsonText(json);
}

}  // namespace dossier
