// The candidate's mails lead back to the candidature's page when the
// service knows its public address (--public-url): the status mail written
// by the HTTP process, the gestionnaire's refusal, and the pipeline's
// refusal written by a worker process, which learns the address from the
// flags dossierd runs it with. Never with a token: eCandidat grants access.
#include <gtest/gtest.h>

#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/HostilePdf.h"
#include "tests/service/ServiceTestbed.h"

namespace dossier::test {
namespace {

const char* const kCandidature = "M1-2026-0007";
const char* const kPublicUrl = "https://candidatures.univ-exemple.fr";

class MailLink : public ::testing::Test {
 protected:
  std::string Body(const std::string& kind) {
    return bed.db.Scalar("SELECT body FROM outbox WHERE kind = '" + kind +
                         "' ORDER BY id DESC LIMIT 1");
  }
  std::string Link() const { return std::string(kPublicUrl) + "/candidat/" + kCandidature; }

  ServiceTestbed bed{{"--workers", "1", "--public-url", kPublicUrl}};
  std::string candidat = bed.Token("candidat", kCandidature);
  std::string path = std::string("/api/v1/candidatures/") + kCandidature;
};

TEST_F(MailLink, EveryMailToTheCandidateLinksToTheirPage) {
  ASSERT_EQ(bed.CreateCandidature(kCandidature, {{"cv", true}, {"lettre_motivation", true}}), 201);

  // The pipeline refuses a hostile PDF: the worker process writes the mail.
  ASSERT_EQ(bed.api()
                .Upload(kCandidature, "lettre_motivation", candidat,
                        {{"lettre.pdf", fixtures::OperatorFloodPdf()}})
                .status,
            202);
  ASSERT_EQ(bed.api()
                .Upload(kCandidature, "cv", candidat,
                        {{"cv.pdf", fixtures::BornDigitalPdf({{"Curriculum vitae"}})}})
                .status,
            202);
  bed.WaitProcessed(kCandidature);
  std::string automatic = Body("piece_refused");
  EXPECT_NE(automatic.find(Link()), std::string::npos) << automatic;
  EXPECT_EQ(automatic.find("token"), std::string::npos) << automatic;

  // Replaced, transmitted: the status mail comes from the HTTP process.
  ASSERT_EQ(bed.api()
                .Upload(kCandidature, "lettre_motivation", candidat,
                        {{"lettre.pdf", fixtures::BornDigitalPdf({{"Lettre de motivation"}})}})
                .status,
            202);
  bed.WaitProcessed(kCandidature);
  ApiResponse transmitted = bed.api().Request("POST", path + "/transmit", candidat);
  ASSERT_EQ(transmitted.status, 200) << transmitted.body;
  std::string status = Body("candidature_status");
  EXPECT_NE(status.find(Link()), std::string::npos) << status;

  // The gestionnaire's refusal carries their note and the same link.
  ApiResponse refused =
      bed.api().Request("POST", path + "/pieces/cv/decision", bed.Gestionnaire(),
                        R"({"status": "RE", "comment": "Illisible : scannez en 300 dpi."})");
  ASSERT_EQ(refused.status, 200) << refused.body;
  std::string by_hand = Body("piece_refused");
  EXPECT_NE(by_hand.find("Illisible : scannez en 300 dpi."), std::string::npos) << by_hand;
  EXPECT_NE(by_hand.find(Link()), std::string::npos) << by_hand;
}

}  // namespace
}  // namespace dossier::test
