#include <cstdlib>

#include "core/json/JsonObjectReader.h"
#include "core/json/JsonParseError.h"
#include "core/report/PieceReport.h"

namespace dossier {
namespace {

// "3024x4032" back into its two numbers.
void ReadPixels(const JsonObjectReader& json, const std::string& key, int& width, int& height) {
  std::string text = json.String(key);
  std::size_t x = text.find('x');
  auto digits = [](const std::string& part) {
    return !part.empty() && part.size() <= 9 &&
           part.find_first_not_of("0123456789") == std::string::npos;
  };
  if (x == std::string::npos || !digits(text.substr(0, x)) || !digits(text.substr(x + 1)))
    throw JsonParseError(json.Where(key) + ": expected WIDTHxHEIGHT, found \"" + text + "\"");
  width = std::atoi(text.substr(0, x).c_str());
  height = std::atoi(text.substr(x + 1).c_str());
}

ImageStat ImageFromJson(const JsonObjectReader& json) {
  ImageStat image;
  image.page = json.Int("page");
  image.action = json.String("action");
  image.dpi_before = json.Number("dpi_before");
  image.dpi_after = json.Number("dpi_after");
  ReadPixels(json, "pixels_before", image.width_before, image.height_before);
  ReadPixels(json, "pixels_after", image.width_after, image.height_after);
  image.bytes_before = json.Unsigned("bytes_before");
  image.bytes_after = json.Unsigned("bytes_after");
  return image;
}

InputReport InputFromJson(const JsonObjectReader& json) {
  InputReport input;
  input.name = json.String("name");
  input.kind = json.String("type");
  input.bytes = json.Unsigned("bytes");
  input.pages = json.Int("pages");
  input.repaired = json.Bool("repaired");
  input.decrypted = json.Bool("decrypted");
  for (const JsonObjectReader& image : json.Objects("images"))
    input.images.push_back(ImageFromJson(image));
  return input;
}

IneReport IneFromJson(const JsonObjectReader& json) {
  IneReport ine;
  ine.verdict = json.String("verdict");
  ine.value = json.StringOrNull("value");
  ine.variant = json.StringOrNull("variant");
  ine.confidence = json.NumberOrNull("confidence").value_or(-1);
  ine.page = json.IntOrNull("page").value_or(0);
  ine.source = json.StringOrNull("source");
  return ine;
}

FitReport FitFromJson(const JsonObjectReader& json) {
  FitReport fit;
  fit.rung = json.Int("rung");
  fit.attempts = json.Int("attempts");
  fit.dpi = json.Int("dpi");
  fit.jpeg_quality = json.Int("jpeg_quality");
  return fit;
}

bool Accepted(const JsonObjectReader& json) {
  std::string status = json.String("status");
  if (status != "accepted" && status != "refused")
    throw JsonParseError(json.Where("status") + ": expected \"accepted\" or \"refused\", found \"" +
                         status + "\"");
  return status == "accepted";
}

std::optional<RefusalReason> Reason(const JsonObjectReader& json) {
  std::string code = json.StringOrNull("reason");
  if (code.empty()) return std::nullopt;
  std::optional<RefusalReason> reason = ReasonOfCode(code);
  if (!reason)
    throw JsonParseError(json.Where("reason") + ": expected a refusal code, found \"" + code +
                         "\"");
  return reason;
}

}  // namespace

PieceReport PieceReport::FromJson(const std::string& text) {
  JsonObjectReader json = JsonObjectReader::Parse(text, "report");
  PieceReport report;
  report.accepted = Accepted(json);
  report.reason = Reason(json);
  report.message = json.String("message");
  report.piece_type = json.String("piece_type");
  report.max_bytes = json.Unsigned("max_bytes");
  report.input_bytes = json.Unsigned("input_bytes");
  report.output_bytes = json.Unsigned("output_bytes");
  report.pages = json.Int("pages");
  report.ine = IneFromJson(json.Object("ine"));
  report.signed_pdf = json.Bool("signed");
  report.kept_original = json.Bool("kept_original");
  report.signature_lost = json.Bool("signature_lost");
  report.active_content_removed = json.Strings("active_content_removed");
  report.active_content_kept = json.Strings("active_content_kept");
  report.fit = FitFromJson(json.Object("fit"));
  for (const JsonObjectReader& input : json.Objects("inputs"))
    report.inputs.push_back(InputFromJson(input));
  report.detail = json.StringOrNull("detail");
  report.elapsed_ms = json.Number("elapsed_ms");
  return report;
}

}  // namespace dossier
