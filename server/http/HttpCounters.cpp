#include "server/http/HttpCounters.h"

namespace dossier {

void HttpCounters::CountResponse(int status) {
  int index = status / 100 - 1;
  if (index < 0 || index > 4) index = 4;
  by_class_[static_cast<std::size_t>(index)]++;
}

void HttpCounters::CountUpload(std::uint64_t files, std::uint64_t bytes) {
  uploads_++;
  upload_files_ += files;
  upload_bytes_ += bytes;
}

std::array<std::uint64_t, 5> HttpCounters::responses_by_class() const {
  std::array<std::uint64_t, 5> copy{};
  for (std::size_t i = 0; i < copy.size(); ++i) copy[i] = by_class_[i].load();
  return copy;
}

}  // namespace dossier
