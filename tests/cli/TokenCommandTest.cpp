// `dossier token` and the token format, through the built binary.
#include <gtest/gtest.h>

#include <ctime>

#include "server/auth/AccessToken.h"
#include "server/auth/TokenSecret.h"
#include "tests/support/Oracles.h"

namespace dossier {
namespace {

using testing::BuiltBinary;
using testing::RunCommand;
using testing::TempDir;

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

TEST(TokenCommand, MintsATokenTheServiceSecretVerifies) {
  TempDir data;
  testing::CommandResult minted =
      RunCommand(BuiltBinary("dossier") + " token --role candidat --candidature L1-42 --hours 2 " +
                 "--data-dir " + data.path());
  ASSERT_EQ(minted.exit_code, 0) << minted.out;
  AccessGrant grant;
  std::int64_t now = std::time(nullptr);
  ASSERT_EQ(VerifyToken(Trimmed(minted.out), LoadOrCreateTokenSecret(data.path()), now, grant),
            TokenCheck::Valid);
  EXPECT_EQ(grant.role, TokenRole::Candidat);
  EXPECT_EQ(grant.candidature, "L1-42");
  EXPECT_NEAR(static_cast<double>(grant.expires_at - now), 7200, 5);
  EXPECT_TRUE(grant.CanRead("L1-42"));
  EXPECT_FALSE(grant.CanRead("L1-43"));
  // Two hours later it is refused.
  EXPECT_EQ(
      VerifyToken(Trimmed(minted.out), LoadOrCreateTokenSecret(data.path()), now + 7300, grant),
      TokenCheck::Expired);
}

TEST(TokenCommand, TheSecretIsWrittenOnceWithOwnerOnlyPermissions) {
  TempDir data;
  std::string first = LoadOrCreateTokenSecret(data.path());
  EXPECT_EQ(first, LoadOrCreateTokenSecret(data.path()));
  EXPECT_GE(first.size(), 32u);
  EXPECT_EQ(Trimmed(RunCommand("stat -c %a " + data.path() + "/secret").out), "600");
}

TEST(TokenCommand, ATokenSignedWithAnotherSecretOrAlteredIsRefused) {
  AccessGrant grant{TokenRole::Gestionnaire, "", std::time(nullptr) + 3600};
  std::string token = MintToken(grant, "secret-one-0123456789abcdef0123456789");
  AccessGrant read;
  EXPECT_EQ(VerifyToken(token, "secret-two-0123456789abcdef0123456789", std::time(nullptr), read),
            TokenCheck::BadSignature);
  // Promote the payload to admin, keep the signature: refused.
  AccessGrant admin{TokenRole::Admin, "", grant.expires_at};
  std::string forged = MintToken(admin, "other").substr(0, MintToken(admin, "other").find('.')) +
                       token.substr(token.find('.'));
  EXPECT_EQ(VerifyToken(forged, "secret-one-0123456789abcdef0123456789", std::time(nullptr), read),
            TokenCheck::BadSignature);
  EXPECT_EQ(VerifyToken("not-a-token", "x", std::time(nullptr), read), TokenCheck::Malformed);
}

TEST(TokenCommand, SubNamesTheHolderInTheToken) {
  TempDir data;
  testing::CommandResult minted =
      RunCommand(BuiltBinary("dossier") + " token --role gestionnaire --sub j.dupont@univ.fr " +
                 "--data-dir " + data.path());
  ASSERT_EQ(minted.exit_code, 0) << minted.out;
  AccessGrant grant;
  ASSERT_EQ(VerifyToken(Trimmed(minted.out), LoadOrCreateTokenSecret(data.path()),
                        std::time(nullptr), grant),
            TokenCheck::Valid);
  EXPECT_EQ(grant.role, TokenRole::Gestionnaire);
  EXPECT_EQ(grant.sub, "j.dupont@univ.fr");
  EXPECT_EQ(grant.Actor(), "j.dupont@univ.fr");
  // Without --sub, no holder: the history names the role.
  testing::CommandResult anonymous =
      RunCommand(BuiltBinary("dossier") + " token --role admin --data-dir " + data.path());
  ASSERT_EQ(anonymous.exit_code, 0) << anonymous.out;
  ASSERT_EQ(VerifyToken(Trimmed(anonymous.out), LoadOrCreateTokenSecret(data.path()),
                        std::time(nullptr), grant),
            TokenCheck::Valid);
  EXPECT_EQ(grant.sub, "");
  EXPECT_EQ(grant.Actor(), "admin");
}

TEST(TokenCommand, AMalformedSubIsAUsageError) {
  TempDir data;
  std::string dossier =
      BuiltBinary("dossier") + " token --role gestionnaire --data-dir " + data.path();
  for (const std::string& sub : {std::string("'j dupont'"), std::string("'jé'"),
                                 std::string("'a/b'"), std::string(129, 'a'), std::string("''")}) {
    testing::CommandResult result = RunCommand(dossier + " --sub " + sub);
    EXPECT_EQ(result.exit_code, 2) << sub;
    EXPECT_NE(result.out.find("--sub LOGIN"), std::string::npos) << result.out;
  }
  EXPECT_EQ(RunCommand(dossier + " --sub " + std::string(128, 'a')).exit_code, 0);
}

TEST(TokenCommand, UsageErrorsExitWith2) {
  TempDir data;
  std::string dossier = BuiltBinary("dossier") + " token --data-dir " + data.path();
  EXPECT_EQ(RunCommand(dossier + " --role candidat").exit_code, 2);  // which candidature?
  EXPECT_EQ(RunCommand(dossier + " --role directeur").exit_code, 2);
  EXPECT_EQ(RunCommand(dossier + " --role admin --hours -1").exit_code, 2);
  EXPECT_EQ(RunCommand(dossier + " --role admin --hours").exit_code, 2);
  EXPECT_EQ(RunCommand(dossier + " --role admin").exit_code, 0);
}

}  // namespace
}  // namespace dossier
