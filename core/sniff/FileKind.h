#pragma once

#include <string>

namespace dossier {

// What a file is, judged by its bytes alone (never by its name or the
// browser's type). Pdf, Jpeg, Png, Heic, Avif, Webp and Tiff are pièce
// formats (a pièce type lists those it accepts); the others are named so
// that a refusal can tell the candidate what they sent.
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
  Video,  // an ISO media file that is not a HEIF image: MP4, MOV
  PostScript,
  Rtf,
  Text,
  Html,
  Unknown
};

// Stable machine name ("pdf", "docx", "heic", …) used in reports.
const char* FileKindCode(FileKind kind);

}  // namespace dossier
