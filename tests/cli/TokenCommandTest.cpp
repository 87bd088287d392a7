// `dossier token` and the token format, through the built binary.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <fstream>

#include "server/auth/AccessToken.h"
#include "server/auth/TokenKeyFiles.h"
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
  std::string admin_token = MintToken(admin, "other");
  std::string forged =
      admin_token.substr(0, admin_token.rfind('.')) + token.substr(token.rfind('.'));
  ASSERT_NE(forged, token);
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

// The key as --print-key gives it, turned into the hex openssl takes.
const char* const kKeyToHex =
    "k=$(cat \"$1\"); case $((${#k} % 4)) in 2) k=\"$k==\";; 3) k=\"$k=\";; esac; "
    "printf %s \"$k\" | tr -- '-_' '+/' | base64 -d | od -An -v -tx1 | tr -d ' \\n'";

std::string HexOfPrintedKey(const TempDir& dir, const std::string& printed) {
  std::string file = dir.Write("printed-key", printed);
  dir.Write("to-hex.sh", kKeyToHex);
  return Trimmed(RunCommand("bash " + dir.path() + "/to-hex.sh " + file).out);
}

// The signature part of `jwt` as openssl computes it with the printed key.
std::string OpensslSignature(const TempDir& dir, const std::string& jwt, const std::string& hex) {
  std::string signed_part = jwt.substr(0, jwt.rfind('.'));
  std::string file = dir.Write("signed-part", signed_part);
  return Trimmed(RunCommand("openssl dgst -sha256 -mac HMAC -macopt hexkey:" + hex + " -binary < " +
                            file + " | base64 -w0 | tr '+/' '-_' | tr -d '='")
                     .out);
}

TEST(TokenCommand, PrintKeyGivesTheKeyThatSignsTheMintedTokens) {
  TempDir data, work;
  std::string dossier = BuiltBinary("dossier") + " token --data-dir " + data.path();
  testing::CommandResult minted = RunCommand(dossier + " --role gestionnaire --sub jd --hours 1");
  ASSERT_EQ(minted.exit_code, 0) << minted.out;
  testing::CommandResult printed =
      RunCommand(BuiltBinary("dossier") + " token --print-key --data-dir " + data.path());
  ASSERT_EQ(printed.exit_code, 0) << printed.out;
  std::string key = Trimmed(printed.out);
  EXPECT_EQ(
      key.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos)
      << key;
  std::string hex = HexOfPrintedKey(work, key);
  // The printed key is DATA/secret's bytes.
  std::string secret_hex;
  for (unsigned char c : LoadOrCreateTokenSecret(data.path())) {
    const char* digits = "0123456789abcdef";
    secret_hex += digits[c >> 4];
    secret_hex += digits[c & 15];
  }
  EXPECT_EQ(hex, secret_hex);
  std::string jwt = Trimmed(minted.out);
  ASSERT_EQ(std::count(jwt.begin(), jwt.end(), '.'), 2) << jwt;
  EXPECT_EQ(OpensslSignature(work, jwt, hex), jwt.substr(jwt.rfind('.') + 1));
  // Another key's signature differs: the comparison can fail.
  EXPECT_NE(OpensslSignature(work, jwt, "00" + hex), jwt.substr(jwt.rfind('.') + 1));
}

TEST(TokenCommand, RotateKeyKeepsOldTokensForTheGraceThenRefusesThem) {
  TempDir data;
  std::string dossier = BuiltBinary("dossier") + " token --data-dir " + data.path();
  std::string old_token = Trimmed(RunCommand(dossier + " --role admin --hours 720").out);
  std::string old_key = Trimmed(RunCommand(dossier + " --print-key").out);
  testing::CommandResult rotated = RunCommand(dossier + " --rotate-key");
  ASSERT_EQ(rotated.exit_code, 0) << rotated.out;
  std::string new_key = Trimmed(rotated.out);
  EXPECT_NE(new_key, old_key);
  EXPECT_EQ(Trimmed(RunCommand(dossier + " --print-key").out), new_key);
  std::string new_token = Trimmed(RunCommand(dossier + " --role admin --hours 720").out);
  TokenKeys keys = LoadTokenKeys(data.path());
  std::int64_t now = std::time(nullptr);
  EXPECT_NEAR(static_cast<double>(keys.retired_at), static_cast<double>(now), 5);
  AccessGrant grant;
  EXPECT_EQ(VerifyToken(old_token, keys, now, grant), TokenCheck::Valid);
  EXPECT_EQ(VerifyToken(new_token, keys, now, grant), TokenCheck::Valid);
  std::int64_t after_grace = keys.retired_at + kPreviousKeyGraceSeconds;
  EXPECT_EQ(VerifyToken(old_token, keys, after_grace, grant), TokenCheck::BadSignature);
  EXPECT_EQ(VerifyToken(new_token, keys, after_grace, grant), TokenCheck::Valid);
}

TEST(TokenCommand, KeyFlagsTakeOnlyADataDir) {
  TempDir data;
  std::string dossier = BuiltBinary("dossier") + " token ";
  EXPECT_EQ(RunCommand(dossier + "--print-key --role admin").exit_code, 2);
  EXPECT_EQ(RunCommand(dossier + "--rotate-key --data-dir").exit_code, 2);
  EXPECT_EQ(RunCommand(dossier + "--print-key --print-key").exit_code, 2);
  EXPECT_EQ(RunCommand(dossier + "--print-key --data-dir " + data.path()).exit_code, 0);
}

}  // namespace
}  // namespace dossier
