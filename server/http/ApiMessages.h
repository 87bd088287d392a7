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

// Addresses and requests.
std::string NoSuchAddress();
std::string MethodNotAllowed();
std::string InvalidJson();
std::string BodyTooLarge(std::uint64_t limit);
std::string InvalidField(const std::string& field, const std::string& expected);
std::string InvalidCandidatureId();
std::string InvalidIne(const std::string& ine);
std::string UnknownPieceType(const std::string& code);
std::string DuplicatePiece(const std::string& code);
std::string InvalidStatusFilter(const std::string& status);
std::string InvalidIdempotencyKey();

// Candidatures and pièces.
std::string CandidatureNotFound();
std::string PieceNotRequired();
std::string CandidatureClosed(const std::string& status);
std::string PieceValidated(const std::string& label);
std::string NotConditional(const std::string& label);
std::string NotTransmittable(const std::string& status);
std::string PiecesMissing(const std::vector<std::string>& missing_labels,
                          const std::vector<std::string>& refused_labels);
std::string NotTransmitted();
std::string PieceNotTransmitted(const std::string& label);
std::string InvalidDecision();
std::string CommentRequired();

// Uploads and downloads.
std::string NotMultipart();
std::string UploadTooLarge(std::uint64_t limit);
// Too many uploads for the candidature in a short time; `seconds` until the
// next one is accepted (the Retry-After of the answer).
std::string TooManyUploads(int seconds);
std::string NotProcessedYet();
std::string NoProcessedPdf();
std::string DossierNotAvailable();

// The service.
std::string ServiceUnavailable();
std::string InternalError();

}  // namespace dossier::messages
