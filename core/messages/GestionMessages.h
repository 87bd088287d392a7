#pragma once

#include <string>
#include <vector>

namespace dossier::messages {

// The French sentences of the routes the web pages brought (the work list's
// filters, the candidature status set by hand, the pièce previews), in the
// tone of ApiMessages.h: what happened, then what to do.

std::string InvalidFlagFilter(const std::string& flag);
std::string InvalidCandidatureStatus();
std::string PiecesNotValidated(const std::vector<std::string>& labels);
std::string NoThumbnail();

}  // namespace dossier::messages
