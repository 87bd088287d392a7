// eCandidat's side: a JWT minted outside the service, in a shell with
// openssl and the key `dossier token --print-key` prints, is accepted by a
// running service; after `--rotate-key` and a restart, it still is (grace
// of the previous key), and what is not HS256 under that key is refused.
#include <gtest/gtest.h>
#include <signal.h>

#include <ctime>
#include <memory>

#include "server/HttpService.h"
#include "server/auth/TokenKeyFiles.h"
#include "store/blobs/BlobStore.h"
#include "tests/db/ServedApi.h"
#include "tests/db/TestDatabase.h"
#include "tests/support/Oracles.h"
#include "workflow/policy/PiecePolicy.h"
#include "workflow/policy/PieceTypesTable.h"

namespace dossier {
namespace {

using testing::BuiltBinary;
using testing::RunCommand;
using testing::TempDir;

// mint.sh KEY ALG CLAIMS: a JWT as anyone writes it with the printed
// (base64url) key, coreutils and openssl only.
const char* const kMintScript = R"(set -e
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
k="$1"; case $((${#k} % 4)) in 2) k="$k==";; 3) k="$k=";; esac
hex=$(printf %s "$k" | tr -- '-_' '+/' | base64 -d | od -An -v -tx1 | tr -d ' \n')
header=$(printf '{"alg":"%s","typ":"JWT"}' "$2" | b64url)
claims=$(printf %s "$3" | b64url)
sig=$(printf %s "$header.$claims" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$hex" -binary | b64url)
printf %s "$header.$claims.$sig"
)";

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

class OutsideJwt : public ::testing::Test {
 protected:
  void SetUp() override {
    signal(SIGPIPE, SIG_IGN);
    PooledConnection connection = db_.pool().Acquire();
    SeedPieceTypes(*connection, PiecePolicy::BuiltIn());
    store_ = std::make_unique<BlobStore>(blobs_.path());
    script_ = work_.Write("mint.sh", kMintScript);
  }
  void TearDown() override { Stop(); }

  std::string Dossier(const std::string& args) {
    testing::CommandResult result =
        RunCommand(BuiltBinary("dossier") + " token " + args + " --data-dir " + data_.path());
    EXPECT_EQ(result.exit_code, 0) << result.out;
    return Trimmed(result.out);
  }
  std::string Mint(const std::string& key, const std::string& alg, const std::string& claims) {
    testing::CommandResult result =
        RunCommand("bash " + script_ + " '" + key + "' " + alg + " '" + claims + "'");
    EXPECT_EQ(result.exit_code, 0) << result.out;
    return result.out;
  }
  // A service over the data directory's keys, as dossierd loads them.
  void Serve() {
    Stop();
    ServerSettings settings;
    settings.port = 0;
    settings.threads = 4;
    service_ = std::make_unique<HttpService>(settings, db_.pool(), *store_,
                                             LoadTokenKeys(data_.path()), PiecePolicy::BuiltIn());
    service_->Start();
  }
  void Stop() {
    if (service_) service_->Stop();
    service_.reset();
  }
  test::Reply Send(const std::string& method, const std::string& uri, const std::string& token,
                   const std::string& body = "") {
    return test::SendTo(service_->port(), method, uri, token, body);
  }

  test::TestDatabase db_;
  TempDir data_, blobs_, work_;
  std::unique_ptr<BlobStore> store_;
  std::unique_ptr<HttpService> service_;
  std::string script_;
};

std::string Expiring(const std::string& members, long seconds) {
  long now = static_cast<long>(std::time(nullptr));
  return "{" + members + R"(,"iat":)" + std::to_string(now) + R"(,"exp":)" +
         std::to_string(now + seconds) + "}";
}

TEST_F(OutsideJwt, ATokenMintedWithThePrintedKeyOpensTheApi) {
  std::string key = Dossier("--print-key");
  Serve();
  std::string admin = Mint(key, "HS256", Expiring(R"("role":"admin","sub":"ecandidat")", 600));
  test::Reply created =
      Send("PUT", "/api/v1/candidatures/EXT-1", admin,
           R"({"formation": "Licence Informatique", "email": "camille@example.org",
               "pieces": [{"code": "cv"}]})");
  ASSERT_EQ(created.status, 201) << created;
  std::string candidat = Mint(key, "HS256", Expiring(R"("role":"candidat","cand":"EXT-1")", 600));
  test::Reply read = Send("GET", "/api/v1/candidatures/EXT-1", candidat);
  EXPECT_EQ(read.status, 200) << read;
  EXPECT_EQ(Send("GET", "/api/v1/candidatures/EXT-1", admin).status, 200);

  // Under another key, another alg, or expired: refused.
  std::string other_key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  test::Reply forged = Send("GET", "/api/v1/candidatures/EXT-1",
                            Mint(other_key, "HS256", Expiring(R"("role":"admin")", 600)));
  EXPECT_EQ(forged.status, 401) << forged;
  EXPECT_EQ(forged.Error(), "unauthorized");
  EXPECT_EQ(Send("GET", "/api/v1/candidatures/EXT-1",
                 Mint(key, "HS512", Expiring(R"("role":"admin")", 600)))
                .status,
            401);
  test::Reply expired = Send("GET", "/api/v1/candidatures/EXT-1",
                             Mint(key, "HS256", Expiring(R"("role":"admin")", -600)));
  EXPECT_EQ(expired.status, 401) << expired;
  EXPECT_EQ(expired.Error(), "token_expired");
}

TEST_F(OutsideJwt, AfterARotationTheOldKeyStillOpensTheApiAndTheNewOneToo) {
  std::string old_key = Dossier("--print-key");
  std::string old_admin = Mint(old_key, "HS256", Expiring(R"("role":"admin")", 600));
  std::string new_key = Dossier("--rotate-key");
  ASSERT_NE(new_key, old_key);
  Serve();
  EXPECT_EQ(Send("GET", "/api/v1/candidatures/NONE", old_admin).status, 404);
  EXPECT_EQ(Send("GET", "/api/v1/candidatures/NONE",
                 Mint(new_key, "HS256", Expiring(R"("role":"admin")", 600)))
                .status,
            404);
  // A second rotation retires the first key for good.
  Dossier("--rotate-key");
  Serve();
  EXPECT_EQ(Send("GET", "/api/v1/candidatures/NONE", old_admin).status, 401);
}

}  // namespace
}  // namespace dossier
