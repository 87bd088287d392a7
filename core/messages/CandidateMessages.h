#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/report/PieceReport.h"
#include "core/sniff/FileKind.h"

namespace dossier {

// Sentences shown to candidates, in the words of the eCandidat guides.
// What a file is, in a sentence: « document Word (.docx) », « image HEIC
// (photo d'iPhone) ».
std::string FileKindLabel(FileKind kind);
// The same with its indefinite article: « un document Word (.docx) »,
// « une image GIF », « une archive ZIP ».
std::string FileKindWithArticle(FileKind kind);
// What the INE check found, as a sentence to append ("" when not checked).
std::string IneSentence(const IneReport& ine);
std::string AcceptedMessage(const PieceReport& report, std::size_t file_count);
std::string WrongFormatMessage(const std::string& name, FileKind kind,
                               const std::vector<std::string>& formats);
std::string EmptyFileMessage(const std::string& name);
std::string TruncatedFileMessage(const std::string& name);
std::string NoFileMessage();
std::string TooLargeMessage(std::uint64_t achieved, std::uint64_t limit);
std::string SignedTooLargeMessage(std::uint64_t size, std::uint64_t limit);
std::string TooManyPagesMessage(int pages, int limit, const std::string& label);
std::string UnmergeableMessage();
std::string WorkerCrashedMessage();
std::string TimedOutMessage(int seconds);
std::string OutOfMemoryMessage();
// A pièce the workers gave up on (poison): a gestionnaire examines it.
std::string UnprocessableMessage();
std::string FileTooLargeToReadMessage(const std::string& name, std::uint64_t size);

}  // namespace dossier
