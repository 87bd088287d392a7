#include "core/sniff/FileKind.h"

namespace dossier {

const char* FileKindCode(FileKind kind) {
  switch (kind) {
    case FileKind::Pdf:
      return "pdf";
    case FileKind::Jpeg:
      return "jpeg";
    case FileKind::Png:
      return "png";
    case FileKind::Empty:
      return "empty";
    case FileKind::Word:
      return "docx";
    case FileKind::WordLegacy:
      return "doc";
    case FileKind::Excel:
      return "xlsx";
    case FileKind::PowerPoint:
      return "pptx";
    case FileKind::OpenDocument:
      return "odf";
    case FileKind::Zip:
      return "zip";
    case FileKind::Rar:
      return "rar";
    case FileKind::SevenZip:
      return "7z";
    case FileKind::Gif:
      return "gif";
    case FileKind::Heic:
      return "heic";
    case FileKind::Avif:
      return "avif";
    case FileKind::Webp:
      return "webp";
    case FileKind::Tiff:
      return "tiff";
    case FileKind::Bmp:
      return "bmp";
    case FileKind::Video:
      return "video";
    case FileKind::PostScript:
      return "postscript";
    case FileKind::Rtf:
      return "rtf";
    case FileKind::Text:
      return "text";
    case FileKind::Html:
      return "html";
    case FileKind::Unknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace dossier
