// PiecePolicy: the pièce types an establishment configures and their limits.
// The built-in policy must match eCandidat's defaults, and a bad policy file
// must be refused with a message that lets an administrator find the entry.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/Oracles.h"
#include "workflow/policy/PiecePolicy.h"

namespace dossier {
namespace {

const std::vector<std::string> kECandidatFormats = {"pdf", "jpeg", "png"};
// eCandidat's, and the phone and scanner formats the workers turn into pages.
const std::vector<std::string> kBuiltInFormats = {"pdf",  "jpeg", "png", "heic",
                                                  "avif", "webp", "tiff"};

// The message of the PolicyError that `load` throws; fails the test if it
// throws nothing or something else.
template <typename Load>
std::string PolicyErrorOf(Load&& load) {
  try {
    load();
  } catch (const PolicyError& error) {
    return error.what();
  } catch (const std::exception& error) {
    ADD_FAILURE() << "expected PolicyError, got another exception: " << error.what();
    return {};
  }
  ADD_FAILURE() << "expected PolicyError, nothing was thrown";
  return {};
}

std::string WithTypes(const std::string& entries) {
  return R"({"version": 1, "defaults": {"max_bytes": 2000000}, "piece_types": [)" + entries + "]}";
}

TEST(PiecePolicyTest, BuiltInDefaultsAreECandidats) {
  PiecePolicy policy = PiecePolicy::BuiltIn();
  const PieceRules& defaults = policy.defaults();
  EXPECT_EQ(defaults.max_bytes, 2'000'000u);
  EXPECT_EQ(defaults.formats, kBuiltInFormats);
  EXPECT_TRUE(defaults.Accepts("pdf"));
  EXPECT_TRUE(defaults.Accepts("jpeg"));
  EXPECT_TRUE(defaults.Accepts("png"));
  EXPECT_FALSE(defaults.Accepts("docx"));
  EXPECT_FALSE(defaults.check_ine);
}

TEST(PiecePolicyTest, BuiltInHasThePieceTypesOfTheReferenceDossier) {
  PiecePolicy policy = PiecePolicy::BuiltIn();
  for (const char* code : {"cv", "lettre_motivation", "releve_bac", "bulletins", "identite"}) {
    const PieceType* type = policy.Find(code);
    ASSERT_NE(type, nullptr) << code;
    EXPECT_EQ(type->rules.code, code);
    EXPECT_FALSE(type->rules.label.empty()) << code;
    // None of them overrides eCandidat's size and formats.
    EXPECT_EQ(type->rules.max_bytes, 2'000'000u) << code;
    EXPECT_EQ(type->rules.formats, kBuiltInFormats) << code;
    EXPECT_FALSE(type->conditional) << code;
  }
}

TEST(PiecePolicyTest, OnlyReleveBacAmongReferencePiecesChecksIne) {
  PiecePolicy policy = PiecePolicy::BuiltIn();
  EXPECT_TRUE(policy.RulesFor("releve_bac").check_ine);
  for (const char* code : {"cv", "lettre_motivation", "bulletins", "identite"})
    EXPECT_FALSE(policy.RulesFor(code).check_ine) << code;
}

TEST(PiecePolicyTest, ComplementairesIsConditional) {
  // The candidate may answer « Non concerné » for it.
  PiecePolicy policy = PiecePolicy::BuiltIn();
  const PieceType* type = policy.Find("complementaires");
  ASSERT_NE(type, nullptr);
  EXPECT_TRUE(type->conditional);
}

TEST(PiecePolicyTest, RulesForEmptyCodeGivesTheDefaults) {
  PiecePolicy policy = PiecePolicy::BuiltIn();
  PieceRules rules = policy.RulesFor("");
  EXPECT_EQ(rules.code, policy.defaults().code);
  EXPECT_EQ(rules.max_bytes, 2'000'000u);
  EXPECT_EQ(rules.max_pages, policy.defaults().max_pages);
  EXPECT_EQ(rules.formats, kBuiltInFormats);
  EXPECT_EQ(rules.image.dpi, policy.defaults().image.dpi);
  EXPECT_FALSE(rules.check_ine);
}

TEST(PiecePolicyTest, RulesForUnknownCodeThrowsNamingTheCode) {
  PiecePolicy policy = PiecePolicy::BuiltIn();
  EXPECT_EQ(policy.Find("nope"), nullptr);
  std::string message = PolicyErrorOf([&] { policy.RulesFor("nope"); });
  EXPECT_NE(message.find("nope"), std::string::npos) << message;
}

TEST(PiecePolicyTest, RefusesMaxBytesAboveTheTenMegabyteCeiling) {
  std::string json = WithTypes(R"({"code": "cv"}, {"code": "releve_bac", "max_bytes": 20000000})");
  std::string message = PolicyErrorOf([&] { PiecePolicy::FromJson(json, "etab.json"); });
  EXPECT_NE(message.find("etab.json"), std::string::npos) << message;
  EXPECT_NE(message.find("piece_types[1]"), std::string::npos) << message;
  EXPECT_NE(message.find("max_bytes"), std::string::npos) << message;
}

TEST(PiecePolicyTest, AcceptsMaxBytesExactlyAtTheCeiling) {
  // The boundary the error message states (10000000) is itself allowed.
  PiecePolicy policy = PiecePolicy::FromJson(
      WithTypes(R"({"code": "releve_bac", "max_bytes": 10000000})"), "etab.json");
  EXPECT_EQ(policy.RulesFor("releve_bac").max_bytes, 10'000'000u);
}

TEST(PiecePolicyTest, RefusesUnknownFormatNamingIt) {
  std::string json = WithTypes(R"({"code": "cv"}, {"code": "lettre", "formats": ["pdf", "docx"]})");
  std::string message = PolicyErrorOf([&] { PiecePolicy::FromJson(json, "etab.json"); });
  EXPECT_NE(message.find("etab.json"), std::string::npos) << message;
  EXPECT_NE(message.find("piece_types[1]"), std::string::npos) << message;
  EXPECT_NE(message.find("docx"), std::string::npos) << message;
}

TEST(PiecePolicyTest, RefusesEntryWithoutCode) {
  std::string json = WithTypes(R"({"code": "cv"}, {"label": "Sans code"})");
  std::string message = PolicyErrorOf([&] { PiecePolicy::FromJson(json, "etab.json"); });
  EXPECT_NE(message.find("etab.json"), std::string::npos) << message;
  EXPECT_NE(message.find("piece_types[1]"), std::string::npos) << message;
  EXPECT_NE(message.find("code"), std::string::npos) << message;
}

TEST(PiecePolicyTest, RefusesEntryThatIsNotAnObject) {
  // A plausible slip: listing codes instead of objects. Must be a
  // PolicyError, not a crash.
  std::string json = WithTypes(R"({"code": "cv"}, "releve_bac")");
  std::string message = PolicyErrorOf([&] { PiecePolicy::FromJson(json, "etab.json"); });
  EXPECT_NE(message.find("piece_types[1]"), std::string::npos) << message;
}

TEST(PiecePolicyTest, RefusesMalformedJsonNamingTheOrigin) {
  std::string message = PolicyErrorOf(
      [] { PiecePolicy::FromJson(R"({"defaults": {"max_bytes": 2000000,})", "etab.json"); });
  EXPECT_NE(message.find("etab.json"), std::string::npos) << message;
}

TEST(PiecePolicyTest, RefusesBadDefaultsNamingThem) {
  std::string json = R"({"defaults": {"formats": []}, "piece_types": []})";
  std::string message = PolicyErrorOf([&] { PiecePolicy::FromJson(json, "etab.json"); });
  EXPECT_NE(message.find("etab.json"), std::string::npos) << message;
  EXPECT_NE(message.find("defaults"), std::string::npos) << message;
}

TEST(PiecePolicyTest, RefusesNegativeMaxBytes) {
  std::string json = WithTypes(R"({"code": "cv", "max_bytes": -1})");
  std::string message = PolicyErrorOf([&] { PiecePolicy::FromJson(json, "etab.json"); });
  EXPECT_NE(message.find("piece_types[0]"), std::string::npos) << message;
}

TEST(PiecePolicyTest, PerTypeOverrideKeepsOtherFieldsFromDefaults) {
  std::string json = R"({
    "defaults": {"max_bytes": 2000000, "max_pages": 100, "formats": ["pdf", "jpeg", "png"],
                 "target_dpi": 200, "bilevel_dpi": 300, "floor_dpi": 150, "jpeg_quality": 85},
    "piece_types": [
      {"code": "releve_bac", "label": "Relevé", "max_bytes": 5000000, "target_dpi": 300},
      {"code": "cv", "label": "CV"}
    ]})";
  PiecePolicy policy = PiecePolicy::FromJson(json, "etab.json");
  PieceRules bac = policy.RulesFor("releve_bac");
  EXPECT_EQ(bac.max_bytes, 5'000'000u);
  EXPECT_EQ(bac.image.dpi, 300);
  // Everything not overridden comes from the defaults.
  EXPECT_EQ(bac.max_pages, 100);
  EXPECT_EQ(bac.formats, kECandidatFormats);
  EXPECT_EQ(bac.image.bilevel_dpi, 300);
  EXPECT_EQ(bac.image.floor_dpi, 150);
  EXPECT_EQ(bac.image.jpeg_quality, 85);
  EXPECT_FALSE(bac.check_ine);
  // The override does not leak into the next entry or the defaults.
  PieceRules cv = policy.RulesFor("cv");
  EXPECT_EQ(cv.max_bytes, 2'000'000u);
  EXPECT_EQ(cv.image.dpi, 200);
  EXPECT_EQ(policy.defaults().max_bytes, 2'000'000u);
  EXPECT_EQ(policy.defaults().image.dpi, 200);
}

