#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "core/json/JsonDecimal.h"
#include "core/json/JsonDocument.h"
#include "core/json/JsonStringOrNull.h"
#include "core/json/JsonText.h"
#include "core/report/PieceReport.h"

namespace dossier {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

std::string Pixels(int width, int height) {
  return std::to_string(width) + "x" + std::to_string(height);
}

Object::Ptr ImageJson(const ImageStat& image) {
  Object::Ptr json = NewJsonObject();
  json->set("page", image.page);
  json->set("action", image.action);
  json->set("dpi_before", JsonDecimal(image.dpi_before, 0));
  json->set("dpi_after", JsonDecimal(image.dpi_after, 0));
  json->set("pixels_before", Pixels(image.width_before, image.height_before));
  json->set("pixels_after", Pixels(image.width_after, image.height_after));
  json->set("bytes_before", image.bytes_before);
  json->set("bytes_after", image.bytes_after);
  return json;
}

Object::Ptr InputJson(const InputReport& input) {
  Object::Ptr json = NewJsonObject();
  json->set("name", input.name);
  json->set("type", input.kind);
  json->set("bytes", input.bytes);
  json->set("pages", input.pages);
  json->set("repaired", input.repaired);
  json->set("decrypted", input.decrypted);
  Array::Ptr images = new Array;
  for (const ImageStat& image : input.images) images->add(ImageJson(image));
  json->set("images", images);
  return json;
}

Object::Ptr IneJson(const IneReport& ine) {
  Object::Ptr json = NewJsonObject();
  json->set("verdict", ine.verdict);
  json->set("value", JsonStringOrNull(ine.value));
  json->set("variant", JsonStringOrNull(ine.variant));
  json->set("confidence", ine.confidence < 0 ? Var() : JsonDecimal(ine.confidence, 2));
  json->set("page", ine.page <= 0 ? Var() : Var(ine.page));
  json->set("source", JsonStringOrNull(ine.source));
  return json;
}

Object::Ptr FitJson(const FitReport& fit) {
  Object::Ptr json = NewJsonObject();
  json->set("rung", fit.rung);
  json->set("attempts", fit.attempts);
  json->set("dpi", fit.dpi);
  json->set("jpeg_quality", fit.jpeg_quality);
  return json;
}

Array::Ptr StringsJson(const std::vector<std::string>& values) {
  Array::Ptr json = new Array;
  for (const std::string& value : values) json->add(value);
  return json;
}

}  // namespace

std::string PieceReport::ToJson() const {
  Object json(Poco::JSON_PRESERVE_KEY_ORDER);
  json.set("status", accepted ? "accepted" : "refused");
  json.set("reason", reason ? Var(ReasonCode(*reason)) : Var());
  json.set("message", message);
  json.set("piece_type", piece_type);
  json.set("max_bytes", max_bytes);
  json.set("input_bytes", input_bytes);
  json.set("output_bytes", output_bytes);
  json.set("pages", pages);
  json.set("ine", IneJson(ine));
  json.set("signed", signed_pdf);
  json.set("kept_original", kept_original);
  json.set("signature_lost", signature_lost);
  json.set("active_content_removed", StringsJson(active_content_removed));
  json.set("active_content_kept", StringsJson(active_content_kept));
  json.set("fit", FitJson(fit));
  Array::Ptr input_list = new Array;
  for (const InputReport& input : inputs) input_list->add(InputJson(input));
  json.set("inputs", input_list);
  json.set("detail", JsonStringOrNull(detail));
  json.set("elapsed_ms", JsonDecimal(elapsed_ms, 1));
  return JsonText(json);
}

}  // namespace dossier
