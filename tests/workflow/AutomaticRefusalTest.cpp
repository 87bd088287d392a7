#include <gtest/gtest.h>

#include "tests/workflow/WorkflowCases.h"
#include "workflow/Transitions.h"

namespace dossier {
namespace {

// The pipeline's refusal refuses the pièce only while the refused version
// is the current one, still waiting for a decision.
TEST(AutomaticRefusal, RefusesTheCurrentTransmittedVersion) {
  EXPECT_EQ(StatusAfterAutomaticRefusal(PieceStatus::kTransmise, true), PieceStatus::kRefusee);
}

TEST(AutomaticRefusal, AReplacedVersionDecidesNothing) {
  for (PieceStatus status : cases::kEveryPieceStatus)
    EXPECT_EQ(StatusAfterAutomaticRefusal(status, false), std::nullopt) << Code(status);
}

// A gestionnaire's decision, or « Non concerné », since the upload stands.
TEST(AutomaticRefusal, APieceNoLongerTransmittedKeepsItsStatus) {
  for (PieceStatus status : cases::kEveryPieceStatus) {
    if (status == PieceStatus::kTransmise) continue;
    EXPECT_EQ(StatusAfterAutomaticRefusal(status, true), std::nullopt) << Code(status);
  }
}

// The candidature keeps its status: while not transmitted the candidate
// replaces the pièce before transmitting (a refused pièce holds the
// transmission back); once transmitted, the refused pièce makes it
// incomplete only through the gestionnaire's decision.
TEST(AutomaticRefusal, TheRefusedPieceHoldsTheTransmissionBack) {
  std::optional<PieceStatus> refused = StatusAfterAutomaticRefusal(PieceStatus::kTransmise, true);
  ASSERT_TRUE(refused);
  Checked<CandidatureStatus> transmit =
      Transmit(cases::Candidature(CandidatureStatus::kEnAttente), {cases::Piece("cv", *refused)});
  ASSERT_FALSE(transmit.allowed());
  EXPECT_EQ(transmit.error()->code(), ErrorCode::kPiecesMissing);
  EXPECT_EQ(CheckReplace(CandidatureStatus::kEnAttente, *refused, "Cv"), std::nullopt);
  EXPECT_EQ(StatusAfterDecision(CandidatureStatus::kReceptionne, {*refused}),
            CandidatureStatus::kIncomplet);
}

}  // namespace
}  // namespace dossier
