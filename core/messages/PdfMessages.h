#pragma once

#include <cstdint>
#include <string>

namespace dossier {

// Sentences for candidates about PDF files.
std::string DamagedPdfMessage(const std::string& name);
std::string PasswordPdfMessage(const std::string& name);
std::string EmptyPdfMessage(const std::string& name);  // a PDF of no page
std::string DamagedPageMessage(const std::string& name, int page);
std::string TooManyPagesInFileMessage(const std::string& name, int pages, int limit);

// What a PDF asks a renderer for, past HardLimits (DrawingBudget, PageArea).
enum class DrawingExcess { Operators, FormDraws, FormDepth, ImagePixels, ContentBytes };
std::string HugeImageMessage(const std::string& name, std::uint64_t pixels, std::uint64_t limit);
// `page` 1-based, 0 for the file as a whole; `limit` in the excess's unit.
std::string OverdrawnMessage(const std::string& name, int page, DrawingExcess excess,
                             std::uint64_t limit);
std::string GiantPageMessage(const std::string& name, int page, double width, double height);

}  // namespace dossier
