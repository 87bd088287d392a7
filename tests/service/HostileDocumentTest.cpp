// A document that crashes the parser costs a retry, never the service;
// after the poison limit the pièce is shown to the gestionnaire as
// unprocessable. The crash is simulated: with DOSSIER_FAULT_CRASH_MARKER set,
// the job's child process ends by SIGSEGV on a file holding the marker.
#include <Poco/Net/ServerSocket.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "isolation/FileSystemView.h"
#include "server/auth/TokenSecret.h"
#include "store/db/DatabaseUrl.h"
#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/service/ServiceTestbed.h"

namespace dossier::test {
namespace {

const char* const kMarker = "HOSTILE-PDF-7f3a9c";

TEST(HostileDocument, CrashesCostRetriesThenThePieceIsMarkedUnprocessable) {
  ServiceTestbed bed{{"--workers", "1", "--max-attempts", "3", "--retry-backoff-ms", "200"},
                     {std::string("DOSSIER_FAULT_CRASH_MARKER=") + kMarker}};
  ASSERT_EQ(bed.CreateCandidature("H-1", {{"cv", true}, {"lettre_motivation", true}}), 201);
  std::string token = bed.Token("candidat", "H-1");
  std::string hostile = fixtures::BornDigitalPdf({{"CV"}}) + "%" + kMarker + "\n%%EOF\n";
  ASSERT_EQ(bed.api().Upload("H-1", "cv", token, {{"cv.pdf", hostile}}).status, 202);
  ASSERT_EQ(bed.api()
                .Upload("H-1", "lettre_motivation", token,
                        {{"lettre.pdf", fixtures::BornDigitalPdf({{"Madame, Monsieur,"}})}})
                .status,
            202);
  Poco::JSON::Object::Ptr candidature = bed.WaitProcessed("H-1", 120);

  Poco::JSON::Object::Ptr cv = ServiceTestbed::Piece(candidature, "cv");
  EXPECT_EQ(cv->getValue<std::string>("processing"), "unprocessable");
  EXPECT_EQ(cv->getValue<std::string>("status"), "TR");  // left to the gestionnaire
  EXPECT_EQ(bed.db.Scalar("SELECT state FROM job j JOIN piece_version v ON v.id = "
                          "j.piece_version_id WHERE v.piece_code = 'cv'"),
            "poison");
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM job_run r JOIN job j ON j.id = r.job_id JOIN "
                         "piece_version v ON v.id = j.piece_version_id WHERE v.piece_code = 'cv' "
                         "AND r.outcome = 'crashed'"),
            3);
  // The other pièce went through, and the service kept answering.
  EXPECT_EQ(ServiceTestbed::Piece(candidature, "lettre_motivation")
                ->getObject("report")
                ->getValue<std::string>("status"),
            "accepted");
  EXPECT_EQ(bed.api().Request("GET", "/healthz").status, 200);
  EXPECT_TRUE(bed.service().Running());
  ApiResponse metrics = bed.api().Request("GET", "/metrics");
  EXPECT_NE(metrics.body.find("dossier_jobs_total{state=\"poison\"} 1"), std::string::npos)
      << metrics.body;
}

// A document that takes the parser over, in a real dossierd's worker, which
// holds database connections: the job child reaches neither the token
// secret, nor the database's socket, nor the service's port, nor a shell,
// and the attempt ends as a crash does. The escape is simulated: with
// DOSSIER_FAULT_ESCAPE_MARKER set, the job child tries them all on a file
// holding the marker and says what it reached.
TEST(HostileDocument, ATakenOverParserReachesNothing) {
  const char* const escape = "HOSTILE-ESCAPE-0d41";
  testing::TempDir secret_dir;
  std::string secret = LoadOrCreateTokenSecret(secret_dir.path());  // same file as DATA/secret
  Poco::Net::ServerSocket listening(Poco::Net::SocketAddress("127.0.0.1", 0));
  const char* url = std::getenv("DOSSIER_TEST_DB");
  ASSERT_NE(url, nullptr);
  std::string socket = DatabaseUrl::Parse(url).socket;
  ServiceTestbed bed{{"--workers", "1", "--max-attempts", "1"},
                     {std::string("DOSSIER_FAULT_ESCAPE_MARKER=") + escape,
                      "DOSSIER_FAULT_ESCAPE_SECRET=" + secret_dir.path() + "/secret",
                      "DOSSIER_FAULT_ESCAPE_SOCKET=" + socket,
                      "DOSSIER_FAULT_ESCAPE_PORT=" + std::to_string(listening.address().port())}};
  ASSERT_EQ(bed.CreateCandidature("H-2", {{"cv", true}}), 201);
  std::string hostile = fixtures::BornDigitalPdf({{"CV"}}) + "%" + escape + "\n%%EOF\n";
  ASSERT_EQ(
      bed.api().Upload("H-2", "cv", bed.Token("candidat", "H-2"), {{"cv.pdf", hostile}}).status,
      202);
  Poco::JSON::Object::Ptr candidature = bed.WaitProcessed("H-2", 120);

  EXPECT_EQ(ServiceTestbed::Piece(candidature, "cv")->getValue<std::string>("processing"),
            "unprocessable");
  std::string file = LandlockAbi() > 0 ? "blocked (EACCES)" : "reached";
  EXPECT_EQ(bed.db.Scalar("SELECT CONCAT_WS('|', outcome, error) FROM job_run"),
            "crashed|job child ended by SIGSEGV: escape: secret=" + file +
                " socket=blocked (EPERM) tcp=blocked (EPERM) exec=blocked (EPERM)");
  EXPECT_TRUE(bed.service().Running());
}

}  // namespace
}  // namespace dossier::test
