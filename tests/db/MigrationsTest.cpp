#include <cppconn/connection.h>
#include <cppconn/resultset.h>
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

// A database the next release migrated: this binary applies nothing and
// says why, and neither `dossier migrate` nor `dossierd` goes on with it.
TEST(Migrations, ASchemaNewerThanTheBinaryIsRefused) {
  test::TestDatabase db;
  {
    PooledConnection connection = db.pool().Acquire();
    std::unique_ptr<sql::Statement>(connection->createStatement())
        ->execute(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (999, "
            "'future', UTC_TIMESTAMP(3))");
  }
  try {
    Migrate(db.url());
    FAIL() << "migrated a schema from the future";
  } catch (const SchemaTooNew& error) {
    EXPECT_NE(std::string(error.what()).find("schema version 999"), std::string::npos)
        << error.what();
  }
  testing::CommandResult cli =
      testing::RunCommand(testing::BuiltBinary("dossier") + " migrate --db '" + db.UrlText() + "'");
  EXPECT_NE(cli.exit_code, 0);
  EXPECT_NE(cli.out.find("newer than this binary knows"), std::string::npos) << cli.out;
  testing::TempDir data;
  testing::CommandResult daemon = testing::RunCommand(
      "timeout 60 " + testing::BuiltBinary("dossierd") + " --port 0 --workers 0 --data-dir " +
      data.path() + " --db '" + db.UrlText() + "'");
  EXPECT_NE(daemon.exit_code, 0);
  EXPECT_NE(daemon.exit_code, 124) << "dossierd started on it";
  EXPECT_NE(daemon.out.find("newer than this binary knows"), std::string::npos) << daemon.out;
}

// A database made by the release before: the last migration applies to it
// with its rows in place, and the pre-check's stored flag is computed for
// the reports written before it existed.
TEST(Migrations, TheLastMigrationUpgradesADatabaseOfTheReleaseBefore) {
  DatabaseUrl url = test::TestServerUrl();
  url.schema = "t_upgrade_" + RandomHex(4);
  std::vector<Migration> before(BuiltInMigrations().begin(), BuiltInMigrations().end() - 1);
  EXPECT_EQ(Migrate(url, before).current, before.back().version);
  std::unique_ptr<sql::Connection> connection = ConnectionPool::Connect(url);
  std::unique_ptr<sql::Statement> statement(connection->createStatement());
  for (const char* sql :
       {"INSERT INTO piece_justif (code, label, max_bytes, max_pages, formats, target_dpi) "
        "VALUES ('cv', 'CV', 2000000, 10, 'pdf', 200)",
        "INSERT INTO candidature (id, formation, status, created_at, updated_at) VALUES "
        "('C1', 'Licence', 'RE', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))",
        "INSERT INTO pj_cand (candidature_id, piece_code, status, current_version, updated_at) "
        "VALUES ('C1', 'cv', 'TR', 1, UTC_TIMESTAMP(3))",
        "INSERT INTO piece_version (candidature_id, piece_code, version, created_at) VALUES "
        "('C1', 'cv', 1, UTC_TIMESTAMP(3))",
        "INSERT INTO precheck (piece_version_id, job_id, outcome, message, report, latency_ms, "
        "created_at) SELECT id, 1, 'accepted', 'ok', "
        "'{\"active_content_removed\": [\"javascript\", \"link\"]}', 5, UTC_TIMESTAMP(3) "
        "FROM piece_version"})
    statement->execute(sql);
  MigrationResult upgraded = Migrate(url);
  EXPECT_EQ(upgraded.applied, std::vector<int>{BuiltInMigrations().back().version});
  std::unique_ptr<sql::ResultSet> row(statement->executeQuery(
      "SELECT c.nom IS NULL, p.active_content FROM candidature c, precheck p WHERE c.id = 'C1'"));
  ASSERT_TRUE(row->next());
  EXPECT_TRUE(row->getBoolean(1));
  EXPECT_EQ(row->getInt(2), 1);
  statement->execute("DROP DATABASE `" + url.schema + "`");
}

}  // namespace
}  // namespace dossier
