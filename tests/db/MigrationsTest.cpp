#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include "store/blobs/BlobStore.h"
#include "store/db/Migrations.h"
#include "tests/db/TestDatabase.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

TEST(Migrations, SplitStatementsDropsCommentsAndKeepsMultiLineStatements) {
  std::vector<std::string> parts =
      SplitStatements("-- a comment\nCREATE TABLE a (\n  x INT\n);\n\nINSERT INTO a VALUES (1);\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], "CREATE TABLE a (\n  x INT\n)");
  EXPECT_EQ(parts[1], "INSERT INTO a VALUES (1)");
}

TEST(Migrations, FreshSchemaGetsEveryTableAndAReRunAppliesNothing) {
  test::TestDatabase db;
  EXPECT_EQ(db.Scalar("SELECT MAX(version) FROM schema_version"),
            std::to_string(BuiltInMigrations().back().version));
  for (const char* table :
       {"candidature", "piece_justif", "pj_cand", "piece_version", "fichier", "job", "job_run",
        "precheck", "upload_request", "outbox", "worker", "counter", "recepisse"}) {
    EXPECT_EQ(db.Count(std::string("SELECT COUNT(*) FROM information_schema.tables WHERE "
                                   "table_schema = DATABASE() AND table_name = '") +
                       table + "'"),
              1)
        << table;
  }
  MigrationResult again = Migrate(db.url());
  EXPECT_TRUE(again.applied.empty());
  EXPECT_EQ(again.current, BuiltInMigrations().back().version);
}

TEST(Migrations, StatusCodesOutsideECandidatsAreRejectedByTheSchema) {
  test::TestDatabase db;
  EXPECT_ANY_THROW(
      db.Scalar("INSERT INTO candidature (id, formation, status, created_at, updated_at) "
                "VALUES ('x', 'f', 'ZZ', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))"));
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(Migrations, DossierMigrateCreatesTheDatabaseAndReportsItsVersion) {
  DatabaseUrl url = test::TestServerUrl();
  url.schema = "t_cli_" + RandomHex(4);
  testing::CommandResult first = testing::RunCommand(testing::BuiltBinary("dossier") +
                                                     " migrate --db '" + url.ToString() + "'");
  EXPECT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("applied V1"), std::string::npos);
  testing::CommandResult again = testing::RunCommand(testing::BuiltBinary("dossier") +
                                                     " migrate --db '" + url.ToString() + "'");
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out.find("applied"), std::string::npos);
  std::unique_ptr<sql::Connection> server = ConnectionPool::Connect(url, false);
  std::unique_ptr<sql::Statement>(server->createStatement())
      ->execute("DROP DATABASE `" + url.schema + "`");
  EXPECT_EQ(testing::RunCommand(testing::BuiltBinary("dossier") + " migrate --db 'postgres://x'")
                .exit_code,
            2);
}

}  // namespace
}  // namespace dossier
