#include "core/sniff/Sniff.h"

#include <algorithm>
#include <cctype>

namespace dossier {
namespace {

bool StartsWith(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

// Office Open XML and OpenDocument files are ZIPs; their first entries name
// what they are, so a look at the first few KiB tells them apart.
FileKind ZipFlavour(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 8192);
  if (head.find("word/") != std::string_view::npos) return FileKind::Word;
  if (head.find("xl/") != std::string_view::npos) return FileKind::Excel;
  if (head.find("ppt/") != std::string_view::npos) return FileKind::PowerPoint;
  if (head.find("application/vnd.oasis.opendocument") != std::string_view::npos)
    return FileKind::OpenDocument;
  return FileKind::Zip;
}

// ISO base media files (HEIC, AVIF) carry their brand in the first box.
FileKind IsoMediaFlavour(std::string_view bytes) {
  std::string_view brand = bytes.substr(8, 4);
  if (brand == "avif" || brand == "avis") return FileKind::Avif;
  return FileKind::Heic;  // heic, heix, hevc, mif1, msf1: all phone HEIF photos
}

bool LooksLikeText(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  return std::all_of(head.begin(), head.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x20 || u == '\n' || u == '\r' || u == '\t' || u >= 0x80;
  });
}

bool EndsWithMarker(std::string_view bytes, std::string_view marker, std::size_t window) {
  std::size_t from = bytes.size() > window ? bytes.size() - window : 0;
  return bytes.substr(from).find(marker) != std::string_view::npos;
}

SniffResult Classify(std::string_view bytes) {
  if (bytes.empty()) return {FileKind::Empty, false};
  if (StartsWith(bytes, "%PDF-")) return {FileKind::Pdf, !EndsWithMarker(bytes, "%%EOF", 2048)};
  if (StartsWith(bytes, "\xFF\xD8\xFF"))
    return {FileKind::Jpeg, !EndsWithMarker(bytes, "\xFF\xD9", 64)};
  if (StartsWith(bytes, "\x89PNG\r\n\x1A\n"))
    return {FileKind::Png, !EndsWithMarker(bytes, "IEND", 32)};
  if (StartsWith(bytes, "PK\x03\x04") || StartsWith(bytes, "PK\x05\x06"))
    return {ZipFlavour(bytes), false};
  if (StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return {FileKind::WordLegacy, false};
  if (StartsWith(bytes, "Rar!\x1A\x07")) return {FileKind::Rar, false};
  if (StartsWith(bytes, "7z\xBC\xAF\x27\x1C")) return {FileKind::SevenZip, false};
  if (StartsWith(bytes, "GIF87a") || StartsWith(bytes, "GIF89a")) return {FileKind::Gif, false};
  if (bytes.size() >= 12 && bytes.substr(4, 4) == "ftyp") return {IsoMediaFlavour(bytes), false};
  if (StartsWith(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") return {FileKind::Webp, false};
  if (StartsWith(bytes, std::string_view("II*\0", 4)) ||
      StartsWith(bytes, std::string_view("MM\0*", 4)))
    return {FileKind::Tiff, false};
  if (StartsWith(bytes, "BM")) return {FileKind::Bmp, false};
  if (StartsWith(bytes, "%!PS")) return {FileKind::PostScript, false};
  if (StartsWith(bytes, "{\\rtf")) return {FileKind::Rtf, false};
  // A PDF may have a little junk before its header; readers allow 1 KiB. Only
  // looked for once no other format claims the first bytes: a ZIP holding a
  // PDF is still a ZIP.
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos)
    return {FileKind::Pdf, !EndsWithMarker(bytes, "%%EOF", 2048)};
  if (LooksLikeText(bytes)) {
    std::string head(bytes.substr(0, 512));
    std::transform(head.begin(), head.end(), head.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos)
      return {FileKind::Html, false};
    return {FileKind::Text, false};
  }
  return {FileKind::Unknown, false};
}

}  // namespace

SniffResult Sniff(std::string_view bytes) {
  return Classify(bytes);
}

}  // namespace dossier
