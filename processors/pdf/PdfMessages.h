#pragma once

#include <string>

namespace dossier {

// Sentences for candidates about PDF files.
std::string DamagedPdfMessage(const std::string& name);
std::string PasswordPdfMessage(const std::string& name);
std::string DamagedPageMessage(const std::string& name, int page);
std::string TooManyPagesInFileMessage(const std::string& name, int pages, int limit);

}  // namespace dossier