TEST(PiecePolicyTest, ChangedDefaultsApplyToTypesThatDoNotOverride) {
  std::string json = R"({"defaults": {"max_bytes": 3000000, "formats": ["pdf"]},
                         "piece_types": [{"code": "cv"}]})";
  PiecePolicy policy = PiecePolicy::FromJson(json, "etab.json");
  PieceRules cv = policy.RulesFor("cv");
  EXPECT_EQ(cv.max_bytes, 3'000'000u);
  EXPECT_EQ(cv.formats, std::vector<std::string>{"pdf"});
  EXPECT_FALSE(cv.Accepts("jpeg"));
}

TEST(PiecePolicyTest, FromFileReadsAPolicyFileAndNamesItInErrors) {
  testing::TempDir dir;
  std::string good = dir.Write("good.json", WithTypes(R"({"code": "cv", "max_pages": 3})"));
  EXPECT_EQ(PiecePolicy::FromFile(good).RulesFor("cv").max_pages, 3);

  std::string bad = dir.Write("bad.json", WithTypes(R"({"code": "cv", "max_pages": 0})"));
  std::string message = PolicyErrorOf([&] { PiecePolicy::FromFile(bad); });
  EXPECT_NE(message.find(bad), std::string::npos) << message;
  EXPECT_NE(message.find("piece_types[0]"), std::string::npos) << message;
}

