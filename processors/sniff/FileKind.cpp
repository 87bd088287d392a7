#include "processors/sniff/FileKind.h"

namespace dossier {

const char* FileKindCode(FileKind kind) {
  switch (kind) {
    case FileKind::Pdf: return "pdf";
    case FileKind::Jpeg: return "jpeg";
    case FileKind::Png: return "png";
    case FileKind::Empty: return "empty";
    case FileKind::Word: return "docx";
    case FileKind::WordLegacy: return "doc";
    case FileKind::Excel: return "xlsx";
    case FileKind::PowerPoint: return "pptx";
    case FileKind::OpenDocument: return "odf";
    case FileKind::Zip: return "zip";
    case FileKind::Rar: return "rar";
    case FileKind::SevenZip: return "7z";
    case FileKind::Gif: return "gif";
    case FileKind::Heic: return "heic";
    case FileKind::Avif: return "avif";
    case FileKind::Webp: return "webp";
    case FileKind::Tiff: return "tiff";
    case FileKind::Bmp: return "bmp";
    case FileKind::PostScript: return "postscript";
    case FileKind::Rtf: return "rtf";
    case FileKind::Text: return "text";
    case FileKind::Html: return "html";
    case FileKind::Unknown: return "unknown";
  }
  return "unknown";
}

std::string FileKindLabel(FileKind kind) {
  switch (kind) {
    case FileKind::Pdf: return "document PDF";
    case FileKind::Jpeg: return "image JPEG";
    case FileKind::Png: return "image PNG";
    case FileKind::Empty: return "fichier vide";
    case FileKind::Word: return "document Word (.docx)";
    case FileKind::WordLegacy: return "document Word ou Excel ancien format (.doc, .xls)";
    case FileKind::Excel: return "classeur Excel (.xlsx)";
    case FileKind::PowerPoint: return "présentation PowerPoint (.pptx)";
    case FileKind::OpenDocument: return "document LibreOffice (.odt, .ods)";
    case FileKind::Zip: return "archive ZIP";
    case FileKind::Rar: return "archive RAR";
    case FileKind::SevenZip: return "archive 7-Zip";
    case FileKind::Gif: return "image GIF";
    case FileKind::Heic: return "image HEIC (photo d'iPhone)";
    case FileKind::Avif: return "image AVIF";
    case FileKind::Webp: return "image WebP";
    case FileKind::Tiff: return "image TIFF";
    case FileKind::Bmp: return "image BMP";
    case FileKind::PostScript: return "fichier PostScript";
    case FileKind::Rtf: return "document RTF";
    case FileKind::Text: return "fichier texte";
    case FileKind::Html: return "page web (HTML)";
    case FileKind::Unknown: return "fichier de type inconnu";
  }
  return "fichier de type inconnu";
}

}  // namespace dossier
