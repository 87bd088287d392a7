#pragma once

#include <cstddef>
#include <string>

namespace dossier {

// The only bytes of a streamed file that Sniff reads (processors/sniff/
// Sniff.cpp): its head (8 KiB: the ZIP flavour looks that far, the text test
// 4 KiB, a PDF header 1 KiB) and its tail (2 KiB: where a PDF's %%EOF must
// be; JPEG and PNG end markers are looked for in the last 64 and 32 bytes).
// Bytes() joins them so that Sniff judges a 25 Mo upload exactly as it would
// the whole file, without the service ever holding it.
class SniffWindow {
 public:
  static constexpr std::size_t kHeadBytes = 8192;
  static constexpr std::size_t kTailBytes = 2048;

  void Append(const char* data, std::size_t size);
  // The whole file when it is short; else its head followed by its tail.
  std::string Bytes() const;

 private:
  std::string head_;
  std::string tail_;  // the last kTailBytes after the head, at most
};

}  // namespace dossier
