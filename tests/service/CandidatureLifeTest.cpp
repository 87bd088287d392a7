// The whole life of a candidature through the HTTP API of a running
// dossierd: creation, uploads of several files per pièce, processing by the
// worker processes, statuses, the gestionnaire's decisions, transmission,
// downloads. eCandidat's rules are checked where they bite.
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "ingest/upload/Sha256.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/ReferenceDossier.h"
#include "tests/fixtures/ScanJpeg.h"
#include "tests/service/ServiceTestbed.h"

namespace dossier::test {
namespace {

using testing::PdfText;
using testing::PopplerPageCount;
using testing::QpdfCheckPasses;

const char* const kCandidature = "L1-2026-0001";

std::string Decision(const std::string& status, const std::string& comment) {
  return "{\"status\": \"" + status + "\", \"comment\": \"" + comment + "\"}";
}

std::string ReleveScan() {
  fixtures::TextPageSpec spec = fixtures::ReleveBacScanSpec("1234567890V");
  spec.dpi = 200;  // a scanner set as the guides ask; keeps the test quick
  return fixtures::ScanJpeg(spec);
}

class CandidatureLife : public ::testing::Test {
 protected:
  ServiceTestbed bed{{"--workers", "2"}};
  std::string candidat = bed.Token("candidat", kCandidature);
  std::string path = std::string("/api/v1/candidatures/") + kCandidature;

  ApiResponse Get() { return bed.api().Request("GET", path, candidat); }
  ApiResponse Transmit() { return bed.api().Request("POST", path + "/transmit", candidat); }
  ApiResponse Decide(const std::string& piece, const std::string& status,
                     const std::string& comment) {
    return bed.api().Request("POST", path + "/pieces/" + piece + "/decision", bed.Gestionnaire(),
                             Decision(status, comment));
  }
  std::string Status() { return Get().Json()->getValue<std::string>("status"); }
};

TEST_F(CandidatureLife, FromCreationToCompleteDossier) {
  ASSERT_EQ(
      bed.CreateCandidature(
          kCandidature,
          {{"cv", true}, {"releve_bac", true}, {"identite", true}, {"complementaires", false}}),
      201);
  Poco::JSON::Object::Ptr fresh = Get().Json();
  EXPECT_EQ(fresh->getValue<std::string>("status"), "AT");
  EXPECT_EQ(ServiceTestbed::Piece(fresh, "cv")->getValue<std::string>("status"), "AT");
  EXPECT_TRUE(ServiceTestbed::Piece(fresh, "cv")->isNull("report"));

  // Nothing uploaded yet: eCandidat refuses the transmission.
  ApiResponse early = Transmit();
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.Json()->getValue<std::string>("error"), "pieces_missing");

  std::string cv_page1 = fixtures::BornDigitalPdf({{"Curriculum vitae", "Camille Martin"}});
  std::string cv_page2 = fixtures::BornDigitalPdf({{"Expériences", "Stage"}, {"Langues"}});
  ApiResponse cv = bed.api().Upload(kCandidature, "cv", candidat,
                                    {{"cv.pdf", cv_page1}, {"cv-suite.pdf", cv_page2}});
  ASSERT_EQ(cv.status, 202) << cv.body;
  EXPECT_EQ(cv.Json()->getValue<int>("version"), 1);
  EXPECT_GT(cv.Json()->getValue<long>("job"), 0);
  ASSERT_EQ(
      bed.api().Upload(kCandidature, "releve_bac", candidat, {{"releve.jpg", ReleveScan()}}).status,
      202);
  fixtures::TextPageSpec id_card;
  id_card.lines = {"RÉPUBLIQUE FRANÇAISE", "CARTE NATIONALE D'IDENTITÉ", "MARTIN Camille"};
  id_card.dpi = 150;
  ASSERT_EQ(bed.api()
                .Upload(kCandidature, "identite", candidat,
                        {{"recto.jpg", fixtures::ScanJpeg(id_card)},
                         {"verso.pdf", fixtures::BornDigitalPdf({{"Verso"}})}})
                .status,
            202);
  // A conditional pièce may be answered « Non concerné »; a mandatory one not.
  EXPECT_EQ(
      bed.api().Request("POST", path + "/pieces/complementaires/non-concerne", candidat).status,
      200);
  EXPECT_EQ(bed.api().Request("POST", path + "/pieces/cv/non-concerne", candidat).status, 409);

  Poco::JSON::Object::Ptr processed = bed.WaitProcessed(kCandidature);
  Poco::JSON::Object::Ptr cv_piece = ServiceTestbed::Piece(processed, "cv");
  EXPECT_EQ(cv_piece->getValue<std::string>("status"), "TR");
  ASSERT_FALSE(cv_piece->isNull("report"));
  Poco::JSON::Object::Ptr cv_report = cv_piece->getObject("report");
  EXPECT_EQ(cv_report->getValue<std::string>("status"), "accepted");
  EXPECT_EQ(cv_report->getValue<int>("pages"), 3);
  Poco::JSON::Object::Ptr releve =
      ServiceTestbed::Piece(processed, "releve_bac")->getObject("report");
  EXPECT_EQ(releve->getObject("ine")->getValue<std::string>("verdict"), "conforme");
  EXPECT_EQ(
      ServiceTestbed::Piece(processed, "identite")->getObject("report")->getValue<int>("pages"), 2);
  EXPECT_EQ(ServiceTestbed::Piece(processed, "complementaires")->getValue<std::string>("status"),
            "NC");

