#include <gtest/gtest.h>

#include "tests/workflow/WorkflowCases.h"
#include "workflow/Transitions.h"

namespace dossier {
namespace {

using Statuses = std::vector<PieceStatus>;
constexpr PieceStatus AT = PieceStatus::kEnAttente, TR = PieceStatus::kTransmise,
                      VA = PieceStatus::kValidee, RE = PieceStatus::kRefusee,
                      NC = PieceStatus::kNonConcerne;

TEST(StatusAfterDecision, ARefusedPieceMakesTheCandidatureIncomplete) {
  EXPECT_EQ(StatusAfterDecision(CandidatureStatus::kReceptionne, Statuses{VA, RE, TR}),
            CandidatureStatus::kIncomplet);
  EXPECT_EQ(StatusAfterDecision(CandidatureStatus::kIncomplet, Statuses{RE, VA}),
            CandidatureStatus::kIncomplet);
  EXPECT_EQ(StatusAfterDecision(CandidatureStatus::kReceptionne, Statuses{RE, AT, NC}),
            CandidatureStatus::kIncomplet);
}

TEST(StatusAfterDecision, AllValidatedOrNotConcernedMakesItComplete) {
  EXPECT_EQ(StatusAfterDecision(CandidatureStatus::kReceptionne, Statuses{VA, NC, VA}),
            CandidatureStatus::kComplet);
  EXPECT_EQ(StatusAfterDecision(CandidatureStatus::kIncomplet, Statuses{VA}),
            CandidatureStatus::kComplet);
  EXPECT_EQ(StatusAfterDecision(CandidatureStatus::kIncomplet, Statuses{NC}),
            CandidatureStatus::kComplet);
}

TEST(StatusAfterDecision, PiecesStillToCheckLeaveItAsItIs) {
  for (CandidatureStatus current :
       {CandidatureStatus::kReceptionne, CandidatureStatus::kIncomplet}) {
    SCOPED_TRACE(Code(current));
    EXPECT_EQ(StatusAfterDecision(current, Statuses{VA, TR}), current);
    EXPECT_EQ(StatusAfterDecision(current, Statuses{VA, AT}), current);
    EXPECT_EQ(StatusAfterDecision(current, Statuses{}), current);
  }
}

// One pièce of each status beside a validated one.
TEST(StatusAfterDecision, EachPieceStatusBesideAValidatedOne) {
  const std::vector<std::pair<PieceStatus, CandidatureStatus>> expected = {
      {AT, CandidatureStatus::kReceptionne},
      {TR, CandidatureStatus::kReceptionne},
      {VA, CandidatureStatus::kComplet},
      {RE, CandidatureStatus::kIncomplet},
      {NC, CandidatureStatus::kComplet}};
  for (const auto& [piece, candidature] : expected)
    EXPECT_EQ(StatusAfterDecision(CandidatureStatus::kReceptionne, Statuses{VA, piece}),
              candidature)
        << Code(piece);
}

}  // namespace
}  // namespace dossier
