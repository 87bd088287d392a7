#include "core/sniff/Sniff.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

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

bool IsHeifBrand(std::string_view brand) {
  for (std::string_view heif :
       {"heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "mif2", "msf1"})
    if (brand == heif) return true;
  return false;
}

// ISO base media files (HEIC, AVIF, but also MP4 and MOV videos) carry their
// major brand, then their compatible brands, in the first box. A still image
// names an image brand; a phone video (isom, mp42, qt) does not.
FileKind IsoMediaFlavour(std::string_view bytes) {
  std::string_view major = bytes.substr(8, 4);
  if (major == "avif" || major == "avis") return FileKind::Avif;
  if (IsHeifBrand(major) && major.substr(0, 2) != "mi" && major != "msf1") return FileKind::Heic;
  std::uint32_t box = 0;
  for (int i = 0; i < 4; ++i) box = (box << 8) | static_cast<unsigned char>(bytes[i]);
  std::size_t listed = box > 16 ? std::min<std::uint32_t>(box, 256) - 16 : 0;
  std::string_view compatible = bytes.size() > 16 ? bytes.substr(16, listed) : "";
  for (std::size_t at = 0; at + 4 <= compatible.size(); at += 4) {
    std::string_view brand = compatible.substr(at, 4);
    if (brand == "avif" || brand == "avis") return FileKind::Avif;
  }
  // The generic HEIF brands (mif1, msf1) with no AV1 brand: HEVC inside.
  if (IsHeifBrand(major)) return FileKind::Heic;
  for (std::size_t at = 0; at + 4 <= compatible.size(); at += 4)
    if (IsHeifBrand(compatible.substr(at, 4))) return FileKind::Heic;
  return FileKind::Video;
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
