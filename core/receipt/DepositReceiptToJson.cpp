#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "core/json/JsonStringOrNull.h"
#include "core/json/JsonText.h"
#include "core/receipt/DepositReceipt.h"

namespace dossier {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

template <typename Number>
Poco::Dynamic::Var NumberOrNull(const std::optional<Number>& value) {
  return value ? Poco::Dynamic::Var(static_cast<Poco::Int64>(*value)) : Poco::Dynamic::Var();
}

Object::Ptr PieceJson(const ReceiptPiece& piece) {
  Object::Ptr json = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  json->set("code", piece.code);
  json->set("label", piece.label);
  json->set("status", piece.status);
  json->set("status_label", piece.status_label);
  json->set("pages", NumberOrNull(piece.pages));
  json->set("bytes", NumberOrNull(piece.bytes));
  json->set("sha256", JsonStringOrNull(piece.sha256));
  Array::Ptr files = new Array;
  for (const std::string& name : piece.files) files->add(name);
  json->set("files", files);
  return json;
}

}  // namespace

std::string DepositReceipt::ToJson() const {
  Object json(Poco::JSON_PRESERVE_KEY_ORDER);
  json.set("candidature", candidature_id);
  json.set("formation", formation);
  json.set("ine", JsonStringOrNull(ine));
  json.set("transmitted_at", transmitted_at);
  Array::Ptr piece_list = new Array;
  for (const ReceiptPiece& piece : pieces) piece_list->add(PieceJson(piece));
  json.set("pieces", piece_list);
  return JsonText(json);
}

}  // namespace dossier
