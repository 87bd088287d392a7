#include "server/dossier/CoverJson.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace dossier {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string Text(const Object& object, const std::string& key, const std::string& where) {
  if (!object.has(key)) return "";
  Poco::Dynamic::Var value = object.get(key);
  if (value.isEmpty()) return "";
  if (!value.isString()) throw CoverJsonError(where + "." + key + " is not a string");
  return value.extract<std::string>();
}

CoverPiece PieceFrom(const Object& object, const std::string& where) {
  CoverPiece piece;
  piece.label = Text(object, "label", where);
  piece.status = Text(object, "status", where);
  piece.precheck = Text(object, "precheck", where);
  piece.comment = Text(object, "comment", where);
  return piece;
}

Object::Ptr PieceTo(const CoverPiece& piece) {
  Object::Ptr object = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  object->set("label", piece.label);
  object->set("status", piece.status);
  object->set("precheck", piece.precheck);
  object->set("comment", piece.comment);
  return object;
}

}  // namespace

std::string CoverToJson(const DossierCover& cover) {
  Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("candidature", cover.candidature_id);
  root.set("formation", cover.formation);
  root.set("declared_ine", cover.declared_ine);
  root.set("status", cover.status);
  root.set("generated_at", cover.generated_at);
  Array::Ptr pieces = new Array;
  for (const CoverPiece& piece : cover.pieces) pieces->add(PieceTo(piece));
  root.set("pieces", pieces);
  std::ostringstream text;
  root.stringify(text);
  return text.str();
}

DossierCover CoverFromJson(const std::string& json) {
  Object::Ptr root;
  try {
    root = Poco::JSON::Parser().parse(json).extract<Object::Ptr>();
  } catch (const Poco::Exception& error) {
    throw CoverJsonError("cover: " + error.displayText());
  } catch (const std::exception& error) {  // BadCastException's cousins from Any
    throw CoverJsonError(std::string("cover: not a JSON object (") + error.what() + ")");
  }
  if (!root) throw CoverJsonError("cover: not a JSON object");
  DossierCover cover;
  cover.candidature_id = Text(*root, "candidature", "cover");
  cover.formation = Text(*root, "formation", "cover");
  cover.declared_ine = Text(*root, "declared_ine", "cover");
  cover.status = Text(*root, "status", "cover");
  cover.generated_at = Text(*root, "generated_at", "cover");
  Array::Ptr pieces = root->getArray("pieces");
  if (!pieces) throw CoverJsonError("cover.pieces is missing or not an array");
  for (std::size_t i = 0; i < pieces->size(); ++i) {
    std::string where = "cover.pieces[" + std::to_string(i) + "]";
    Object::Ptr piece = pieces->getObject(static_cast<unsigned>(i));
    if (!piece) throw CoverJsonError(where + " is not an object");
    cover.pieces.push_back(PieceFrom(*piece, where));
  }
  return cover;
}

}  // namespace dossier
