#pragma once

#include <cstdint>
#include <string>

namespace dossier {

// Sentences shown to candidates when an upload is refused at the door or
// recorded, in the tone of processors/pipeline/CandidateMessages (which
// already words the refusals of a file's content: format, empty, truncated).
std::string RequestTooLargeMessage(std::uint64_t limit);
std::string FileTooLargeMessage(const std::string& name, std::uint64_t limit);
std::string TooManyFilesMessage(int limit);
// `limit`: the bytes of originals one candidature may keep.
std::string QuotaExceededMessage(std::uint64_t limit);
std::string StorageFullMessage();
std::string MalformedUploadMessage();
std::string InterruptedUploadMessage();
std::string UnknownCandidatureMessage();
std::string PieceNotRequiredMessage(const std::string& piece_code);
// `status` is the candidature's: "RE" (transmitted) or "CO" (complete).
std::string CandidatureClosedMessage(const std::string& status);
std::string PieceValidatedMessage();
std::string IdempotencyConflictMessage();
std::string UploadReceivedMessage(std::size_t file_count);

}  // namespace dossier
