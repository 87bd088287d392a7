// The pièce report's JSON: the contract `dossier process` prints and the job
// child sends its worker. ToJson then FromJson gives the same report back;
// FromJson refuses anything else and says where.
#include <gtest/gtest.h>

#include <functional>

#include "core/json/JsonParseError.h"
#include "core/report/PieceReport.h"

namespace dossier {
namespace {

// Every field set, none at its default.
PieceReport FullReport() {
  PieceReport report;
  report.accepted = false;
  report.reason = RefusalReason::Size;
  report.message = "Même compressée au maximum, la pièce fait 3,1 Mo : « trop lourde ».";
  report.detail = "fit ladder exhausted at rung 4 \"q=40\"";
  report.piece_type = "releve_bac";
  report.max_bytes = 2'000'000;
  report.input_bytes = 10'485'760;
  report.output_bytes = 3'100'000;
  report.pages = 2;
  report.ine.verdict = "different";
  report.ine.value = "1234567890A";
  report.ine.variant = "bea";
  report.ine.source = "ocr";
  report.ine.confidence = 0.87;
  report.ine.page = 1;
  report.signed_pdf = true;
  report.kept_original = true;
  report.signature_lost = true;
  report.active_content_removed = {"javascript", "link"};
  report.active_content_kept = {"embedded_file"};
  report.fit = {4, 5, 150, 40};
  InputReport scan;
  scan.name = "relevé bac (1).jpg";
  scan.kind = "jpeg";
  scan.bytes = 10'485'760;
  scan.pages = 1;
  scan.repaired = true;
  scan.decrypted = true;
  ImageStat image;
  image.page = 1;
  image.action = "downsampled";
  image.dpi_before = 600;
  image.dpi_after = 200;
  image.width_before = 4960;
  image.height_before = 7016;
  image.width_after = 1654;
  image.height_after = 2339;
  image.bytes_before = 10'000'000;
  image.bytes_after = 420'000;
  scan.images = {image, image};
  scan.images[1].page = 2;
  InputReport pdf;
  pdf.name = "notes.pdf";
  pdf.kind = "pdf";
  pdf.bytes = 1;
  report.inputs = {scan, pdf};
  report.elapsed_ms = 1234.5;
  return report;
}

void ExpectSameImage(const ImageStat& a, const ImageStat& b) {
  EXPECT_EQ(a.page, b.page);
  EXPECT_EQ(a.action, b.action);
  EXPECT_EQ(a.dpi_before, b.dpi_before);
  EXPECT_EQ(a.dpi_after, b.dpi_after);
  EXPECT_EQ(a.width_before, b.width_before);
  EXPECT_EQ(a.height_before, b.height_before);
  EXPECT_EQ(a.width_after, b.width_after);
  EXPECT_EQ(a.height_after, b.height_after);
  EXPECT_EQ(a.bytes_before, b.bytes_before);
  EXPECT_EQ(a.bytes_after, b.bytes_after);
}

void ExpectSameInput(const InputReport& a, const InputReport& b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.bytes, b.bytes);
  EXPECT_EQ(a.pages, b.pages);
  EXPECT_EQ(a.repaired, b.repaired);
  EXPECT_EQ(a.decrypted, b.decrypted);
  ASSERT_EQ(a.images.size(), b.images.size());
  for (std::size_t i = 0; i < a.images.size(); ++i) ExpectSameImage(a.images[i], b.images[i]);
}

void ExpectSameReport(const PieceReport& a, const PieceReport& b) {
  EXPECT_EQ(a.accepted, b.accepted);
  EXPECT_EQ(a.reason, b.reason);
  EXPECT_EQ(a.message, b.message);
  EXPECT_EQ(a.detail, b.detail);
  EXPECT_EQ(a.piece_type, b.piece_type);
  EXPECT_EQ(a.max_bytes, b.max_bytes);
  EXPECT_EQ(a.input_bytes, b.input_bytes);
  EXPECT_EQ(a.output_bytes, b.output_bytes);
  EXPECT_EQ(a.pages, b.pages);
  EXPECT_EQ(a.ine.verdict, b.ine.verdict);
  EXPECT_EQ(a.ine.value, b.ine.value);
  EXPECT_EQ(a.ine.variant, b.ine.variant);
  EXPECT_EQ(a.ine.source, b.ine.source);
  EXPECT_EQ(a.ine.confidence, b.ine.confidence);
  EXPECT_EQ(a.ine.page, b.ine.page);
  EXPECT_EQ(a.signed_pdf, b.signed_pdf);
  EXPECT_EQ(a.kept_original, b.kept_original);
  EXPECT_EQ(a.signature_lost, b.signature_lost);
  EXPECT_EQ(a.active_content_removed, b.active_content_removed);
  EXPECT_EQ(a.active_content_kept, b.active_content_kept);
  EXPECT_EQ(a.fit.rung, b.fit.rung);
  EXPECT_EQ(a.fit.attempts, b.fit.attempts);
  EXPECT_EQ(a.fit.dpi, b.fit.dpi);
  EXPECT_EQ(a.fit.jpeg_quality, b.fit.jpeg_quality);
  ASSERT_EQ(a.inputs.size(), b.inputs.size());
  for (std::size_t i = 0; i < a.inputs.size(); ++i) ExpectSameInput(a.inputs[i], b.inputs[i]);
  EXPECT_EQ(a.elapsed_ms, b.elapsed_ms);
}

TEST(PieceReportJson, EveryFieldComesBack) {
  PieceReport report = FullReport();
  std::string json = report.ToJson();
  PieceReport back = PieceReport::FromJson(json);
  ExpectSameReport(back, report);
  EXPECT_EQ(back.ToJson(), json);
}

TEST(PieceReportJson, TheDefaultsComeBackAsNoneValues) {
  PieceReport report;
  report.accepted = true;
  report.message = "Pièce acceptée : 1 page, 12 ko.";
  PieceReport back = PieceReport::FromJson(report.ToJson());
  ExpectSameReport(back, report);
  EXPECT_FALSE(back.reason);
  EXPECT_EQ(back.ine.verdict, "non_verifie");
  EXPECT_LT(back.ine.confidence, 0);
  EXPECT_EQ(back.ine.page, 0);
}

TEST(PieceReportJson, EveryRefusalReasonComesBack) {
  for (RefusalReason reason :
       {RefusalReason::Format, RefusalReason::Size, RefusalReason::Pages, RefusalReason::Corrupt,
        RefusalReason::Encrypted, RefusalReason::Empty, RefusalReason::Limits}) {
    PieceReport report;
    report.reason = reason;
    EXPECT_EQ(PieceReport::FromJson(report.ToJson()).reason, reason) << ReasonCode(reason);
  }
}

// The contract, byte for byte: keys in this order, "none" as null, the
// measures with their decimals, French kept readable.
TEST(PieceReportJson, WritesTheContractsText) {
  PieceReport report;
  report.accepted = true;
  report.message = "Pièce acceptée : 1 page.";
  report.piece_type = "cv";
  report.max_bytes = 2'000'000;
  report.input_bytes = 1000;
  report.output_bytes = 900;
  report.pages = 1;
  report.ine.verdict = "conforme";
  report.ine.value = "1234567890A";
  report.ine.confidence = 0.9;
  report.ine.page = 1;
  report.active_content_removed = {"link"};
  report.fit = {1, 1, 200, 85};
  InputReport input;
  input.name = "cv.png";
  input.kind = "png";
  input.bytes = 1000;
  input.pages = 1;
  ImageStat image;
  image.page = 1;
  image.action = "lossless";
  image.dpi_before = 299.6;
  image.dpi_after = 200;
  image.width_before = 2480;
  image.height_before = 3508;
  image.width_after = 1654;
  image.height_after = 2339;
  image.bytes_before = 1000;
  image.bytes_after = 800;
  input.images = {image};
  report.inputs = {input};
  report.elapsed_ms = 12;
  EXPECT_EQ(
      report.ToJson(),
      "{\"status\":\"accepted\",\"reason\":null,\"message\":\"Pièce acceptée : 1 page.\","
      "\"piece_type\":\"cv\",\"max_bytes\":2000000,\"input_bytes\":1000,\"output_bytes\":900,"
      "\"pages\":1,\"ine\":{\"verdict\":\"conforme\",\"value\":\"1234567890A\","
      "\"variant\":null,\"confidence\":0.90,\"page\":1,\"source\":null},\"signed\":false,"
      "\"kept_original\":false,\"signature_lost\":false,\"active_content_removed\":[\"link\"],"
      "\"active_content_kept\":[],\"fit\":{\"rung\":1,\"attempts\":1,\"dpi\":200,"
      "\"jpeg_quality\":85},\"inputs\":[{\"name\":\"cv.png\",\"type\":\"png\",\"bytes\":1000,"
      "\"pages\":1,\"repaired\":false,\"decrypted\":false,\"images\":[{\"page\":1,"
      "\"action\":\"lossless\",\"dpi_before\":300,\"dpi_after\":200,"
      "\"pixels_before\":\"2480x3508\",\"pixels_after\":\"1654x2339\",\"bytes_before\":1000,"
      "\"bytes_after\":800}]}],\"detail\":null,\"elapsed_ms\":12.0}");
}

TEST(PieceReportJson, InvalidBytesInAFileNameStillMakeValidJson) {
  PieceReport report;
  InputReport input;
  input.name = "scan\xff\xe2\x80\xa8.jpg";
  report.inputs = {input};
  PieceReport back = PieceReport::FromJson(report.ToJson());
  EXPECT_EQ(back.inputs.at(0).name, "scan\xEF\xBF\xBD\xe2\x80\xa8.jpg");
}

// The error FromJson throws for `json`, "" when it throws none.
std::string ErrorOf(const std::string& json) {
  try {
    PieceReport::FromJson(json);
  } catch (const JsonParseError& error) {
    return error.what();
  }
  return "";
}

// The report's JSON with `from` replaced by `to` (once).
std::string Changed(const std::string& from, const std::string& to) {
  std::string json = FullReport().ToJson();
  std::size_t at = json.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? json : json.replace(at, from.size(), to);
}

TEST(PieceReportJson, RefusesWhatIsNotAReportAndSaysWhere) {
  EXPECT_EQ(ErrorOf(FullReport().ToJson()), "");
  EXPECT_NE(ErrorOf("").find("report: not JSON"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"status\":").find("report: not JSON"), std::string::npos);
  EXPECT_EQ(ErrorOf("[1]"), "report: expected an object, found an array");
  EXPECT_EQ(ErrorOf("{}"), "report.status: missing, expected a string");
  EXPECT_EQ(ErrorOf(Changed("\"status\":\"refused\"", "\"status\":\"maybe\"")),
            "report.status: expected \"accepted\" or \"refused\", found \"maybe\"");
  EXPECT_EQ(ErrorOf(Changed("\"reason\":\"size\"", "\"reason\":\"big\"")),
            "report.reason: expected a refusal code, found \"big\"");
  EXPECT_EQ(ErrorOf(Changed("\"reason\":\"size\"", "\"reason\":3")),
            "report.reason: expected a string or null, found a number");
  EXPECT_EQ(ErrorOf(Changed("\"max_bytes\":2000000", "\"max_bytes\":\"2000000\"")),
            "report.max_bytes: expected a non-negative integer, found a string");
  EXPECT_EQ(ErrorOf(Changed("\"max_bytes\":2000000", "\"max_bytes\":-1")),
            "report.max_bytes: expected a non-negative integer, found a number");
  EXPECT_EQ(ErrorOf(Changed("\"pages\":2", "\"pages\":true")),
            "report.pages: expected an integer, found a boolean");
  EXPECT_EQ(ErrorOf(Changed("\"pages\":2", "\"pages\":2.5")),
            "report.pages: expected an integer, found a number");
  EXPECT_EQ(ErrorOf(Changed("\"pages\":2", "\"pages\":4294967296")),
            "report.pages: expected an integer of 32 bits, found a larger one");
  EXPECT_EQ(ErrorOf(Changed("\"signed\":true", "\"signed\":1")),
            "report.signed: expected a boolean, found a number");
  EXPECT_EQ(ErrorOf(Changed("\"verdict\":\"different\"", "\"verdict\":null")),
            "report.ine.verdict: expected a string, found null");
  EXPECT_EQ(ErrorOf(Changed("\"confidence\":0.87", "\"confidence\":\"high\"")),
            "report.ine.confidence: expected a number or null, found a string");
  EXPECT_EQ(ErrorOf(Changed("\"ine\":{", "\"ine\":[],\"x\":{")),
            "report.ine: expected an object, found an array");
  EXPECT_EQ(ErrorOf(Changed("\"active_content_kept\":[\"embedded_file\"]",
                            "\"active_content_kept\":[\"embedded_file\",7]")),
            "report.active_content_kept[1]: expected a string, found a number");
  EXPECT_EQ(ErrorOf(Changed("\"jpeg_quality\":40", "\"quality\":40")),
            "report.fit.jpeg_quality: missing, expected an integer");
  EXPECT_EQ(ErrorOf(Changed("\"bytes_after\":420000", "\"bytes_after\":{}")),
            "report.inputs[0].images[0].bytes_after: expected a non-negative integer, found an "
            "object");
  EXPECT_EQ(ErrorOf(Changed("\"pixels_after\":\"1654x2339\"", "\"pixels_after\":\"1654 2339\"")),
            "report.inputs[0].images[0].pixels_after: expected WIDTHxHEIGHT, found \"1654 2339\"");
  EXPECT_EQ(ErrorOf(Changed("\"inputs\":[", "\"inputs\":[1,")),
            "report.inputs[0]: expected an object, found a number");
  EXPECT_EQ(ErrorOf(Changed("\"elapsed_ms\":1234.5", "\"elapsed_ms\":null")),
            "report.elapsed_ms: expected a number, found null");
}

}  // namespace
}  // namespace dossier
