#include <gtest/gtest.h>

#include "core/messages/CandidateMails.h"

namespace dossier::messages {
namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(CandidatePageLink, IsTheCandidatePageUnderThePublicAddressWithoutToken) {
  EXPECT_EQ(CandidatePageLink("https://pj.univ.fr", "C1"), "https://pj.univ.fr/candidat/C1");
  EXPECT_EQ(CandidatePageLink("https://pj.univ.fr/", "C1"), "https://pj.univ.fr/candidat/C1");
  EXPECT_EQ(CandidatePageLink("", "C1"), "");
}

TEST(PieceRefusedMail, FillsEverySlot) {
  Mail mail = PieceRefusedMail(
      {"Relevé de notes", "Licence Droit", "Illisible", "https://pj.univ.fr/candidat/C1"});
  EXPECT_EQ(mail.subject, "Pièce refusée : Relevé de notes");
  EXPECT_EQ(mail.body.rfind("Bonjour,\n\n", 0), 0u) << mail.body;
  EXPECT_TRUE(Has(mail.body,
                  "La pièce « Relevé de notes » de votre candidature à la formation "
                  "« Licence Droit » a été refusée"))
      << mail.body;
  EXPECT_TRUE(Has(mail.body, "\n\nIllisible\n\n")) << mail.body;
  EXPECT_TRUE(Has(mail.body, "sur votre page candidat (https://pj.univ.fr/candidat/C1)"))
      << mail.body;
  EXPECT_FALSE(Has(mail.body, "espace candidat")) << mail.body;
  EXPECT_TRUE(Has(mail.body, "Cordialement,\nLe service des candidatures")) << mail.body;
  EXPECT_FALSE(Has(mail.body, "\n\n\n")) << mail.body;
}

TEST(PieceRefusedMail, WithoutAPublicAddressPointsToTheCandidateSpace) {
  Mail mail = PieceRefusedMail({"CV", "Licence", "Illisible", ""});
  EXPECT_TRUE(Has(mail.body, "depuis votre espace candidat")) << mail.body;
  EXPECT_FALSE(Has(mail.body, "http")) << mail.body;
  EXPECT_FALSE(Has(mail.body, "()")) << mail.body;
}

TEST(PieceRefusedMail, IsPlainTextSlotsGoInAsTheyAre) {
  Mail mail = PieceRefusedMail({"CV & lettre", "L1 <Droit>", "Pas \"à jour\" {{link}} 'x'", ""});
  EXPECT_EQ(mail.subject, "Pièce refusée : CV & lettre");
  EXPECT_TRUE(Has(mail.body, "« CV & lettre »")) << mail.body;
  EXPECT_TRUE(Has(mail.body, "« L1 <Droit> »")) << mail.body;
  // A slot's value is never read as a template.
  EXPECT_TRUE(Has(mail.body, "Pas \"à jour\" {{link}} 'x'")) << mail.body;
  EXPECT_FALSE(Has(mail.body, "&amp;") || Has(mail.body, "&lt;") || Has(mail.body, "&quot;"))
      << mail.body;
}

TEST(CandidatureStatusMail, IncompleteListsEachRefusedPieceWithItsReasonAndTheNote) {
  Mail mail = CandidatureStatusMail({"Licence Droit",
                                     StatusParagraph::kIncomplete,
                                     "Incomplet",
                                     {{"Relevé de notes", "Illisible"}, {"CV", "Pas à jour"}},
                                     "Le relevé est celui de 2022.",
                                     "https://pj.univ.fr/candidat/C1"});
  EXPECT_EQ(mail.subject, "Votre candidature « Licence Droit » : Incomplet");
  EXPECT_TRUE(Has(mail.body, "est désormais « Incomplet »")) << mail.body;
  EXPECT_TRUE(Has(mail.body,
                  "Les pièces suivantes ont été refusées :\n\n- Relevé de notes : "
                  "Illisible\n- CV : Pas à jour\n\n"))
      << mail.body;
  EXPECT_TRUE(Has(mail.body, "sur votre page candidat (https://pj.univ.fr/candidat/C1)"))
      << mail.body;
  std::size_t note = mail.body.find("Message du gestionnaire : Le relevé est celui de 2022.");
  ASSERT_NE(note, std::string::npos) << mail.body;
  EXPECT_LT(note, mail.body.find("Cordialement")) << mail.body;
  EXPECT_FALSE(Has(mail.body, "\n\n\n")) << mail.body;
}

TEST(CandidatureStatusMail, OneRefusedPieceIsSingularAndNoNoteNoLinkLeaveNoTrace) {
  Mail mail = CandidatureStatusMail(
      {"Licence", StatusParagraph::kIncomplete, "Incomplet", {{"CV", "Flou"}}, "", ""});
  EXPECT_TRUE(Has(mail.body, "La pièce suivante a été refusée :\n\n- CV : Flou")) << mail.body;
  EXPECT_TRUE(Has(mail.body, "depuis votre espace candidat")) << mail.body;
  EXPECT_FALSE(Has(mail.body, "Message du gestionnaire")) << mail.body;
  EXPECT_FALSE(Has(mail.body, "\n\n\n")) << mail.body;
}

TEST(CandidatureStatusMail, TransmittedAndCompleteSayWhatHappensNextAndLinkThePage) {
  Mail received = CandidatureStatusMail({"Licence",
                                         StatusParagraph::kTransmitted,
                                         "Réceptionné",
                                         {},
                                         "",
                                         "https://pj.univ.fr/candidat/C1"});
  EXPECT_EQ(received.subject, "Votre candidature « Licence » : Réceptionné");
  EXPECT_TRUE(Has(received.body, "a bien été transmis")) << received.body;
  EXPECT_TRUE(Has(received.body, "Votre page candidat : https://pj.univ.fr/candidat/C1"))
      << received.body;
  Mail complete = CandidatureStatusMail(
      {"Licence", StatusParagraph::kComplete, "Complet", {}, "Vu en commission.", ""});
  EXPECT_TRUE(Has(complete.body, "ont été validées")) << complete.body;
  EXPECT_TRUE(Has(complete.body, "Message du gestionnaire : Vu en commission.")) << complete.body;
  EXPECT_FALSE(Has(complete.body, "page candidat")) << complete.body;
  EXPECT_FALSE(Has(complete.body, "incomplet")) << complete.body;
}

TEST(CandidatureStatusMail, IsPlainText) {
  Mail mail = CandidatureStatusMail({"Licence <Droit> & Science",
                                     StatusParagraph::kIncomplete,
                                     "Incomplet",
                                     {{"CV", "« Illisible » & \"flou\""}},
                                     "{{#note}}rien{{/note}}",
                                     ""});
  EXPECT_TRUE(Has(mail.subject, "Licence <Droit> & Science")) << mail.subject;
  EXPECT_TRUE(Has(mail.body, "- CV : « Illisible » & \"flou\"")) << mail.body;
  EXPECT_TRUE(Has(mail.body, "Message du gestionnaire : {{#note}}rien{{/note}}")) << mail.body;
}

}  // namespace
}  // namespace dossier::messages
