#include <algorithm>

#include "processors/core/JsonWriter.h"
#include "processors/pipeline/PieceReport.h"

namespace dossier {
namespace {

void WriteImage(JsonWriter& json, const ImageStat& image) {
  json.BeginObject()
      .Key("page").Integer(image.page)
      .Key("action").String(image.action)
      .Key("dpi_before").Number(image.dpi_before, 0)
      .Key("dpi_after").Number(image.dpi_after, 0)
      .Key("pixels_before").String(std::to_string(image.width_before) + "x" +
                                   std::to_string(image.height_before))
      .Key("pixels_after").String(std::to_string(image.width_after) + "x" +
                                  std::to_string(image.height_after))
      .Key("bytes_before").Integer(static_cast<long long>(image.bytes_before))
      .Key("bytes_after").Integer(static_cast<long long>(image.bytes_after))
      .EndObject();
}

void WriteInput(JsonWriter& json, const InputReport& input) {
  json.BeginObject()
      .Key("name").String(input.name)
      .Key("type").String(input.kind)
      .Key("bytes").Integer(static_cast<long long>(input.bytes))
      .Key("pages").Integer(input.pages)
      .Key("repaired").Bool(input.repaired)
      .Key("decrypted").Bool(input.decrypted)
      .Key("images").BeginArray();
  for (const ImageStat& image : input.images) WriteImage(json, image);
  json.EndArray().EndObject();
}

void StringArray(JsonWriter& json, const char* key, const std::vector<std::string>& values) {
  json.Key(key).BeginArray();
  for (const std::string& value : values) json.String(value);
  json.EndArray();
}

void OptionalString(JsonWriter& json, const char* key, const std::string& value) {
  json.Key(key);
  value.empty() ? json.Null() : json.String(value);
}

void WriteIne(JsonWriter& json, const IneReport& ine) {
  json.Key("ine").BeginObject().Key("verdict").String(ine.verdict);
  OptionalString(json, "value", ine.value);
  OptionalString(json, "variant", ine.variant);
  json.Key("confidence");
  ine.confidence < 0 ? json.Null() : json.Number(ine.confidence, 2);
  json.Key("page");
  ine.page <= 0 ? json.Null() : json.Integer(ine.page);
  OptionalString(json, "source", ine.source);
  json.EndObject();
}

}  // namespace

std::vector<double> PageImageDpis(const PieceReport& report) {
  std::vector<double> dpi(static_cast<std::size_t>(std::max(report.pages, 0)), 0.0);
  for (const InputReport& input : report.inputs)
    for (const ImageStat& image : input.images)
      if (image.page >= 1 && image.page <= report.pages)
        dpi[image.page - 1] = std::max(dpi[image.page - 1], image.dpi_after);
  return dpi;
}

std::string ReportToJson(const PieceReport& report) {
  JsonWriter json;
  json.BeginObject().Key("status").String(report.accepted ? "accepted" : "refused");
  json.Key("reason");
  report.reason ? json.String(ReasonCode(*report.reason)) : json.Null();
  json.Key("message").String(report.message)
      .Key("piece_type").String(report.piece_type)
      .Key("max_bytes").Integer(static_cast<long long>(report.max_bytes))
      .Key("input_bytes").Integer(static_cast<long long>(report.input_bytes))
      .Key("output_bytes").Integer(static_cast<long long>(report.output_bytes))
      .Key("pages").Integer(report.pages);
  WriteIne(json, report.ine);
  json.Key("signed").Bool(report.signed_pdf)
      .Key("kept_original").Bool(report.kept_original)
      .Key("signature_lost").Bool(report.signature_lost);
  StringArray(json, "active_content_removed", report.active_content_removed);
  StringArray(json, "active_content_kept", report.active_content_kept);
  json.Key("fit").BeginObject()
      .Key("rung").Integer(report.fit.rung)
      .Key("attempts").Integer(report.fit.attempts)
      .Key("dpi").Integer(report.fit.dpi)
      .Key("jpeg_quality").Integer(report.fit.jpeg_quality)
      .EndObject()
      .Key("inputs").BeginArray();
  for (const InputReport& input : report.inputs) WriteInput(json, input);
  json.EndArray();
  OptionalString(json, "detail", report.detail);
  json.Key("elapsed_ms").Number(report.elapsed_ms, 1).EndObject();
  return json.str();
}

}  // namespace dossier
