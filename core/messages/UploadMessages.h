#pragma once

#include <cstdint>
#include <string>

namespace dossier {

// Sentences shown to candidates when an upload is refused at the door or
// recorded, in the tone of CandidateMessages.h (which words the refusals of
// a file's content: format, empty, truncated). The conditions an upload
// shares with the rest of the API (no such candidature or pièce, a closed
// dossier, a validated pièce) have their sentence in ApiMessages.h.

// The whole request is over `limit` (announced or read).
std::string RequestTooLargeMessage(std::uint64_t limit);
std::string FileTooLargeMessage(const std::string& name, std::uint64_t limit);
std::string TooManyFilesMessage(int limit);
// `limit`: the bytes of originals one candidature may keep.
std::string QuotaExceededMessage(std::uint64_t limit);
std::string StorageFullMessage();
std::string MalformedUploadMessage();
std::string InterruptedUploadMessage();
std::string IdempotencyConflictMessage();
std::string UploadReceivedMessage(std::size_t file_count);

}  // namespace dossier
