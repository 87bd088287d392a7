#include <gtest/gtest.h>

#include <optional>
#include <string_view>
#include <vector>

#include "workflow/CandidatureStatus.h"
#include "workflow/IneVerdict.h"
#include "workflow/JobOutcome.h"
#include "workflow/PieceStatus.h"

namespace dossier {
namespace {

template <typename Value>
struct Expected {
  Value value;
  const char* code;
  const char* label;
};

// Every value has its code and label, and its code parses back to it; the
// table lists every value of the type.
template <typename Value>
void ExpectCodes(const std::vector<Expected<Value>>& table,
                 std::optional<Value> (*parse)(std::string_view),
                 const std::vector<const char*>& not_codes) {
  for (const Expected<Value>& row : table) {
    SCOPED_TRACE(row.code);
    EXPECT_STREQ(Code(row.value), row.code);
    EXPECT_STREQ(Label(row.value), row.label);
    EXPECT_EQ(parse(row.code), row.value);
    EXPECT_EQ(parse(row.label), std::nullopt);
  }
  for (const char* code : not_codes) EXPECT_EQ(parse(code), std::nullopt) << "« " << code << " »";
}

TEST(StatusCodes, CandidatureStatusIsEcandidatsTypeStatut) {
  ExpectCodes<CandidatureStatus>({{CandidatureStatus::kEnAttente, "AT", "En attente"},
                                  {CandidatureStatus::kReceptionne, "RE", "Réceptionné"},
                                  {CandidatureStatus::kIncomplet, "IN", "Incomplet"},
                                  {CandidatureStatus::kComplet, "CO", "Complet"}},
                                 ParseCandidatureStatus,
                                 {"", "TR", "VA", "NC", "re", "RE ", "REC"});
}

TEST(StatusCodes, PieceStatusIsEcandidatsTypeStatutPiece) {
  ExpectCodes<PieceStatus>({{PieceStatus::kEnAttente, "AT", "En attente"},
                            {PieceStatus::kTransmise, "TR", "Transmise"},
                            {PieceStatus::kValidee, "VA", "Validée"},
                            {PieceStatus::kRefusee, "RE", "Refusée"},
                            {PieceStatus::kNonConcerne, "NC", "Non concerné"}},
                           ParsePieceStatus, {"", "IN", "CO", "va", "V", "VAL"});
}

// "RE" is Réceptionné for a candidature and Refusée for a pièce; "AT" is
// En attente for both: only the type says which.
TEST(StatusCodes, SharedCodesMeanWhatTheirTypeSays) {
  EXPECT_EQ(ParseCandidatureStatus("RE"), CandidatureStatus::kReceptionne);
  EXPECT_EQ(ParsePieceStatus("RE"), PieceStatus::kRefusee);
  EXPECT_STRNE(Label(*ParseCandidatureStatus("RE")), Label(*ParsePieceStatus("RE")));
  EXPECT_EQ(ParseCandidatureStatus("AT"), CandidatureStatus::kEnAttente);
  EXPECT_EQ(ParsePieceStatus("AT"), PieceStatus::kEnAttente);
}

TEST(StatusCodes, IneVerdictIsTheReports) {
  ExpectCodes<IneVerdict>({{IneVerdict::kConforme, "conforme", "Conforme"},
                           {IneVerdict::kDifferent, "different", "Différent"},
                           {IneVerdict::kIllisible, "illisible", "Illisible"},
                           {IneVerdict::kAbsent, "absent", "Absent"},
                           {IneVerdict::kNonVerifie, "non_verifie", "Non vérifié"}},
                          ParseIneVerdict, {"", "non vérifié", "AT"});
}

TEST(StatusCodes, JobOutcomeIsThePrechecks) {
  ExpectCodes<JobOutcome>({{JobOutcome::kAccepted, "accepted", "Acceptée"},
                           {JobOutcome::kRefused, "refused", "Refusée"},
                           {JobOutcome::kUnprocessable, "unprocessable", "Non traitable"}},
                          ParseJobOutcome, {"", "done", "poison", "RE", "Accepted"});
}

}  // namespace
}  // namespace dossier
