// PieceTypesTable: the piece_justif table mirrors the policy so that every
// process, on every machine, applies the same limits.
#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include "tests/db/TestDatabase.h"
#include "workflow/policy/PieceTypesTable.h"

namespace dossier {
namespace {

TEST(PieceTypesTable, SeedWritesEveryTypeAndLoadGivesItBack) {
  test::TestDatabase db;
  PiecePolicy policy = PiecePolicy::BuiltIn();
  PooledConnection connection = db.pool().Acquire();
  SeedPieceTypes(*connection, policy);
  EXPECT_EQ(db.Count("SELECT COUNT(*) FROM piece_justif"),
            static_cast<long long>(policy.types().size()));
  EXPECT_EQ(db.Scalar("SELECT CONCAT(formats, ' ', max_bytes, ' ', target_dpi, ' ', check_ine) "
                      "FROM piece_justif WHERE code = 'releve_bac'"),
            "pdf,jpeg,png,heic,avif,webp,tiff 2000000 200 1");

  for (const PieceType& expected : policy.types()) {
    std::optional<PieceType> loaded = LoadPieceType(*connection, expected.rules.code, policy);
    ASSERT_TRUE(loaded) << expected.rules.code;
    EXPECT_EQ(loaded->rules.code, expected.rules.code);
    EXPECT_EQ(loaded->rules.label, expected.rules.label);
    EXPECT_EQ(loaded->rules.max_bytes, expected.rules.max_bytes);
    EXPECT_EQ(loaded->rules.max_pages, expected.rules.max_pages);
    EXPECT_EQ(loaded->rules.formats, expected.rules.formats);
    EXPECT_EQ(loaded->rules.image.dpi, expected.rules.image.dpi);
    EXPECT_EQ(loaded->rules.check_ine, expected.rules.check_ine);
    EXPECT_EQ(loaded->conditional, expected.conditional) << expected.rules.code;
  }
  EXPECT_TRUE(LoadPieceType(*connection, "complementaires", policy)->conditional);
  EXPECT_FALSE(LoadPieceType(*connection, "inconnue", policy));
}

TEST(PieceTypesTable, ASecondSeedUpdatesTypesAndKeepsThoseNoLongerInThePolicy) {
  test::TestDatabase db;
  PooledConnection connection = db.pool().Acquire();
  SeedPieceTypes(*connection, PiecePolicy::BuiltIn());
  PiecePolicy stricter = PiecePolicy::FromJson(
      R"({"version": 1, "piece_types": [{"code": "cv", "label": "Curriculum vitae",
          "max_bytes": 5000000, "max_pages": 3, "formats": ["pdf"], "target_dpi": 150,
          "floor_dpi": 100, "check_ine": true, "conditional": true}]})",
      "test");
  SeedPieceTypes(*connection, stricter);

  std::optional<PieceType> cv = LoadPieceType(*connection, "cv", stricter);
  ASSERT_TRUE(cv);
  EXPECT_EQ(cv->rules.label, "Curriculum vitae");
  EXPECT_EQ(cv->rules.max_bytes, 5'000'000u);
  EXPECT_EQ(cv->rules.max_pages, 3);
  EXPECT_EQ(cv->rules.formats, std::vector<std::string>{"pdf"});
  EXPECT_EQ(cv->rules.image.dpi, 150);
  EXPECT_EQ(cv->rules.image.floor_dpi, 100);  // not in the table: from the policy's entry
  EXPECT_TRUE(cv->rules.check_ine);
  EXPECT_TRUE(cv->conditional);
  EXPECT_TRUE(LoadPieceType(*connection, "releve_bac", stricter)) << "kept: pièces refer to it";
}

TEST(PieceTypesTable, ATypeOnlyTheTableKnowsStartsFromThePolicyDefaults) {
  test::TestDatabase db;
  PooledConnection connection = db.pool().Acquire();
  std::unique_ptr<sql::Statement>(connection->createStatement())
      ->execute(
          "INSERT INTO piece_justif (code, label, max_bytes, max_pages, formats, target_dpi, "
          "check_ine, conditional) VALUES ('attestation', 'Attestation de stage', 3000000, "
          "2, 'pdf,png', 120, 0, 1)");
  PiecePolicy policy = PiecePolicy::BuiltIn();
  std::optional<PieceType> type = LoadPieceType(*connection, "attestation", policy);
  ASSERT_TRUE(type);
  EXPECT_EQ(type->rules.label, "Attestation de stage");
  EXPECT_EQ(type->rules.max_bytes, 3'000'000u);
  EXPECT_EQ(type->rules.formats, (std::vector<std::string>{"pdf", "png"}));
  EXPECT_EQ(type->rules.image.dpi, 120);
  EXPECT_EQ(type->rules.image.jpeg_quality, policy.defaults().image.jpeg_quality);
  EXPECT_EQ(type->rules.image.bilevel_dpi, policy.defaults().image.bilevel_dpi);
  EXPECT_LE(type->rules.image.floor_dpi,
            type->rules.image.dpi);  // the ladder needs floor <= target
  EXPECT_TRUE(type->conditional);
}

}  // namespace
}  // namespace dossier
