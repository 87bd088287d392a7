#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors/ClientError.h"
#include "workflow/CandidatureRow.h"
#include "workflow/CandidatureStatus.h"
#include "workflow/Checked.h"
#include "workflow/PieceRow.h"
#include "workflow/PieceStatus.h"

namespace dossier {

// eCandidat's rules, as pure functions of the statuses: each returns the
// error the client is answered with (code and French sentence of
// core/messages, the candidature and the pièce as context), or what the step
// yields when it is allowed. The routes, ingest and the workers read the
// rows, ask here, then write; no rule is checked anywhere else. One file per
// transition under workflow/transitions/.

// The candidate's pièces may be changed (replaced, declared « Non
// concerné ») unless the candidature is transmitted (RE) or complete (CO):
// candidature_closed.
std::optional<ClientError> CheckCandidatureOpen(const CandidatureRow& candidature);

// A new version of a pièce may be uploaded unless the candidature is closed
// (candidature_closed) or the pièce validated (piece_validated).
std::optional<ClientError> CheckReplace(CandidatureStatus candidature, PieceStatus piece,
                                        const std::string& piece_label);

// The candidate transmits the dossier: only from AT or IN
// (not_transmittable), only when no pièce is waiting (AT) or refused (RE)
// (pieces_missing, naming them, their codes under "pieces"). Yields RE.
Checked<CandidatureStatus> Transmit(const CandidatureRow& candidature,
                                    const std::vector<PieceRow>& pieces);

// The gestionnaire's decision on a pièce as the request brings it: VA or
// RE (invalid_decision).
Checked<PieceStatus> ParseDecisionStatus(std::string_view code);
// A refusal says why (comment_required): blanks are no reason.
std::optional<ClientError> CheckDecisionComment(PieceStatus decision, const std::string& comment);
// Pièces are examined once transmitted: candidature RE or IN
// (not_transmitted).
std::optional<ClientError> CheckUnderExamination(const CandidatureRow& candidature);
// A decision on a pièce of a candidature under examination, transmitted or
// already decided (TR, VA, RE; else piece_not_transmitted). Yields the
// decision as the pièce's status.
Checked<PieceStatus> Decide(const CandidatureRow& candidature, const PieceRow& piece,
                            PieceStatus decision);
// The candidature after a decision on one of its pièces (`current` RE or
// IN): any pièce refused makes it incomplete (IN); every pièce validated or
// not concerned makes it complete (CO); otherwise it stays as it is.
CandidatureStatus StatusAfterDecision(CandidatureStatus current,
                                      const std::vector<PieceStatus>& pieces);

// « Non concerné »: not in a closed candidature (candidature_closed), only
// for a pièce listed optional or of a conditional type (not_conditional),
// never once validated (piece_validated). Yields NC.
Checked<PieceStatus> DeclareNonConcerne(const CandidatureRow& candidature, const PieceRow& piece);

// The status a gestionnaire may set by hand: CO or IN (invalid_status).
Checked<CandidatureStatus> ParseStatusChange(std::string_view code);
// The gestionnaire declares the dossier complete or incomplete whatever the
// pièces' decisions concluded: asking for the status it has changes nothing;
// otherwise only once transmitted (not_transmitted), and complete only when
// every pièce is validated or not concerned (pieces_not_validated, naming
// the others, their codes under "pieces"). Yields the status to hold.
Checked<CandidatureStatus> ChangeCandidatureStatus(const CandidatureRow& candidature,
                                                   CandidatureStatus requested,
                                                   const std::vector<PieceRow>& pieces);

// The pipeline refused a version of a pièce: the pièce is refused (RE) when
// that version is still its current one and still waiting for a decision
// (TR); nullopt when the refusal decides nothing (replaced since, or decided
// by a gestionnaire). The candidature keeps its status: the candidate is
// told by mail, and a transmitted dossier follows the gestionnaire's
// decision on the pièce.
std::optional<PieceStatus> StatusAfterAutomaticRefusal(PieceStatus current,
                                                       bool refused_version_is_current);

}  // namespace dossier
