#pragma once

#include <string>

namespace dossier {

// What a file is, judged by its bytes alone (never by its name or the
// browser's type). Only Pdf, Jpeg and Png are pièce formats; the others are
// named so that a refusal can tell the candidate what they sent.
enum class FileKind {
  Pdf,
  Jpeg,
  Png,
  Empty,
  Word,
  WordLegacy,
  Excel,
  PowerPoint,
  OpenDocument,
  Zip,
  Rar,
  SevenZip,
  Gif,
  Heic,
  Avif,
  Webp,
  Tiff,
  Bmp,
  PostScript,
  Rtf,
  Text,
  Html,
  Unknown
};

// Stable machine name ("pdf", "docx", "heic", …) used in reports.
const char* FileKindCode(FileKind kind);

}  // namespace dossier
