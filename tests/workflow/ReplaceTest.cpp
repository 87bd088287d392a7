#include <gtest/gtest.h>

#include "core/messages/ApiMessages.h"
#include "tests/workflow/WorkflowCases.h"
#include "workflow/Transitions.h"

namespace dossier {
namespace {

using namespace cases;

bool IsClosed(CandidatureStatus status) {
  return status == CandidatureStatus::kReceptionne || status == CandidatureStatus::kComplet;
}

// Every candidature status × every pièce status: closed first, then
// validated, else allowed.
TEST(Replace, IsAllowedUnlessTheCandidatureIsClosedOrThePieceValidated) {
  for (CandidatureStatus candidature : kEveryCandidatureStatus) {
    for (PieceStatus piece : kEveryPieceStatus) {
      SCOPED_TRACE(std::string(Code(candidature)) + " × " + Code(piece));
      std::optional<ClientError> error = CheckReplace(candidature, piece, "CV");
      if (IsClosed(candidature))
        EXPECT_TRUE(IsError(error, ErrorCode::kCandidatureClosed, ClosedSentence(candidature)));
      else if (piece == PieceStatus::kValidee)
        EXPECT_TRUE(IsError(error, ErrorCode::kPieceValidated, messages::PieceValidated("CV")));
      else
        EXPECT_EQ(error, std::nullopt);
    }
  }
}

TEST(Replace, AClosedCandidatureSaysWhetherItIsCompleteOrUnderExamination) {
  std::optional<ClientError> complete =
      CheckReplace(CandidatureStatus::kComplet, PieceStatus::kTransmise, "CV");
  std::optional<ClientError> transmitted =
      CheckReplace(CandidatureStatus::kReceptionne, PieceStatus::kTransmise, "CV");
  ASSERT_TRUE(complete && transmitted);
  EXPECT_NE(complete->message().find("complet"), std::string::npos) << complete->message();
  EXPECT_NE(transmitted->message().find("transmis"), std::string::npos) << transmitted->message();
}

TEST(CandidatureOpen, IsClosedWhileTransmittedOrComplete) {
  for (CandidatureStatus status : kEveryCandidatureStatus) {
    SCOPED_TRACE(Code(status));
    std::optional<ClientError> error = CheckCandidatureOpen(cases::Candidature(status));
    if (IsClosed(status)) {
      EXPECT_TRUE(IsError(error, ErrorCode::kCandidatureClosed, ClosedSentence(status)));
      EXPECT_NE(error->context().find("C1"), std::string::npos) << error->context();
    } else {
      EXPECT_EQ(error, std::nullopt);
    }
  }
}

}  // namespace
}  // namespace dossier
