// « Valider les pièces conformes »: which pièces the bulk validation takes.
#include <gtest/gtest.h>

#include "tests/workflow/WorkflowCases.h"
#include "workflow/policy/ConformePieces.h"

namespace dossier {
namespace {

CurrentPrecheck Accepted(IneVerdict ine = IneVerdict::kNonVerifie, bool active_content = false) {
  return {JobOutcome::kAccepted, ine, active_content};
}

TEST(ConformePieces, AnAcceptedPieceWithoutReserveWaitingForADecisionIsConforme) {
  EXPECT_TRUE(IsConforme(PieceStatus::kTransmise, Accepted()));
  EXPECT_TRUE(IsConforme(PieceStatus::kTransmise, Accepted(IneVerdict::kConforme)));
}

// Illisible, different or absent: « acceptée avec réserve », a person looks.
TEST(ConformePieces, AnIneReserveLeavesThePieceToTheGestionnaire) {
  for (IneVerdict verdict : kEveryIneVerdict) {
    bool reserve = verdict == IneVerdict::kIllisible || verdict == IneVerdict::kDifferent ||
                   verdict == IneVerdict::kAbsent;
    EXPECT_EQ(IsConforme(PieceStatus::kTransmise, Accepted(verdict)), !reserve) << Code(verdict);
  }
}

TEST(ConformePieces, ActiveContentLeavesThePieceToTheGestionnaire) {
  EXPECT_FALSE(IsConforme(PieceStatus::kTransmise, Accepted(IneVerdict::kConforme, true)));
}

TEST(ConformePieces, OnlyAnAcceptedOutcomeCounts) {
  for (JobOutcome outcome : kEveryJobOutcome)
    EXPECT_EQ(IsConforme(PieceStatus::kTransmise, CurrentPrecheck{outcome}),
              outcome == JobOutcome::kAccepted)
        << Code(outcome);
}

TEST(ConformePieces, APieceStillBeingProcessedIsNotConforme) {
  EXPECT_FALSE(IsConforme(PieceStatus::kTransmise, std::nullopt));
}

// Already decided, refused by the check, waiting or not concerned: only a
// pièce waiting for a decision (TR) is taken.
TEST(ConformePieces, OnlyATransmittedPieceIsTaken) {
  for (PieceStatus status : cases::kEveryPieceStatus)
    EXPECT_EQ(IsConforme(status, Accepted()), status == PieceStatus::kTransmise) << Code(status);
}

}  // namespace
}  // namespace dossier
