#include <gtest/gtest.h>

#include "core/messages/ApiMessages.h"
#include "tests/workflow/WorkflowCases.h"
#include "workflow/Transitions.h"

namespace dossier {
namespace {

using namespace cases;

TEST(DecisionStatus, IsValideeOrRefusee) {
  EXPECT_TRUE(Yields(ParseDecisionStatus("VA"), PieceStatus::kValidee));
  EXPECT_TRUE(Yields(ParseDecisionStatus("RE"), PieceStatus::kRefusee));
  for (const char* code : {"AT", "TR", "NC", "IN", "CO", "", "va", "V"})
    EXPECT_TRUE(IsError(ParseDecisionStatus(code), ErrorCode::kInvalidDecision,
                        messages::InvalidDecision()))
        << code;
}

TEST(DecisionComment, ARefusalSaysWhy) {
  for (const char* blank : {"", " ", " \t\r\n "})
    EXPECT_TRUE(IsError(CheckDecisionComment(PieceStatus::kRefusee, blank),
                        ErrorCode::kCommentRequired, messages::CommentRequired()))
        << "« " << blank << " »";
  EXPECT_EQ(CheckDecisionComment(PieceStatus::kRefusee, " Illisible "), std::nullopt);
}

TEST(DecisionComment, AValidationNeedsNone) {
  EXPECT_EQ(CheckDecisionComment(PieceStatus::kValidee, ""), std::nullopt);
  EXPECT_EQ(CheckDecisionComment(PieceStatus::kValidee, "Bien reçu"), std::nullopt);
}

TEST(UnderExamination, OnceTransmittedUntilComplete) {
  for (CandidatureStatus status : cases::kEveryCandidatureStatus) {
    SCOPED_TRACE(Code(status));
    std::optional<ClientError> error = CheckUnderExamination(Candidature(status));
    if (status == CandidatureStatus::kReceptionne || status == CandidatureStatus::kIncomplet)
      EXPECT_EQ(error, std::nullopt);
    else
      EXPECT_TRUE(IsError(error, ErrorCode::kNotTransmitted, messages::NotTransmitted()));
  }
}

// Every candidature status × every pièce status × both decisions.
TEST(Decide, TakesAPieceTransmittedOrDecidedOfACandidatureUnderExamination) {
  for (CandidatureStatus candidature : cases::kEveryCandidatureStatus) {
    for (PieceStatus piece : cases::kEveryPieceStatus) {
      for (PieceStatus decision : {PieceStatus::kValidee, PieceStatus::kRefusee}) {
        SCOPED_TRACE(std::string(Code(candidature)) + " × " + Code(piece) + " → " + Code(decision));
        Checked<PieceStatus> checked =
            Decide(Candidature(candidature), Piece("cv", piece), decision);
        bool examined = candidature == CandidatureStatus::kReceptionne ||
                        candidature == CandidatureStatus::kIncomplet;
        bool decidable = piece == PieceStatus::kTransmise || piece == PieceStatus::kValidee ||
                         piece == PieceStatus::kRefusee;
        if (!examined)
          EXPECT_TRUE(IsError(checked, ErrorCode::kNotTransmitted, messages::NotTransmitted()));
        else if (!decidable)
          EXPECT_TRUE(IsError(checked, ErrorCode::kPieceNotTransmitted,
                              messages::PieceNotTransmitted("Cv")));
        else
          EXPECT_TRUE(Yields(checked, decision));
      }
    }
  }
}

TEST(Decide, NamesTheCandidatureAndThePieceInItsContext) {
  Checked<PieceStatus> checked =
      Decide(Candidature(CandidatureStatus::kReceptionne), Piece("cv", PieceStatus::kEnAttente),
             PieceStatus::kValidee);
  ASSERT_FALSE(checked.allowed());
  EXPECT_NE(checked.error()->context().find("C1"), std::string::npos);
  EXPECT_NE(checked.error()->context().find("cv"), std::string::npos);
}

TEST(Decide, OnlyValidatesOrRefuses) {
  EXPECT_TRUE(IsError(Decide(Candidature(CandidatureStatus::kReceptionne),
                             Piece("cv", PieceStatus::kTransmise), PieceStatus::kNonConcerne),
                      ErrorCode::kInvalidDecision, messages::InvalidDecision()));
}

}  // namespace
}  // namespace dossier
