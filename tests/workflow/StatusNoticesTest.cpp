#include <gtest/gtest.h>

#include "workflow/StatusNotices.h"

namespace dossier {
namespace {

TEST(StatusNotices, IncompleteNoticeNamesTheNewStatusAndEachRefusedPieceWithItsComment) {
  Notification notice = CandidatureStatusNotice(
      "C1", "Licence Droit", CandidatureStatus::kIncomplet,
      {{"Relevé de notes du baccalauréat", "Illisible"}, {"CV", "Pas à jour"}}, "", "");
  EXPECT_EQ(notice.kind, "candidature_status");
  EXPECT_EQ(notice.candidature_id, "C1");
  EXPECT_NE(notice.subject.find("Incomplet"), std::string::npos) << notice.subject;
  EXPECT_NE(notice.body.find("« Incomplet »"), std::string::npos) << notice.body;
  EXPECT_NE(notice.body.find("Relevé de notes du baccalauréat : Illisible"), std::string::npos);
  EXPECT_NE(notice.body.find("CV : Pas à jour"), std::string::npos);
  EXPECT_NE(notice.body.find("Licence Droit"), std::string::npos);
}

TEST(StatusNotices, CompleteAndTransmittedNoticesSayWhatHappensNext) {
  Notification complete =
      CandidatureStatusNotice("C1", "Licence", CandidatureStatus::kComplet, {}, "", "");
  EXPECT_NE(complete.subject.find("Complet"), std::string::npos);
  EXPECT_NE(complete.body.find("validées"), std::string::npos);
  Notification received =
      CandidatureStatusNotice("C1", "Licence", CandidatureStatus::kReceptionne, {}, "", "");
  EXPECT_NE(received.subject.find("Réceptionné"), std::string::npos);
  EXPECT_NE(received.body.find("transmis"), std::string::npos);
}

TEST(StatusNotices, SubjectStaysWithinTheOutboxColumnForALongFormationName) {
  std::string formation = "a";  // then two-byte characters: byte 150 falls inside one
  for (int i = 0; i < 200; ++i) formation += "é";
  Notification notice =
      CandidatureStatusNotice("C1", formation, CandidatureStatus::kReceptionne, {}, "", "");
  EXPECT_LE(notice.subject.size(), 255u);
  // Cut on a character boundary: the subject is still valid UTF-8 before the ellipsis.
  std::size_t ellipsis = notice.subject.find("…");
  ASSERT_NE(ellipsis, std::string::npos);
  EXPECT_NE(static_cast<unsigned char>(notice.subject[ellipsis - 1]), 0xC3);
}

TEST(StatusNotices, RefusedPieceNoticeGivesTheReason) {
  Notification notice = PieceRefusedNotice("C1", "Licence", {"Pièce d'identité", "Illisible"}, "");
  EXPECT_EQ(notice.kind, "piece_refused");
  EXPECT_NE(notice.subject.find("Pièce d'identité"), std::string::npos);
  EXPECT_NE(notice.body.find("Illisible"), std::string::npos);
}

}  // namespace
}  // namespace dossier
