#include <gtest/gtest.h>

#include "core/messages/ApiMessages.h"
#include "tests/workflow/WorkflowCases.h"
#include "workflow/Transitions.h"

namespace dossier {
namespace {

using namespace cases;
using Codes = std::vector<std::string>;

const std::vector<PieceRow> kReady = {Piece("cv", PieceStatus::kTransmise),
                                      Piece("bac", PieceStatus::kValidee),
                                      Piece("stage", PieceStatus::kNonConcerne, false)};

TEST(Transmit, FromEnAttenteOrIncompletSetsReceptionne) {
  EXPECT_TRUE(Yields(Transmit(Candidature(CandidatureStatus::kEnAttente), kReady),
                     CandidatureStatus::kReceptionne));
  EXPECT_TRUE(Yields(Transmit(Candidature(CandidatureStatus::kIncomplet), kReady),
                     CandidatureStatus::kReceptionne));
}

TEST(Transmit, NothingAskedIsNothingMissing) {
  EXPECT_TRUE(Yields(Transmit(Candidature(CandidatureStatus::kEnAttente), {}),
                     CandidatureStatus::kReceptionne));
}

TEST(Transmit, NotFromReceptionneNorComplet) {
  EXPECT_TRUE(IsError(Transmit(Candidature(CandidatureStatus::kReceptionne), kReady),
                      ErrorCode::kNotTransmittable, messages::AlreadyTransmitted()));
  EXPECT_TRUE(IsError(Transmit(Candidature(CandidatureStatus::kComplet), kReady),
                      ErrorCode::kNotTransmittable, messages::NothingToTransmit()));
  EXPECT_NE(messages::NothingToTransmit(), messages::AlreadyTransmitted());
}

// The candidature's status is checked before its pièces.
TEST(Transmit, AClosedCandidatureIsNotTransmittableWhateverItsPieces) {
  std::vector<PieceRow> missing = {Piece("cv", PieceStatus::kEnAttente)};
  EXPECT_TRUE(IsError(Transmit(Candidature(CandidatureStatus::kComplet), missing),
                      ErrorCode::kNotTransmittable, messages::NothingToTransmit()));
}

TEST(Transmit, AWaitingPieceIsMissing) {
  std::vector<PieceRow> pieces = kReady;
  pieces.push_back(Piece("lettre", PieceStatus::kEnAttente));
  Checked<CandidatureStatus> checked = Transmit(Candidature(CandidatureStatus::kEnAttente), pieces);
  EXPECT_TRUE(IsError(checked, ErrorCode::kPiecesMissing, messages::PiecesMissing({"Lettre"}, {})));
  EXPECT_EQ(checked.error()->lists().at("pieces"), Codes{"lettre"});
}

TEST(Transmit, ARefusedPieceMustBeReplacedFirst) {
  std::vector<PieceRow> pieces = kReady;
  pieces.push_back(Piece("identite", PieceStatus::kRefusee));
  Checked<CandidatureStatus> checked = Transmit(Candidature(CandidatureStatus::kIncomplet), pieces);
  EXPECT_TRUE(
      IsError(checked, ErrorCode::kPiecesMissing, messages::PiecesMissing({}, {"Identite"})));
  EXPECT_EQ(checked.error()->lists().at("pieces"), Codes{"identite"});
}

// Missing and refused are named apart in the sentence; the codes come in
// the pièces' order.
TEST(Transmit, MissingAndRefusedPiecesAreAllNamed) {
  std::vector<PieceRow> pieces = {
      Piece("cv", PieceStatus::kRefusee),       Piece("bac", PieceStatus::kEnAttente),
      Piece("stage", PieceStatus::kTransmise),  Piece("lettre", PieceStatus::kEnAttente),
      Piece("identite", PieceStatus::kRefusee), Piece("photo", PieceStatus::kValidee)};
  Checked<CandidatureStatus> checked = Transmit(Candidature(CandidatureStatus::kEnAttente), pieces);
  EXPECT_TRUE(IsError(checked, ErrorCode::kPiecesMissing,
                      messages::PiecesMissing({"Bac", "Lettre"}, {"Cv", "Identite"})));
  EXPECT_EQ(checked.error()->lists().at("pieces"), (Codes{"cv", "bac", "lettre", "identite"}));
  EXPECT_NE(checked.error()->context().find("C1"), std::string::npos);
}

// Every pièce status alone: only AT and RE hold the dossier back.
TEST(Transmit, OnlyWaitingAndRefusedPiecesHoldItBack) {
  for (PieceStatus status : cases::kEveryPieceStatus) {
    SCOPED_TRACE(Code(status));
    Checked<CandidatureStatus> checked =
        Transmit(Candidature(CandidatureStatus::kEnAttente), {Piece("cv", status)});
    bool held = status == PieceStatus::kEnAttente || status == PieceStatus::kRefusee;
    EXPECT_EQ(checked.allowed(), !held);
  }
}

}  // namespace
}  // namespace dossier