TEST(PiecePolicyTest, FromFileOfMissingFileThrowsNamingThePath) {
  testing::TempDir dir;
  std::string missing = dir.path() + "/absent.json";
  std::string message = PolicyErrorOf([&] { PiecePolicy::FromFile(missing); });
  EXPECT_NE(message.find(missing), std::string::npos) << message;
}

TEST(PiecePolicyTest, AcceptsEachImageFormatByItsCodeAndRefusesGif) {
  std::string json =
      WithTypes(R"({"code": "photos", "formats": ["heic", "avif", "webp", "tiff", "jpeg"]})");
  PiecePolicy policy = PiecePolicy::FromJson(json, "etab.json");
  EXPECT_EQ(policy.RulesFor("photos").formats,
            (std::vector<std::string>{"heic", "avif", "webp", "tiff", "jpeg"}));
  EXPECT_TRUE(policy.RulesFor("photos").Accepts("tiff"));
  std::string message = PolicyErrorOf(
      [] { PiecePolicy::FromJson(WithTypes(R"({"code": "x", "formats": ["gif"]})"), "e.json"); });
  EXPECT_NE(message.find("unknown format 'gif'"), std::string::npos) << message;
}

TEST(PiecePolicyTest, RefusesAnUnknownKeyNamingItAndWhereItStands) {
  std::string misspelt = PolicyErrorOf([] {
    PiecePolicy::FromJson(WithTypes(R"({"code": "cv", "max_byte": 5000000})"), "etab.json");
  });
  EXPECT_NE(misspelt.find("unknown key 'max_byte'"), std::string::npos) << misspelt;
  EXPECT_NE(misspelt.find("etab.json: piece_types[0]"), std::string::npos) << misspelt;
  std::string top = PolicyErrorOf(
      [] { PiecePolicy::FromJson(R"({"piece_types": [], "defaut": {}})", "etab.json"); });
  EXPECT_NE(top.find("unknown key 'defaut'"), std::string::npos) << top;
  std::string in_defaults = PolicyErrorOf(
      [] { PiecePolicy::FromJson(R"({"defaults": {"dpi": 200}, "piece_types": []})", "e.json"); });
  EXPECT_NE(in_defaults.find("e.json: defaults: unknown key 'dpi'"), std::string::npos)
      << in_defaults;
}

}  // namespace
}  // namespace dossier