  ApiResponse pdf = bed.api().Request("GET", path + "/pieces/cv/pdf", candidat);
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.headers["content-type"], "application/pdf");
  EXPECT_TRUE(QpdfCheckPasses(pdf.body));
  EXPECT_EQ(PopplerPageCount(pdf.body), 3);

  ASSERT_EQ(Transmit().status, 200);
  EXPECT_EQ(Status(), "RE");
  // The récépissé holds the SHA-256 of the very PDFs the service serves,
  // and dossierd draws it through `dossier recepisse`.
  ApiResponse receipt = bed.api().Request("GET", path + "/recepisse", candidat);
  ASSERT_EQ(receipt.status, 200) << receipt.body;
  Poco::JSON::Array::Ptr receipt_pieces = receipt.Json()->getArray("pieces");
  ASSERT_EQ(receipt_pieces->size(), 4u);
  EXPECT_EQ(receipt_pieces->getObject(0)->getValue<std::string>("code"), "cv");
  EXPECT_EQ(receipt_pieces->getObject(0)->getValue<std::string>("sha256"), Sha256::Of(pdf.body));
  EXPECT_EQ(receipt_pieces->getObject(0)->getValue<int>("pages"), 3);
  EXPECT_TRUE(receipt_pieces->getObject(3)->isNull("sha256"));  // complementaires, NC
  ApiResponse receipt_pdf = bed.api().Request("GET", path + "/recepisse.pdf", candidat);
  ASSERT_EQ(receipt_pdf.status, 200) << receipt_pdf.body;
  EXPECT_TRUE(QpdfCheckPasses(receipt_pdf.body));
  EXPECT_NE(PdfText(receipt_pdf.body).find(Sha256::Of(pdf.body).substr(0, 32)), std::string::npos);
  // Transmitted: the candidate can no longer replace a pièce.
  ApiResponse late = bed.api().Upload(kCandidature, "cv", candidat, {{"cv.pdf", cv_page1}});
  EXPECT_EQ(late.status, 409);

  // The gestionnaire refuses the CV: the dossier becomes Incomplet.
  ASSERT_EQ(Decide("cv", "RE", "Illisible").status, 200);
  EXPECT_EQ(Status(), "IN");
  EXPECT_EQ(ServiceTestbed::Piece(Get().Json(), "cv")->getValue<std::string>("comment"),
            "Illisible");
  EXPECT_EQ(Transmit().status, 409);  // a pièce is RE

  ApiResponse replaced = bed.api().Upload(kCandidature, "cv", candidat, {{"cv-v2.pdf", cv_page1}});
  ASSERT_EQ(replaced.status, 202) << replaced.body;
  EXPECT_EQ(replaced.Json()->getValue<int>("version"), 2);
  bed.WaitProcessed(kCandidature);
  ASSERT_EQ(Transmit().status, 200);
  EXPECT_EQ(Status(), "RE");

  for (const char* piece : {"cv", "releve_bac", "identite"})
    ASSERT_EQ(Decide(piece, "VA", "").status, 200) << piece;
  EXPECT_EQ(Status(), "CO");
  // A validated pièce is never replaced.
  EXPECT_EQ(bed.api().Upload(kCandidature, "cv", candidat, {{"cv.pdf", cv_page1}}).status, 409);

  ApiResponse dossier = bed.api().Request("GET", path + "/dossier.pdf", candidat);
  ASSERT_EQ(dossier.status, 200) << dossier.body;
  EXPECT_TRUE(QpdfCheckPasses(dossier.body));
  int pieces_pages = 1 + 1 + 2;  // the replaced CV has one page now
  EXPECT_GT(PopplerPageCount(dossier.body), pieces_pages);
  EXPECT_NE(PdfText(dossier.body).find("Licence Mathématiques"), std::string::npos);

  // Every status change of the candidature left a notification to send.
  EXPECT_GE(bed.db.Count("SELECT COUNT(*) FROM outbox WHERE kind = 'candidature_status'"), 4);
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM piece_version WHERE piece_code = 'cv'"), 2);
}

TEST_F(CandidatureLife, AutomaticRefusalTellsTheCandidateAtOnce) {
  ASSERT_EQ(bed.CreateCandidature(kCandidature, {{"identite", true}}), 201);
  // Five pages on a pièce limited to four.
  std::string five = fixtures::BornDigitalPdf({{"1"}, {"2"}, {"3"}, {"4"}, {"5"}});
  ASSERT_EQ(bed.api().Upload(kCandidature, "identite", candidat, {{"scan.pdf", five}}).status, 202);
  Poco::JSON::Object::Ptr piece =
      ServiceTestbed::Piece(bed.WaitProcessed(kCandidature), "identite");
  EXPECT_EQ(piece->getValue<std::string>("status"), "RE");
  EXPECT_EQ(piece->getObject("report")->getValue<std::string>("reason"), "pages");
  EXPECT_FALSE(piece->getValue<std::string>("comment").empty());
  EXPECT_EQ(bed.api().Request("GET", path + "/pieces/identite/pdf", candidat).status, 404);
  EXPECT_EQ(Transmit().status, 409);
}

}  // namespace
}  // namespace dossier::test
