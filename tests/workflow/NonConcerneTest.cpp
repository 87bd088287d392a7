#include <gtest/gtest.h>

#include "core/messages/ApiMessages.h"
#include "tests/workflow/WorkflowCases.h"
#include "workflow/Transitions.h"

namespace dossier {
namespace {

using namespace cases;

// An optional pièce (listed with mandatory false) or one of a conditional
// type may be « Non concerné »; a mandatory pièce of a plain type not.
struct Kind {
  const char* name;
  bool mandatory;
  bool conditional;
};
constexpr Kind kKinds[] = {{"optional", false, false},
                           {"conditional type", true, true},
                           {"optional, conditional type", false, true},
                           {"mandatory", true, false}};

// Every candidature status × every pièce status × every kind of pièce.
TEST(NonConcerne, OnlyConditionalPiecesNotValidatedOfAnOpenCandidature) {
  for (CandidatureStatus candidature : cases::kEveryCandidatureStatus) {
    for (PieceStatus piece : cases::kEveryPieceStatus) {
      for (const Kind& kind : kKinds) {
        SCOPED_TRACE(std::string(Code(candidature)) + " × " + Code(piece) + " × " + kind.name);
        Checked<PieceStatus> checked = DeclareNonConcerne(
            Candidature(candidature), Piece("stage", piece, kind.mandatory, kind.conditional));
        if (candidature == CandidatureStatus::kReceptionne ||
            candidature == CandidatureStatus::kComplet)
          EXPECT_TRUE(IsError(checked, ErrorCode::kCandidatureClosed, ClosedSentence(candidature)));
        else if (kind.mandatory && !kind.conditional)
          EXPECT_TRUE(
              IsError(checked, ErrorCode::kNotConditional, messages::NotConditional("Stage")));
        else if (piece == PieceStatus::kValidee)
          EXPECT_TRUE(
              IsError(checked, ErrorCode::kPieceValidated, messages::PieceValidated("Stage")));
        else
          EXPECT_TRUE(Yields(checked, PieceStatus::kNonConcerne));
      }
    }
  }
}

TEST(NonConcerne, ARefusedOrTransmittedConditionalPieceMayBeWithdrawn) {
  EXPECT_TRUE(Yields(DeclareNonConcerne(Candidature(CandidatureStatus::kIncomplet),
                                        Piece("stage", PieceStatus::kRefusee, false)),
                     PieceStatus::kNonConcerne));
  EXPECT_TRUE(Yields(DeclareNonConcerne(Candidature(CandidatureStatus::kEnAttente),
                                        Piece("stage", PieceStatus::kTransmise, true, true)),
                     PieceStatus::kNonConcerne));
}

}  // namespace
}  // namespace dossier
