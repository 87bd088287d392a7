#include <gtest/gtest.h>

#include "store/db/DatabaseUrl.h"

namespace dossier {
namespace {

TEST(DatabaseUrl, TcpUrlWithPasswordIsParsedAndMaskedForLogs) {
  DatabaseUrl url = DatabaseUrl::Parse("mysql://app:s3cret@db.univ.fr:3307/candidatures");
  EXPECT_EQ(url.user, "app");
  EXPECT_EQ(url.password, "s3cret");
  EXPECT_EQ(url.ConnectorHost(), "tcp://db.univ.fr:3307");
  EXPECT_EQ(url.schema, "candidatures");
  EXPECT_EQ(url.Display().find("s3cret"), std::string::npos);
  EXPECT_EQ(DatabaseUrl::Parse(url.ToString()).password, "s3cret");
}

TEST(DatabaseUrl, SocketUrlReachesTheUnixSocket) {
  DatabaseUrl url =
      DatabaseUrl::Parse("mysql://root@localhost/dossier?socket=/srv/db/mariadb.sock");
  EXPECT_EQ(url.ConnectorHost(), "unix:///srv/db/mariadb.sock");
  EXPECT_EQ(url.ToString(), "mysql://root@localhost/dossier?socket=/srv/db/mariadb.sock");
}

TEST(DatabaseUrl, OtherSchemesParametersAndNamesAreRefused) {
  EXPECT_THROW(DatabaseUrl::Parse("postgres://x/y"), DatabaseUrlError);
  EXPECT_THROW(DatabaseUrl::Parse("mysql://x/y?ssl=1"), DatabaseUrlError);
  // The schema name goes into CREATE DATABASE: nothing that could escape it.
  EXPECT_THROW(DatabaseUrl::Parse("mysql://x/a`;DROP"), DatabaseUrlError);
}

}  // namespace
}  // namespace dossier
