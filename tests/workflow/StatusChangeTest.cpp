#include <gtest/gtest.h>

#include "core/messages/ApiMessages.h"
#include "core/messages/GestionMessages.h"
#include "tests/workflow/WorkflowCases.h"
#include "workflow/Transitions.h"

namespace dossier {
namespace {

using namespace cases;
using Codes = std::vector<std::string>;

const std::vector<PieceRow> kSettled = {Piece("cv", PieceStatus::kValidee),
                                        Piece("stage", PieceStatus::kNonConcerne, false)};

TEST(StatusChangeRequest, IsCompletOrIncomplet) {
  EXPECT_TRUE(Yields(ParseStatusChange("CO"), CandidatureStatus::kComplet));
  EXPECT_TRUE(Yields(ParseStatusChange("IN"), CandidatureStatus::kIncomplet));
  for (const char* code : {"AT", "RE", "VA", "TR", "NC", "", "co", "C"})
    EXPECT_TRUE(IsError(ParseStatusChange(code), ErrorCode::kInvalidStatus,
                        messages::InvalidCandidatureStatus()))
        << code;
}

TEST(StatusChange, TheStatusItHasChangesNothingWhateverThePieces) {
  std::vector<PieceRow> unsettled = {Piece("cv", PieceStatus::kTransmise)};
  EXPECT_TRUE(Yields(ChangeCandidatureStatus(Candidature(CandidatureStatus::kComplet),
                                             CandidatureStatus::kComplet, unsettled),
                     CandidatureStatus::kComplet));
  EXPECT_TRUE(Yields(ChangeCandidatureStatus(Candidature(CandidatureStatus::kIncomplet),
                                             CandidatureStatus::kIncomplet, unsettled),
                     CandidatureStatus::kIncomplet));
}

TEST(StatusChange, NotBeforeTheDossierIsTransmitted) {
  for (CandidatureStatus requested : {CandidatureStatus::kComplet, CandidatureStatus::kIncomplet})
    EXPECT_TRUE(IsError(
        ChangeCandidatureStatus(Candidature(CandidatureStatus::kEnAttente), requested, kSettled),
        ErrorCode::kNotTransmitted, messages::NotTransmitted()))
        << Code(requested);
}

TEST(StatusChange, IncompletFromReceptionneOrCompletWhateverThePieces) {
  std::vector<PieceRow> pieces = {Piece("cv", PieceStatus::kTransmise),
                                  Piece("bac", PieceStatus::kEnAttente)};
  for (CandidatureStatus current : {CandidatureStatus::kReceptionne, CandidatureStatus::kComplet})
    EXPECT_TRUE(
        Yields(ChangeCandidatureStatus(Candidature(current), CandidatureStatus::kIncomplet, pieces),
               CandidatureStatus::kIncomplet))
        << Code(current);
}

TEST(StatusChange, CompletWhenEveryPieceIsValidatedOrNotConcerned) {
  for (CandidatureStatus current : {CandidatureStatus::kReceptionne, CandidatureStatus::kIncomplet})
    EXPECT_TRUE(
        Yields(ChangeCandidatureStatus(Candidature(current), CandidatureStatus::kComplet, kSettled),
               CandidatureStatus::kComplet))
        << Code(current);
  EXPECT_TRUE(Yields(ChangeCandidatureStatus(Candidature(CandidatureStatus::kReceptionne),
                                             CandidatureStatus::kComplet, {}),
                     CandidatureStatus::kComplet));
}

TEST(StatusChange, CompletNamesThePiecesNotSettled) {
  std::vector<PieceRow> pieces = kSettled;
  pieces.push_back(Piece("bac", PieceStatus::kTransmise));
  pieces.push_back(Piece("lettre", PieceStatus::kRefusee));
  pieces.push_back(Piece("photo", PieceStatus::kEnAttente));
  Checked<CandidatureStatus> checked = ChangeCandidatureStatus(
      Candidature(CandidatureStatus::kReceptionne), CandidatureStatus::kComplet, pieces);
  EXPECT_TRUE(IsError(checked, ErrorCode::kPiecesNotValidated,
                      messages::PiecesNotValidated({"Bac", "Lettre", "Photo"})));
  EXPECT_EQ(checked.error()->lists().at("pieces"), (Codes{"bac", "lettre", "photo"}));
}

// Every pièce status alone, for Complet.
TEST(StatusChange, OnlyValidatedAndNotConcernedPiecesAreSettled) {
  for (PieceStatus status : cases::kEveryPieceStatus) {
    SCOPED_TRACE(Code(status));
    Checked<CandidatureStatus> checked =
        ChangeCandidatureStatus(Candidature(CandidatureStatus::kReceptionne),
                                CandidatureStatus::kComplet, {Piece("cv", status)});
    bool settled = status == PieceStatus::kValidee || status == PieceStatus::kNonConcerne;
    if (settled)
      EXPECT_TRUE(Yields(checked, CandidatureStatus::kComplet));
    else
      EXPECT_TRUE(
          IsError(checked, ErrorCode::kPiecesNotValidated, messages::PiecesNotValidated({"Cv"})));
  }
}

TEST(StatusChange, NeverToEnAttenteOrReceptionneByHand) {
  for (CandidatureStatus requested :
       {CandidatureStatus::kEnAttente, CandidatureStatus::kReceptionne})
    EXPECT_TRUE(IsError(
        ChangeCandidatureStatus(Candidature(CandidatureStatus::kIncomplet), requested, kSettled),
        ErrorCode::kInvalidStatus, messages::InvalidCandidatureStatus()))
        << Code(requested);
}

}  // namespace
}  // namespace dossier
