// The cover's JSON, as the server writes it for `dossier assemble --cover`.
#include <gtest/gtest.h>

#include "core/cover/DossierCover.h"
#include "core/json/JsonParseError.h"

namespace dossier {
namespace {

DossierCover FullCover() {
  DossierCover cover;
  cover.candidature_id = "C-2025-0001";
  cover.formation = "Master Histoire de l’art — « parcours patrimoine »";
  cover.declared_ine = "1234567890A";
  cover.status = "Réceptionné";
  cover.generated_at = "12/06/2024 à 09:30 (UTC)";
  cover.pieces = {{"Relevé de notes du baccalauréat", "Validée", "acceptée, 3 pages, 683 ko", ""},
                  {"Lettre de motivation", "Refusée", "refusée : trop volumineuse",
                   "Merci de \"réduire\" le fichier.\nCordialement"}};
  return cover;
}

TEST(DossierCoverJson, EveryFieldComesBack) {
  DossierCover cover = FullCover();
  std::string json = cover.ToJson();
  DossierCover back = DossierCover::FromJson(json);
  EXPECT_EQ(back.candidature_id, cover.candidature_id);
  EXPECT_EQ(back.formation, cover.formation);
  EXPECT_EQ(back.declared_ine, cover.declared_ine);
  EXPECT_EQ(back.status, cover.status);
  EXPECT_EQ(back.generated_at, cover.generated_at);
  ASSERT_EQ(back.pieces.size(), cover.pieces.size());
  for (std::size_t i = 0; i < cover.pieces.size(); ++i) {
    EXPECT_EQ(back.pieces[i].label, cover.pieces[i].label);
    EXPECT_EQ(back.pieces[i].status, cover.pieces[i].status);
    EXPECT_EQ(back.pieces[i].precheck, cover.pieces[i].precheck);
    EXPECT_EQ(back.pieces[i].comment, cover.pieces[i].comment);
  }
  EXPECT_EQ(back.ToJson(), json);
}

TEST(DossierCoverJson, WritesItsKeysInOrder) {
  DossierCover cover;
  cover.candidature_id = "c-7";
  cover.pieces = {{"CV", "Transmise", "en cours de traitement", ""}};
  EXPECT_EQ(cover.ToJson(),
            "{\"candidature\":\"c-7\",\"formation\":\"\",\"declared_ine\":\"\",\"status\":\"\","
            "\"generated_at\":\"\",\"pieces\":[{\"label\":\"CV\",\"status\":\"Transmise\","
            "\"precheck\":\"en cours de traitement\",\"comment\":\"\"}]}");
}

TEST(DossierCoverJson, AMissingOrNullTextIsEmpty) {
  DossierCover cover = DossierCover::FromJson(
      R"({"formation": "x", "declared_ine": null, "pieces": [{"label": "CV"}]})");
  EXPECT_EQ(cover.candidature_id, "");
  EXPECT_EQ(cover.formation, "x");
  EXPECT_EQ(cover.declared_ine, "");
  ASSERT_EQ(cover.pieces.size(), 1u);
  EXPECT_EQ(cover.pieces[0].label, "CV");
  EXPECT_EQ(cover.pieces[0].comment, "");
}

std::string ErrorOf(const std::string& json) {
  try {
    DossierCover::FromJson(json);
  } catch (const JsonParseError& error) {
    return error.what();
  }
  return "";
}

TEST(DossierCoverJson, RefusesWhatIsNotACoverAndSaysWhere) {
  EXPECT_NE(ErrorOf("not json").find("cover: not JSON"), std::string::npos);
  EXPECT_EQ(ErrorOf("[\"cover\"]"), "cover: expected an object, found an array");
  EXPECT_EQ(ErrorOf(R"({"formation": "x"})"),
            "cover.pieces: missing, expected an array of objects");
  EXPECT_EQ(ErrorOf(R"({"formation": "x", "pieces": "none"})"),
            "cover.pieces: expected an array of objects, found a string");
  EXPECT_EQ(ErrorOf(R"({"formation": 3, "pieces": []})"),
            "cover.formation: expected a string or null, found a number");
  EXPECT_EQ(ErrorOf(R"({"pieces": [{"label": "CV"}, "CV"]})"),
            "cover.pieces[1]: expected an object, found a string");
  EXPECT_EQ(ErrorOf(R"({"pieces": [{"label": ["CV"]}]})"),
            "cover.pieces[0].label: expected a string or null, found an array");
}

}  // namespace
}  // namespace dossier
