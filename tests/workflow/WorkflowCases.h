#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/errors/ClientError.h"
#include "core/messages/ApiMessages.h"
#include "workflow/CandidatureRow.h"
#include "workflow/Checked.h"
#include "workflow/PieceRow.h"

namespace dossier::cases {

inline const std::vector<CandidatureStatus> kEveryCandidatureStatus = {
    CandidatureStatus::kEnAttente, CandidatureStatus::kReceptionne, CandidatureStatus::kIncomplet,
    CandidatureStatus::kComplet};

inline const std::vector<PieceStatus> kEveryPieceStatus = {
    PieceStatus::kEnAttente, PieceStatus::kTransmise, PieceStatus::kValidee, PieceStatus::kRefusee,
    PieceStatus::kNonConcerne};

inline CandidatureRow Candidature(CandidatureStatus status) {
  return {"C1", "Licence Droit", status};
}

// A pièce whose label is its code with a capital, e.g. « Cv » for "cv".
inline PieceRow Piece(const std::string& code, PieceStatus status, bool mandatory = true,
                      bool conditional = false) {
  PieceRow piece;
  piece.code = code;
  piece.label = code;
  piece.label[0] = static_cast<char>(piece.label[0] - 'a' + 'A');
  piece.status = status;
  piece.mandatory = mandatory;
  piece.conditional = conditional;
  return piece;
}

// The catalogue's sentence for a candidature closed to its candidate.
inline std::string ClosedSentence(CandidatureStatus status) {
  return status == CandidatureStatus::kComplet ? messages::DossierComplete()
                                               : messages::DossierUnderExamination();
}

// The error has this code and the catalogue's sentence.
inline ::testing::AssertionResult IsError(const std::optional<ClientError>& error, ErrorCode code,
                                          const std::string& message) {
  if (!error) return ::testing::AssertionFailure() << "allowed, expected " << ErrorCodeName(code);
  if (error->code() != code)
    return ::testing::AssertionFailure()
           << error->code_name() << " instead of " << ErrorCodeName(code);
  if (error->message() != message)
    return ::testing::AssertionFailure()
           << "« " << error->message() << " » instead of « " << message << " »";
  return ::testing::AssertionSuccess();
}

template <typename Value>
::testing::AssertionResult IsError(const Checked<Value>& checked, ErrorCode code,
                                   const std::string& message) {
  if (checked.allowed()) return ::testing::AssertionFailure() << "allowed";
  return IsError(checked.error(), code, message);
}

template <typename Value>
::testing::AssertionResult Yields(const Checked<Value>& checked, Value expected) {
  if (!checked.allowed())
    return ::testing::AssertionFailure() << "refused: " << checked.error()->what();
  if (!(checked.OrThrow() == expected))
    return ::testing::AssertionFailure()
           << Code(checked.OrThrow()) << " instead of " << Code(expected);
  return ::testing::AssertionSuccess();
}

}  // namespace dossier::cases
