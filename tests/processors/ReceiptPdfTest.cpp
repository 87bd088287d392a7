// The récépissé: its JSON, its French date in Paris time, and the PDF
// `dossier recepisse` draws, read back by poppler and qpdf.
#include <gtest/gtest.h>

#include "core/json/JsonParseError.h"
#include "core/messages/ReceiptDate.h"
#include "core/receipt/DepositReceipt.h"
#include "processors/dossier/ReceiptPdf.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

const std::string kHashA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const std::string kHashB = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

DepositReceipt TwoPieces() {
  DepositReceipt receipt;
  receipt.candidature_id = "C-2026-17";
  receipt.formation = "Master Histoire de l’art";
  receipt.ine = "1234567890V";
  receipt.transmitted_at = "2026-12-03T15:40:12.345Z";
  ReceiptPiece cv{"cv", "Curriculum vitae", "TR", "Transmise", 2, 48'211, kHashA, {"mon cv.pdf"}};
  ReceiptPiece bac{"releve_bac", "Relevé de notes du baccalauréat",
                   "NC",         "Non concerné",
                   std::nullopt, std::nullopt,
                   "",           {}};
  receipt.pieces = {cv, bac};
  return receipt;
}

TEST(ReceiptDate, ParisTimeInWinterAndSummer) {
  EXPECT_EQ(messages::ReceiptDateText("2026-12-03T15:40:12.345Z"), "le 3 décembre 2026 à 16 h 40");
  EXPECT_EQ(messages::ReceiptDateText("2026-07-01T10:05:00Z"), "le 1er juillet 2026 à 12 h 05");
  EXPECT_EQ(messages::ReceiptDateText("2026-12-31T23:30:00.000Z"), "le 1er janvier 2027 à 0 h 30");
}

TEST(ReceiptDate, TheClockChangesOnTheLastSundaysOfMarchAndOctober) {
  // 2026: Sunday 29 March and Sunday 25 October, at 01:00 UTC.
  EXPECT_EQ(messages::ReceiptDateText("2026-03-29T00:59:00Z"), "le 29 mars 2026 à 1 h 59");
  EXPECT_EQ(messages::ReceiptDateText("2026-03-29T01:00:00Z"), "le 29 mars 2026 à 3 h 00");
  EXPECT_EQ(messages::ReceiptDateText("2026-10-25T00:59:00Z"), "le 25 octobre 2026 à 2 h 59");
  EXPECT_EQ(messages::ReceiptDateText("2026-10-25T01:00:00Z"), "le 25 octobre 2026 à 2 h 00");
  // 2027: Sunday 28 March.
  EXPECT_EQ(messages::ReceiptDateText("2027-03-27T12:00:00Z"), "le 27 mars 2027 à 13 h 00");
  EXPECT_EQ(messages::ReceiptDateText("2027-03-28T12:00:00Z"), "le 28 mars 2027 à 14 h 00");
}

TEST(ReceiptDate, TextThatIsNoTimestampIsKept) {
  EXPECT_EQ(messages::ReceiptDateText("hier"), "hier");
  EXPECT_EQ(messages::ReceiptDateText("2026-13-03T15:40:12Z"), "2026-13-03T15:40:12Z");
}

TEST(DepositReceipt, JsonRoundTripKeepsNullsAndOrder) {
  DepositReceipt receipt = TwoPieces();
  std::string json = receipt.ToJson();
  EXPECT_EQ(json.find("{\"candidature\":\"C-2026-17\",\"formation\":"), 0u) << json;
  EXPECT_NE(json.find("\"pages\":null,\"bytes\":null,\"sha256\":null,\"files\":[]"),
            std::string::npos)
      << json;
  DepositReceipt back = DepositReceipt::FromJson(json);
  EXPECT_EQ(back.ToJson(), json);
  EXPECT_EQ(back.pieces[0].pages, 2);
  EXPECT_EQ(back.pieces[0].bytes, 48'211u);
  EXPECT_FALSE(back.pieces[1].pages);
  receipt.ine.clear();
  EXPECT_NE(receipt.ToJson().find("\"ine\":null"), std::string::npos);
}

TEST(DepositReceipt, FromJsonNamesWhatIsWrong) {
  try {
    DepositReceipt::FromJson(
        R"({"candidature": "c", "formation": "f", "ine": null, "transmitted_at": "t",
            "pieces": [{"code": "cv", "label": "CV", "status": "TR", "pages": "deux",
                        "bytes": null, "sha256": null, "files": []}]})");
    FAIL() << "accepted a text for pages";
  } catch (const JsonParseError& error) {
    EXPECT_NE(std::string(error.what()).find("pieces[0].pages"), std::string::npos) << error.what();
  }
}

TEST(ReceiptPdf, OnePageWithTheDateTheLabelsAndEachHash) {
  std::string pdf = PaintReceiptPdf(TwoPieces());
  EXPECT_TRUE(testing::QpdfCheckPasses(pdf));
  EXPECT_EQ(testing::PopplerPageCount(pdf), 1);
  std::string text = testing::PdfText(pdf);
  for (const std::string& expected :
       {std::string("Récépissé de dépôt de dossier"), std::string("Master Histoire de l’art"),
        std::string("le 3 décembre 2026 à 16 h 40"), std::string("C-2026-17"),
        std::string("1234567890V"), std::string("Curriculum vitae"), std::string("mon cv.pdf"),
        std::string("Transmise"), std::string("Non concerné"), std::string("aucun fichier"),
        kHashA.substr(0, 32), kHashA.substr(32), std::string("n'a pas été modifié depuis le")})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
}

TEST(ReceiptPdf, ManyPiecesContinueOnASecondPage) {
  DepositReceipt receipt = TwoPieces();
  receipt.pieces.clear();
  for (int i = 0; i < 24; ++i)
    receipt.pieces.push_back({"p" + std::to_string(i),
                              "Pièce numéro " + std::to_string(i),
                              "VA",
                              "Validée",
                              1,
                              1000,
                              i % 2 ? kHashA : kHashB,
                              {"scan-recto.jpg", "scan-verso.jpg"}});
  std::string pdf = PaintReceiptPdf(receipt);
  EXPECT_TRUE(testing::QpdfCheckPasses(pdf));
  int pages = testing::PopplerPageCount(pdf);
  EXPECT_GE(pages, 2);
  std::string text = testing::PdfText(pdf);
  EXPECT_NE(text.find("Pièce numéro 23"), std::string::npos) << text;
  EXPECT_NE(text.find("page " + std::to_string(pages) + " / " + std::to_string(pages)),
            std::string::npos);
  EXPECT_NE(text.find("depuis le"), std::string::npos);
}

}  // namespace
}  // namespace dossier
