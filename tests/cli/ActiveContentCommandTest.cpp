// `dossier process` on PDFs carrying active content or a lying stream
// length, run as the real binary: the report lists what was removed (or
// kept, for a signed PDF), and the output holds none of it, as qpdf reads
// it.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/fixtures/ActiveContentPdf.h"
#include "tests/fixtures/HostilePdf.h"
#include "tests/fixtures/SignedPdf.h"
#include "tests/fixtures/Truncated.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

using Poco::JSON::Object;
using testing::ReadFile;
using testing::TempDir;

struct Processed {
  int exit_code = -1;
  Object::Ptr report;
  std::string pdf;
};

Processed Process(const std::string& name, const std::string& bytes) {
  TempDir dir;
  std::string input = dir.Write(name, bytes);
  std::string output = dir.path() + "/out.pdf";
  testing::CommandResult run =
      testing::RunCommand("'" + testing::BuiltBinary("dossier") + "' process -o '" + output +
                          "' '" + input + "' 2>/dev/null");
  Processed processed;
  processed.exit_code = run.exit_code;
  processed.report = Poco::JSON::Parser().parse(run.out).extract<Object::Ptr>();
  processed.pdf = ReadFile(output);
  return processed;
}

std::vector<std::string> Strings(const Object::Ptr& report, const std::string& key) {
  std::vector<std::string> values;
  Poco::JSON::Array::Ptr array = report->getArray(key);
  for (std::size_t i = 0; array && i < array->size(); ++i)
    values.push_back(array->getElement<std::string>(i));
  return values;
}

TEST(ProcessCommandActiveContent, ListsWhatItRemovedAndTheOutputHasNoneOfIt) {
  Processed run = Process("cv.pdf", fixtures::ActiveContentPdf());
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(Strings(run.report, "active_content_removed"),
            (std::vector<std::string>{"embedded_file", "hide", "import_data", "javascript",
                                      "launch", "link", "remote_goto", "reset_form", "rich_media",
                                      "submit_form", "xfa"}));
  EXPECT_EQ(Strings(run.report, "active_content_kept"), std::vector<std::string>{});
  std::string qdf = testing::QdfText(run.pdf);
  ASSERT_NE(qdf.find("/Type /Catalog"), std::string::npos);
  for (const char* name :
       {"/JavaScript", "/JS", "/OpenAction", "/Launch", "/EmbeddedFiles", "/FileAttachment", "/XFA",
        "/RichMedia", "/SubmitForm", "/ImportData", "/URI", "evil.exe", "calc.exe"})
    EXPECT_EQ(qdf.find(name), std::string::npos) << name;
  EXPECT_TRUE(testing::QpdfCheckPasses(run.pdf));
}

TEST(ProcessCommandActiveContent, KeepsASignedPdfAndListsWhatItStillCarries) {
  const std::string signed_pdf = fixtures::SignedActiveContentPdf();
  Processed run = Process("attestation.pdf", signed_pdf);
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_TRUE(run.report->getValue<bool>("kept_original"));
  EXPECT_EQ(run.pdf, signed_pdf);
  EXPECT_EQ(Strings(run.report, "active_content_kept"),
            (std::vector<std::string>{"javascript", "reset_form"}));
  EXPECT_EQ(Strings(run.report, "active_content_removed"), std::vector<std::string>{});
}

TEST(ProcessCommandActiveContent, RebuildsAPdfWhoseStreamLengthLies) {
  std::string lying = fixtures::WithLyingStreamLength(
      fixtures::OnePageDrawingPdf("0 0 m 595 842 l S\n0 842 m 595 0 l S"), 12);
  Processed run = Process("plan.pdf", lying);
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_TRUE(run.report->getArray("inputs")->getObject(0)->getValue<bool>("repaired"));
  EXPECT_TRUE(testing::QpdfCheckPasses(run.pdf));  // exit 0: no warning either
}

}  // namespace
}  // namespace dossier
