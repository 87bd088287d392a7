// One candidate's hostile PDFs cannot hold the workers: each is refused on
// its budgets in one attempt, the candidature's jobs run one at a time, and
// another candidate's CV is taken while they wait.
#include <gtest/gtest.h>

#include "tests/fixtures/BornDigitalPdf.h"
#include "tests/fixtures/HostilePdf.h"
#include "tests/service/ServiceTestbed.h"

namespace dossier::test {
namespace {

const std::vector<std::pair<std::string, bool>> kPieces = {
    {"cv", true},        {"lettre_motivation", true}, {"releve_bac", true},
    {"bulletins", true}, {"identite", true},          {"diplomes", true}};

TEST(Starvation, HostilePdfsAreRefusedOnTheirBudgetsAndDoNotDelayAnotherCandidate) {
  ServiceTestbed bed{{"--workers", "2"}};
  ASSERT_EQ(bed.CreateCandidature("ATTAQUE", kPieces), 201);
  ASSERT_EQ(bed.CreateCandidature("VICTIME", {{"cv", true}}), 201);
  const std::vector<std::string> hostile = {
      fixtures::HugeDeclaredImagePdf(), fixtures::NestedFormsPdf(),
      fixtures::OperatorFloodPdf(),     fixtures::GiantPagePdf(),
      fixtures::HugeDeclaredImagePdf(), fixtures::NestedFormsPdf()};
  std::string attacker = bed.Token("candidat", "ATTAQUE");
  for (std::size_t i = 0; i < hostile.size(); ++i)
    ASSERT_EQ(
        bed.api().Upload("ATTAQUE", kPieces[i].first, attacker, {{"x.pdf", hostile[i]}}).status,
        202);
  ASSERT_EQ(bed.api()
                .Upload("VICTIME", "cv", bed.Token("candidat", "VICTIME"),
                        {{"cv.pdf", fixtures::BornDigitalPdf({{"Curriculum vitae"}})}})
                .status,
            202);

  Poco::JSON::Object::Ptr victim = bed.WaitProcessed("VICTIME", 120);
  EXPECT_EQ(
      ServiceTestbed::Piece(victim, "cv")->getObject("report")->getValue<std::string>("status"),
      "accepted");
  Poco::JSON::Object::Ptr attack = bed.WaitProcessed("ATTAQUE", 300);
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    Poco::JSON::Object::Ptr piece = ServiceTestbed::Piece(attack, kPieces[i].first);
    ASSERT_FALSE(piece->isNull("report")) << kPieces[i].first;
    Poco::JSON::Object::Ptr report = piece->getObject("report");
    EXPECT_EQ(report->getValue<std::string>("status"), "refused") << kPieces[i].first;
    EXPECT_EQ(report->getValue<std::string>("reason"), "limits") << kPieces[i].first;
    EXPECT_EQ(piece->getValue<std::string>("status"), "RE") << kPieces[i].first;
  }
  // One attempt each: a budget refusal is an answer, not a crash or a timeout.
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM job_run"),
            static_cast<long long>(hostile.size() + 1));
  // Never two of the attacker's jobs at once, so one worker stayed free.
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM job_run a JOIN job_run b ON a.id < b.id "
                         "JOIN job ja ON ja.id = a.job_id JOIN job jb ON jb.id = b.job_id "
                         "JOIN piece_version va ON va.id = ja.piece_version_id "
                         "JOIN piece_version vb ON vb.id = jb.piece_version_id "
                         "WHERE va.candidature_id = 'ATTAQUE' AND vb.candidature_id = 'ATTAQUE' "
                         "AND b.started_at < a.ended_at AND a.started_at < b.ended_at"),
            0);
  // The victim's job started before the attacker's last one ended.
  EXPECT_EQ(bed.db.Count("SELECT COUNT(*) FROM job_run r JOIN job j ON j.id = r.job_id "
                         "JOIN piece_version v ON v.id = j.piece_version_id "
                         "WHERE v.candidature_id = 'VICTIME' AND r.started_at < "
                         "(SELECT MAX(a.ended_at) FROM job_run a JOIN job ja ON ja.id = a.job_id "
                         "JOIN piece_version va ON va.id = ja.piece_version_id "
                         "WHERE va.candidature_id = 'ATTAQUE')"),
            1);
}

}  // namespace
}  // namespace dossier::test
