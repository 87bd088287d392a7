#include "ingest/upload/SniffWindow.h"

#include <algorithm>

namespace dossier {

void SniffWindow::Append(const char* data, std::size_t size) {
  std::size_t to_head = std::min(size, kHeadBytes - head_.size());
  head_.append(data, to_head);
  data += to_head;
  size -= to_head;
  if (size == 0) return;
  if (size >= kTailBytes) {
    tail_.assign(data + size - kTailBytes, kTailBytes);
    return;
  }
  tail_.append(data, size);
  if (tail_.size() > kTailBytes) tail_.erase(0, tail_.size() - kTailBytes);
}

std::string SniffWindow::Bytes() const {
  return head_ + tail_;
}

}  // namespace dossier
