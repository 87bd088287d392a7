// A document that crashes the parser costs a retry, never the service;
// after the poison limit the pièce is shown to the gestionnaire as
// unprocessable. The crash is simulated: with DOSSIER_FAULT_CRASH_MARKER set,
// the job's child process ends by SIGSEGV on a file holding the marker.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace dossier::test
