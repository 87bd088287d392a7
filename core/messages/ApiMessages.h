#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dossier::messages {

// The French sentences of the API's error bodies, in the tone of the
// candidate messages: what happened, then what to do.

// « A », « B » et « C »: pièce labels in a sentence.
std::string QuotedList(const std::vector<std::string>& items);

// Access.
std::string Unauthorized();
std::string TokenExpired();
std::string ForbiddenCandidature();
std::string ForbiddenRole();
// A change asked with the page's session cookie from another site's page.
std::string ForeignOrigin();

// Addresses and requests.
std::string NoSuchAddress();
std::string MethodNotAllowed();
std::string InvalidJson();
std::string BodyTooLarge(std::uint64_t limit);
// `expected`: one of the Expected… phrases below.
std::string InvalidField(const std::string& field, const std::string& expected);
std::string ExpectedText(bool required, std::size_t max_length);
std::string ExpectedBoolean();
std::string ExpectedEmail();
std::string ExpectedDate();  // a calendar date written AAAA-MM-JJ
std::string ExpectedName();  // a nom or prénom
std::string ExpectedPieceList();
std::string ExpectedPieceObject();
std::string InvalidCandidatureId();
std::string InvalidIne(const std::string& ine);
std::string UnknownPieceType(const std::string& code);
std::string DuplicatePiece(const std::string& code);
std::string InvalidStatusFilter(const std::string& status);
std::string InvalidIdempotencyKey();

// Candidatures and pièces.
std::string CandidatureNotFound();
// No such pièce for this candidature (an address, an upload).
std::string PieceNotRequired();
// The candidate can no longer change the pièces of a dossier transmitted
// (under examination) or complete (workflow/Transitions.h chooses).
std::string DossierUnderExamination();
std::string DossierComplete();
std::string PieceValidated(const std::string& label);
std::string NotConditional(const std::string& label);
// Nothing to transmit: the dossier is already under examination, or complete.
std::string AlreadyTransmitted();
std::string NothingToTransmit();
std::string PiecesMissing(const std::vector<std::string>& missing_labels,
                          const std::vector<std::string>& refused_labels);
std::string NotTransmitted();
std::string PieceNotTransmitted(const std::string& label);
std::string InvalidDecision();
std::string CommentRequired();

// Uploads and downloads.
std::string NotMultipart();
// Too many uploads for the candidature in a short time; `seconds` until the
// next one is accepted (the Retry-After of the answer).
std::string TooManyUploads(int seconds);
std::string NotProcessedYet();
std::string NoProcessedPdf();
std::string DossierNotAvailable();
// The récépissé asked before the dossier was ever transmitted.
std::string NoReceiptYet();

// The service.
std::string ServiceUnavailable();
std::string InternalError();

}  // namespace dossier::messages
