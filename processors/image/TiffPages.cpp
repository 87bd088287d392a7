#include "processors/image/TiffPages.h"

#include <cstdint>
#include <set>

#include "core/messages/ImageMessages.h"
#include "core/report/Refusal.h"

namespace dossier {
namespace {

constexpr std::uint16_t kImageWidth = 256, kImageLength = 257, kBitsPerSample = 258;
constexpr std::uint16_t kShort = 3, kLong = 4;

// Reads a classic TIFF (not BigTIFF) in its byte order; every read is
// bounds-checked by the caller through Has().
class TiffBytes {
 public:
  explicit TiffBytes(const std::string& bytes) : bytes_(bytes), little_(bytes[0] == 'I') {}

  bool Has(std::uint64_t at, std::uint64_t size) const { return at + size <= bytes_.size(); }
  std::uint32_t U16(std::uint64_t at) const { return Unsigned(at, 2); }
  std::uint32_t U32(std::uint64_t at) const { return Unsigned(at, 4); }

 private:
  std::uint32_t Unsigned(std::uint64_t at, int size) const {
    std::uint32_t value = 0;
    for (int i = 0; i < size; ++i) {
      auto byte = static_cast<unsigned char>(bytes_[at + (little_ ? size - 1 - i : i)]);
      value = (value << 8) | byte;
    }
    return value;
  }

  const std::string& bytes_;
  bool little_;
};

struct Directory {
  std::uint64_t width = 0, height = 0;
  std::uint32_t bits_per_sample = 0;  // 0 when absent or one per band (colour)
  std::uint32_t next = 0;
};

Refusal Broken(const std::string& name, const std::string& what) {
  return Refusal(RefusalReason::Corrupt, UnreadableImageMessage(name), name + ": TIFF " + what);
}

Directory ReadDirectory(const TiffBytes& tiff, std::uint32_t at, const std::string& name) {
  if (!tiff.Has(at, 2)) throw Broken(name, "directory outside the file");
  std::uint32_t entries = tiff.U16(at);
  std::uint64_t end = at + 2ull + 12ull * entries;
  if (!tiff.Has(end, 4)) throw Broken(name, "directory cut short");
  Directory directory;
  for (std::uint32_t i = 0; i < entries; ++i) {
    std::uint64_t entry = at + 2ull + 12ull * i;
    std::uint32_t tag = tiff.U16(entry), type = tiff.U16(entry + 2);
    std::uint64_t value = type == kShort  ? tiff.U16(entry + 8)
                          : type == kLong ? tiff.U32(entry + 8)
                                          : 0;
    if (tag == kImageWidth) directory.width = value;
    if (tag == kImageLength) directory.height = value;
    // One value for all bands; a colour page lists one per band elsewhere.
    if (tag == kBitsPerSample && type == kShort && tiff.U32(entry + 4) == 1)
      directory.bits_per_sample = static_cast<std::uint32_t>(value);
  }
  if (directory.width == 0 || directory.height == 0) throw Broken(name, "page without a size");
  directory.next = tiff.U32(end);
  return directory;
}

}  // namespace

bool IsBilevelTiffPage(const std::string& bytes, int page) {
  if (bytes.size() < 8) return false;
  TiffBytes tiff(bytes);
  std::set<std::uint32_t> seen;
  std::uint32_t at = tiff.U32(4);
  try {
    for (int i = 0; at != 0 && seen.insert(at).second; ++i) {
      Directory directory = ReadDirectory(tiff, at, "");
      if (i == page) return directory.bits_per_sample == 1;
      at = directory.next;
    }
  } catch (const Refusal&) {
  }
  return false;
}

int CountTiffPages(const std::string& bytes, const std::string& name, const HardLimits& limits) {
  if (bytes.size() < 8) throw Broken(name, "header cut short");
  TiffBytes tiff(bytes);
  std::set<std::uint32_t> seen;
  int pages = 0;
  for (std::uint32_t at = tiff.U32(4); at != 0;) {
    if (!seen.insert(at).second) throw Broken(name, "directories in a loop");
    Directory directory = ReadDirectory(tiff, at, name);
    if (++pages > limits.max_pages_per_file)
      throw Refusal(RefusalReason::Limits,
                    TooManyImagePagesMessage(name, limits.max_pages_per_file),
                    name + ": over " + std::to_string(limits.max_pages_per_file) + " TIFF pages");
    if (directory.width * directory.height > limits.max_image_pixels)
      throw Refusal(
          RefusalReason::Limits, OversizedImageMessage(name, directory.width, directory.height),
          name + ": page " + std::to_string(pages) + " of " + std::to_string(directory.width) +
              "x" + std::to_string(directory.height) + " pixels");
    at = directory.next;
  }
  if (pages == 0) throw Broken(name, "without a page");
  return pages;
}

}  // namespace dossier
